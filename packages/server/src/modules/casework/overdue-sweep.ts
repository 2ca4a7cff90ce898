import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { CLOCK_STATUSES, nextStatus, shanghaiDate, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit-log';
import { recordTransition } from '../applications/record-transition';

/**
 * The daily sweep (run by pg-boss, see jobs.ts): flags each case found past its due date for the first time (an audit
 * row per case, so supervision sees when it went overdue), and closes 补正 requests whose reply deadline has passed
 * (domain.md §12.1: expiry ⇒ CLOSED), telling the applicant. Running it twice in a day changes nothing more.
 */
export async function sweepOverdueCases(ctx: AppContext): Promise<{ flagged: number; closed: number }> {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const flagged = await inTransaction(ctx.db, async (tx) => {
    const rows = await tx
      .update(applications)
      .set({ overdueFlaggedAt: now })
      .where(and(lt(applications.dueDate, today), isNull(applications.overdueFlaggedAt), inArray(applications.status, [...CLOCK_STATUSES])))
      .returning({ id: applications.id, applyNo: applications.applyNo, dueDate: applications.dueDate, authority: applications.handlingAuthorityCode });
    for (const row of rows) {
      await appendAudit(tx, { actorType: 'SYSTEM', actorId: 'overdue-sweep', action: 'CASE_OVERDUE', objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: null, details: { applyNo: row.applyNo, dueDate: row.dueDate, authority: row.authority } }, now);
    }
    return rows.length;
  });
  const expired = await ctx.db.select().from(applications).where(and(eq(applications.status, 'CORRECTION_REQUIRED'), lt(applications.correctionDeadline, today)));
  let closed = 0;
  for (const row of expired) {
    const from = row.status as ApplicationStatus;
    const to = nextStatus(from, row.service as ServiceCode, 'CLOSE', { kind: 'SYSTEM' });
    await recordTransition(ctx, row, { action: 'CLOSE', from, to, actor: { type: 'SYSTEM', id: 'overdue-sweep' }, opinion: `补正期限（${row.correctionDeadline}）已过，未提交补正材料`, ip: '' });
    closed++;
  }
  return { flagged, closed };
}
