import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { assessmentDueDate, gradeFor, gradeNames, lastEndedCycle, POINT_VALUES, shanghaiDate, totalPointsIn, type AssessmentCycle, type PointRecordLike } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { certificateCategories, pointRecords } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, notFound, fieldError } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import type { ApplicationRow } from '../applications/application-repo';
import type { StaffActor } from '../staff/staff-auth';
import { caseFor } from './case-access';

/**
 * 评级 support (issue 6): the cycle an 诚信考核 application assesses (the last one ended when it was submitted), the
 * point records dated in it, the total and the grade the rule table suggests. Clerks record point decisions and
 * revoke them on appeal through the case, so the case's access rules guard the ledger too.
 */
export async function assessedCycle(ctx: AppContext, row: ApplicationRow): Promise<{ categoryCode: string; cycle: AssessmentCycle } | undefined> {
  const categoryCode = row.categoryCodes[0];
  if (row.service !== 'INTEGRITY_ASSESSMENT' || !row.certificateId || !categoryCode || !row.submittedAt) return undefined;
  const [category] = await ctx.db.select().from(certificateCategories).where(and(eq(certificateCategories.certificateId, row.certificateId), eq(certificateCategories.code, categoryCode)));
  const cycle = category && lastEndedCycle(category.firstIssueDate, shanghaiDate(row.submittedAt));
  return cycle && { categoryCode, cycle };
}

export async function gradingView(ctx: AppContext, row: ApplicationRow) {
  const assessed = await assessedCycle(ctx, row);
  if (!assessed) return null;
  const { cycle, categoryCode } = assessed;
  const records = await ctx.db.select().from(pointRecords).where(and(eq(pointRecords.certificateId, row.certificateId!), eq(pointRecords.categoryCode, categoryCode))).orderBy(pointRecords.occurredOn);
  const inCycle = records.filter((r) => r.occurredOn >= cycle.start && r.occurredOn <= cycle.end);
  const total = totalPointsIn(cycle, inCycle as PointRecordLike[]);
  const suggested = gradeFor(total);
  return {
    cycle,
    categoryCode,
    late: shanghaiDate(row.submittedAt!) > assessmentDueDate(cycle),
    totalPoints: total,
    suggestedGrade: suggested,
    suggestedGradeName: gradeNames[suggested],
    pointRecords: inCycle.map((r) => ({ id: r.id, occurredOn: r.occurredOn, indicator: r.indicator, points: r.points, decisionNo: r.decisionNo, source: r.source, status: r.status, revokedReason: r.revokedReason })),
  };
}

const GRADING_ROLES = ['INTAKE', 'REVIEWER'] as const;

export interface PointRecordInput {
  occurredOn: string;
  indicator: string;
  points: number;
  decisionNo: string;
}

export async function addPointRecord(ctx: AppContext, request: FastifyRequest, actor: StaffActor, caseId: string, input: PointRecordInput) {
  if (!actor.roles.some((r) => (GRADING_ROLES as readonly string[]).includes(r))) throw notFound('办件不存在');
  const { row } = await caseFor(ctx, actor, caseId, 'ACT');
  const assessed = await assessedCycle(ctx, row);
  if (!assessed || !['ACCEPTED', 'UNDER_REVIEW'].includes(row.status)) throw new AppError('YZ-GEN-409', '只有待评级的诚信考核办件可以登记计分');
  const today = shanghaiDate(ctx.clock.now());
  if (input.occurredOn > today) throw fieldError('occurredOn', '违法行为发生日期不能晚于今天');
  if (input.occurredOn < assessed.cycle.start || input.occurredOn > assessed.cycle.end) throw fieldError('occurredOn', `发生日期须在本考核周期内（${assessed.cycle.start}至${assessed.cycle.end}）`);
  if (!(POINT_VALUES as readonly number[]).includes(input.points)) throw fieldError('points', `计分分值须为${POINT_VALUES.join('、')}分之一`);
  if (!input.indicator.trim()) throw fieldError('indicator', '请填写计分事项');
  if (!input.decisionNo.trim()) throw fieldError('decisionNo', '请填写处罚决定书文号');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [record] = await tx
      .insert(pointRecords)
      .values({ certificateId: row.certificateId!, categoryCode: assessed.categoryCode, occurredOn: input.occurredOn, indicator: input.indicator.trim(), points: input.points, decisionNo: input.decisionNo.trim(), source: '管理部门登记', createdBy: actor.staff.id, createdAt: now })
      .returning();
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'POINT_RECORD_ADD', objectType: 'point_record', objectId: record!.id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo, points: input.points, decisionNo: input.decisionNo.trim() } }, now);
    return record!;
  });
}

/** Revokes a point record on appeal (行政复议/诉讼); the record stays, marked, with the reason. */
export async function revokePointRecord(ctx: AppContext, request: FastifyRequest, actor: StaffActor, caseId: string, recordId: string, reason: string) {
  if (!actor.roles.some((r) => (GRADING_ROLES as readonly string[]).includes(r))) throw notFound('办件不存在');
  const { row } = await caseFor(ctx, actor, caseId, 'ACT');
  if (!reason.trim()) throw fieldError('reason', '请写明撤销理由（如复议决定书文号）');
  if (!['ACCEPTED', 'UNDER_REVIEW'].includes(row.status)) throw new AppError('YZ-GEN-409', '只有待评级的诚信考核办件可以撤销计分');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [revoked] = await tx
      .update(pointRecords)
      .set({ status: 'REVOKED', revokedReason: reason.trim(), revokedBy: actor.staff.id, revokedAt: now })
      .where(and(eq(pointRecords.id, recordId), eq(pointRecords.certificateId, row.certificateId!), eq(pointRecords.status, 'VALID')))
      .returning();
    if (!revoked) throw notFound('计分记录不存在或已撤销');
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'POINT_RECORD_REVOKE', objectType: 'point_record', objectId: recordId, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo, reason: reason.trim() } }, now);
    return revoked;
  });
}
