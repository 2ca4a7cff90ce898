import { eq } from 'drizzle-orm';
import type { ApplicationAction, ApplicationStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationActions, applications } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { appendAudit, type ActorType } from '../audit/audit-log';
import type { ApplicationRow } from './application-repo';

/**
 * One step of an application, written whole: the folded status, the action row and the audit row in one
 * transaction (design.md: state change + audit row together). Callers decide `to` with the domain status machine.
 */
export interface Transition {
  action: ApplicationAction;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actor: { type: Exclude<ActorType, 'ANONYMOUS'>; id: string; authorityCode?: string };
  opinion?: string | null;
  details?: Record<string, unknown>;
  ip: string;
  /** Extra columns to set with the status (e.g. 办件编号 at submission). */
  set?: Partial<typeof applications.$inferInsert>;
}

export function recordTransition(ctx: AppContext, row: ApplicationRow, t: Transition): Promise<ApplicationRow> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [updated] = await tx.update(applications).set({ ...t.set, status: t.to, updatedAt: now }).where(eq(applications.id, row.id)).returning();
    await tx.insert(applicationActions).values({
      applicationId: row.id,
      action: t.action,
      fromStatus: t.from,
      toStatus: t.to,
      actorType: t.actor.type,
      actorId: t.actor.id,
      authorityCode: t.actor.authorityCode ?? null,
      opinion: t.opinion ?? null,
      details: t.details ?? {},
      at: now,
    });
    await appendAudit(tx, { actorType: t.actor.type, actorId: t.actor.id, action: `APPLICATION_${t.action}`, objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: t.ip, details: { applyNo: updated!.applyNo, from: t.from, to: t.to } }, now);
    return updated!;
  });
}
