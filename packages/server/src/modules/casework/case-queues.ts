import { and, count, desc, eq, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  addWorkingDays,
  applicationStatusNames,
  deadlineStatus,
  DUE_SOON_WORKING_DAYS,
  findService,
  maskName,
  queueOf,
  shanghaiDate,
  shanghaiDayEnd,
  shanghaiDayStart,
  statusesOf,
  type ApplicationStatus,
  type DeadlineView,
  type QueueCode,
  type ServiceCode,
} from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications, certificates, citizens, staff } from '../../db/schema';
import { categoryName } from '../certificates/registry';
import { certNoHint } from '../certificates/my-certificates';
import type { StaffActor } from '../staff/staff-auth';
import { staffScope } from './case-access';

/**
 * The work queues (issue 6): cases of the authorities the staff member sees, by queue or by deadline, filtered and
 * searched. Search is exact: a 办件编号, a 证号, or an ID number through its blind index; lists show masked names and
 * numbers only.
 */
export interface QueueQuery {
  queue?: QueueCode | undefined;
  deadline?: DeadlineView | undefined;
  service?: ServiceCode | undefined;
  category?: string | undefined;
  submittedFrom?: string | undefined;
  submittedTo?: string | undefined;
  dueBy?: string | undefined;
  mine?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

async function searchCondition(ctx: AppContext, q: string): Promise<SQL> {
  const text = q.trim().toUpperCase();
  if (/^\d{14}$/.test(text)) return eq(applications.applyNo, text);
  const idBidx = /^\d{17}[\dX]$/.test(text) ? ctx.cipher.blindIndex('id', text) : undefined;
  const certIds = (
    await ctx.db
      .select({ id: certificates.id })
      .from(certificates)
      .where(idBidx ? or(eq(certificates.certNo, text), eq(certificates.holderIdBidx, idBidx)) : eq(certificates.certNo, text))
  ).map((c) => c.id);
  const byCitizen = idBidx ? (await ctx.db.select({ id: citizens.id }).from(citizens).where(eq(citizens.idNumberBidx, idBidx))).map((c) => c.id) : [];
  const parts = [certIds.length ? inArray(applications.certificateId, certIds) : undefined, byCitizen.length ? inArray(applications.citizenId, byCitizen) : undefined].filter((p): p is SQL => !!p);
  return parts.length ? or(...parts)! : sql`false`;
}

function queueCondition(queue: QueueCode): SQL {
  const inQueue = inArray(applications.status, statusesOf(queue));
  if (queue === 'IN_REVIEW') return and(inQueue, ne(applications.service, 'INTEGRITY_ASSESSMENT'))!;
  if (queue === 'TO_GRADE') return and(inQueue, eq(applications.service, 'INTEGRITY_ASSESSMENT'))!;
  return inQueue;
}

export async function listCases(ctx: AppContext, actor: StaffActor, query: QueueQuery) {
  const { visibleCodes, accessTo, authorities } = await staffScope(ctx.db, actor);
  const visible = visibleCodes();
  const today = shanghaiDate(ctx.clock.now());
  const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  if (visible.length === 0) return { total: 0, items: [], today };
  const conditions: SQL[] = [inArray(applications.handlingAuthorityCode, visible), ne(applications.status, 'DRAFT')];
  if (query.queue) conditions.push(queueCondition(query.queue));
  if (query.deadline === 'OVERDUE') conditions.push(lt(applications.dueDate, today));
  if (query.deadline === 'DUE_SOON') conditions.push(gte(applications.dueDate, today), lte(applications.dueDate, soon));
  if (query.service) conditions.push(eq(applications.service, query.service));
  if (query.category) conditions.push(sql`${applications.categoryCodes} @> ${JSON.stringify([query.category])}::jsonb`);
  if (query.submittedFrom) conditions.push(gte(applications.submittedAt, shanghaiDayStart(query.submittedFrom)));
  if (query.submittedTo) conditions.push(lt(applications.submittedAt, shanghaiDayEnd(query.submittedTo)));
  if (query.dueBy) conditions.push(lte(applications.dueDate, query.dueBy));
  if (query.mine) conditions.push(eq(applications.claimedBy, actor.staff.id));
  if (query.q?.trim()) conditions.push(await searchCondition(ctx, query.q));
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(applications).where(where);
  const rows = await ctx.db
    .select({ app: applications, applicantName: citizens.name, certNo: certificates.certNo, claimedByName: staff.name })
    .from(applications)
    .innerJoin(citizens, eq(citizens.id, applications.citizenId))
    .leftJoin(certificates, eq(certificates.id, applications.certificateId))
    .leftJoin(staff, eq(staff.id, applications.claimedBy))
    .where(where)
    // Most urgent first: the earliest due date, then the oldest submission.
    .orderBy(sql`${applications.dueDate} asc nulls last`, desc(applications.submittedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: Number(total),
    today,
    items: rows.map(({ app, applicantName, certNo, claimedByName }) => {
      const service = findService(app.service)!;
      return {
        id: app.id,
        applyNo: app.applyNo,
        service: app.service,
        serviceName: service.name,
        variantName: service.variants?.find((v) => v.code === app.variant)?.name ?? null,
        applicantNameMasked: maskName(applicantName ?? ''),
        certNoMasked: certNo ? certNoHint(certNo) : null,
        categories: app.categoryCodes.map(categoryName),
        status: app.status,
        statusName: applicationStatusNames[app.status as ApplicationStatus],
        queue: queueOf(app.status as ApplicationStatus, app.service as ServiceCode) ?? null,
        submittedAt: app.submittedAt?.toISOString() ?? null,
        dueDate: app.dueDate,
        deadline: app.dueDate ? deadlineStatus(app.dueDate, today) : null,
        claimedByName,
        claimedByMe: app.claimedBy === actor.staff.id,
        authorityName: authorities.find((a) => a.code === app.handlingAuthorityCode)?.name ?? '',
        readOnly: accessTo(app.handlingAuthorityCode) !== 'ACT',
      };
    }),
  };
}

/** Counts on each queue tab, and across queues the cases due soon and overdue. */
export async function queueCounts(ctx: AppContext, actor: StaffActor) {
  const { visibleCodes } = await staffScope(ctx.db, actor);
  const visible = visibleCodes();
  const today = shanghaiDate(ctx.clock.now());
  const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  const counts: Record<string, number> = { TO_ACCEPT: 0, AWAITING_CORRECTION: 0, IN_REVIEW: 0, TO_GRADE: 0, TO_PRODUCE: 0, TO_ISSUE: 0, DONE: 0, DUE_SOON: 0, OVERDUE: 0, MINE: 0 };
  if (visible.length === 0) return counts;
  const rows = await ctx.db
    .select({
      status: applications.status,
      service: applications.service,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${applications.dueDate} < ${today})`,
      dueSoon: sql<number>`count(*) filter (where ${applications.dueDate} >= ${today} and ${applications.dueDate} <= ${soon})`,
      mine: sql<number>`count(*) filter (where ${applications.claimedBy} = ${actor.staff.id})`,
    })
    .from(applications)
    .where(and(inArray(applications.handlingAuthorityCode, visible), ne(applications.status, 'DRAFT')))
    .groupBy(applications.status, applications.service);
  for (const row of rows) {
    const queue = queueOf(row.status as ApplicationStatus, row.service as ServiceCode);
    if (queue) counts[queue]! += Number(row.n);
    counts.OVERDUE! += Number(row.overdue);
    counts.DUE_SOON! += Number(row.dueSoon);
    if (queue !== 'DONE') counts.MINE! += Number(row.mine);
  }
  return counts;
}
