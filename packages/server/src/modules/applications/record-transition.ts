import { and, eq } from 'drizzle-orm';
import { acceptanceDeadline, clockRunsIn, FINAL_STATUSES, shanghaiDate, type ApplicationAction, type ApplicationStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationActions, applications } from '../../db/schema';
import { inTransaction, type Tx } from '../../db/transaction';
import { AppError } from '../../http/problem';
import { appendAudit, type ActorType } from '../audit/audit-log';
import { notifyApplicant, sendPendingSms } from '../notifications/notifications';
import type { ApplicationRow } from './application-repo';

/**
 * One step of an application, written whole: the folded status, the action row, the audit row, the step's effects
 * on the registry and the applicant's 站内信 in one transaction (design.md: state change + audit row together, then
 * notifications); the SMS goes after commit. Callers decide `to` with the domain status machine.
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
  /** Writes that belong to this step (registry effects of a completing case), inside its transaction; what they
   * return is kept in the case's `result` for the applicant (e.g. the new card's serial). */
  effects?: (tx: Tx, updated: ApplicationRow) => Promise<Record<string, unknown> | void>;
  /** Facts for the applicant's message. */
  message?: { grade?: string; trackingNo?: string };
  /** Only this claim holder may write the step (staff actions); checked again under the row lock. */
  claimedBy?: string;
}

/** The queue's due date after the step: the acceptance clock restarts on (re)submission; 受理 sets the promise. */
function clockColumns(t: Transition, row: ApplicationRow, now: Date): Partial<typeof applications.$inferInsert> {
  if (t.to === 'SUBMITTED') return { dueDate: acceptanceDeadline(shanghaiDate(now)), overdueFlaggedAt: null };
  if (t.action === 'ACCEPT') return { dueDate: t.set?.promisedDeadline ?? row.promisedDeadline, overdueFlaggedAt: null };
  if (!clockRunsIn(t.to)) return { dueDate: null, ...(FINAL_STATUSES.includes(t.to) && t.to !== t.from && { completedAt: now, claimedBy: null, claimedAt: null }) };
  return {};
}

export async function recordTransition(ctx: AppContext, row: ApplicationRow, t: Transition, log?: { warn: (o: object, m: string) => void }): Promise<ApplicationRow> {
  const now = ctx.clock.now();
  const { updated, sms } = await inTransaction(ctx.db, async (tx) => {
    // The status (and claim) the caller decided on must still hold: two clerks, or a clerk and the applicant, cannot
    // both move the case from the same state.
    const guard = and(eq(applications.id, row.id), eq(applications.status, t.from), ...(t.claimedBy ? [eq(applications.claimedBy, t.claimedBy)] : []));
    let [written] = await tx
      .update(applications)
      .set({ ...clockColumns(t, row, now), ...t.set, status: t.to, updatedAt: now })
      .where(guard)
      .returning();
    if (!written) throw new AppError('YZ-GEN-409', '办件状态已变化（可能已被他人处理），请刷新后再操作');
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
    await appendAudit(tx, { actorType: t.actor.type, actorId: t.actor.id, action: `APPLICATION_${t.action}`, objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: t.ip, details: { applyNo: written.applyNo, from: t.from, to: t.to } }, now);
    const outcome = t.effects ? await t.effects(tx, written) : undefined;
    if (outcome && Object.keys(outcome).length > 0) {
      written = (await tx.update(applications).set({ result: { ...written.result, ...outcome } }).where(eq(applications.id, row.id)).returning())[0]!;
    }
    const message = t.to === t.from ? undefined : await notifyApplicant(tx, written, t.action, { ...t.message, opinion: t.opinion ?? null }, now);
    return { updated: written, sms: message };
  });
  await sendPendingSms(ctx, sms, log ?? { warn: () => undefined });
  return updated;
}
