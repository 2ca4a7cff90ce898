import { and, eq, gte, inArray, isNotNull, ne, or } from 'drizzle-orm';
import { addDays, findService, SERVICE_CODES, shanghaiDate, shanghaiDayStart, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications, archiveTransfers } from '../../db/schema';
import type { StaffActor } from '../staff/staff-auth';
import { staffScope } from './case-access';
import { queueCounts } from './case-queues';

/**
 * 工作台 (issue 6): for the authorities the staff member sees, applications received and completed this week and
 * this month, cases overdue now, the on-time rate (completed by the promised date) and the average handling time per
 * service over the month, and the backlog per queue.
 */
function weekStart(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, -((weekday + 6) % 7));
}

const inRange = (at: Date | null, from: string) => !!at && at >= shanghaiDayStart(from);

export async function dashboard(ctx: AppContext, actor: StaffActor) {
  const { visibleCodes } = await staffScope(ctx.db, actor);
  const visible = visibleCodes();
  const today = shanghaiDate(ctx.clock.now());
  const week = weekStart(today);
  const month = `${today.slice(0, 8)}01`;
  const since = shanghaiDayStart(week < month ? week : month);
  const rows = visible.length
    ? await ctx.db
        .select({ service: applications.service, status: applications.status, submittedAt: applications.submittedAt, completedAt: applications.completedAt, promisedDeadline: applications.promisedDeadline, dueDate: applications.dueDate })
        .from(applications)
        .where(and(inArray(applications.handlingAuthorityCode, visible), ne(applications.status, 'DRAFT'), or(gte(applications.submittedAt, since), gte(applications.completedAt, since), isNotNull(applications.dueDate))))
    : [];
  // Only cases that went through to a result count for time and punctuality (not withdrawn or refused ones).
  const finished = rows.filter((r) => inRange(r.completedAt, month) && (r.status === 'COMPLETED' || r.status === 'RATED'));
  const onTime = finished.filter((r) => r.promisedDeadline && shanghaiDate(r.completedAt!) <= r.promisedDeadline).length;
  const withPromise = finished.filter((r) => r.promisedDeadline).length;
  const perService = SERVICE_CODES.map((service: ServiceCode) => {
    const done = finished.filter((r) => r.service === service && r.submittedAt);
    const days = done.map((r) => (r.completedAt!.getTime() - r.submittedAt!.getTime()) / 86_400_000);
    return { service, serviceName: findService(service)!.name, completed: done.length, averageDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null };
  });
  const transfers = visible.length ? await ctx.db.select().from(archiveTransfers).where(and(inArray(archiveTransfers.fromAuthorityCode, visible), eq(archiveTransfers.status, 'OPEN'))) : [];
  return {
    today,
    weekStart: week,
    monthStart: month,
    received: { week: rows.filter((r) => inRange(r.submittedAt, week)).length, month: rows.filter((r) => inRange(r.submittedAt, month)).length },
    completed: { week: rows.filter((r) => inRange(r.completedAt, week)).length, month: rows.filter((r) => inRange(r.completedAt, month)).length },
    overdue: rows.filter((r) => r.dueDate && r.dueDate < today).length,
    onTimeRate: withPromise ? Math.round((onTime / withPromise) * 1000) / 10 : null,
    perService,
    backlog: await queueCounts(ctx, actor),
    openArchiveTransfers: transfers.length,
  };
}
