import { and, eq, isNull, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { allowedActions, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications, staff } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, fieldError, notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import type { StaffActor } from '../staff/staff-auth';
import { findStaff } from '../staff/staff-repo';
import { caseFor } from './case-access';

/**
 * 认领 / 退回 / 转办: one case worker holds a case at a time. Claiming is a conditional update (only an unclaimed
 * case, or one already yours), so of two clerks pressing 认领 together exactly one wins and the other is told who.
 */
const actorOf = (roles: readonly string[]) => ({ kind: 'STAFF' as const, roles: roles as never });

async function holderName(ctx: AppContext, staffId: string | null) {
  if (!staffId) return '他人';
  return (await findStaff(ctx.db, staffId))?.name ?? '他人';
}

export async function claimCase(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string) {
  const { row } = await caseFor(ctx, actor, id, 'ACT');
  if (allowedActions(row.status as ApplicationStatus, row.service as ServiceCode, actorOf(actor.roles)).length === 0) {
    throw new AppError('YZ-GEN-409', '当前环节不需要您办理，无法认领');
  }
  const now = ctx.clock.now();
  const claimed = await inTransaction(ctx.db, async (tx) => {
    const [won] = await tx
      .update(applications)
      .set({ claimedBy: actor.staff.id, claimedAt: now })
      .where(and(eq(applications.id, id), eq(applications.status, row.status), or(isNull(applications.claimedBy), eq(applications.claimedBy, actor.staff.id))))
      .returning();
    if (won) await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'CASE_CLAIM', objectType: 'application', objectId: id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo } }, now);
    return won;
  });
  if (claimed) return claimed;
  // Outside the transaction: the embedded database has one connection, a second query inside would wait on itself.
  const [current] = await ctx.db.select({ claimedBy: applications.claimedBy }).from(applications).where(eq(applications.id, id));
  throw new AppError('YZ-GEN-409', current?.claimedBy ? `该办件已由${await holderName(ctx, current.claimedBy)}认领，请刷新后查看` : '办件状态已变化，请刷新后再操作');
}

/** 退回: the holder gives the case back to the queue. */
export async function releaseCase(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string) {
  const { row } = await caseFor(ctx, actor, id, 'ACT');
  if (row.claimedBy !== actor.staff.id) throw new AppError('YZ-GEN-409', '只有认领人可以退回该办件');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [released] = await tx.update(applications).set({ claimedBy: null, claimedAt: null }).where(and(eq(applications.id, id), eq(applications.claimedBy, actor.staff.id))).returning();
    if (!released) throw new AppError('YZ-GEN-409', '只有认领人可以退回该办件');
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'CASE_RELEASE', objectType: 'application', objectId: id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo } }, now);
    return released;
  });
}

/** 转办: the authority's 管理员 hands a case to a colleague of the same authority who can take its next step. */
export async function assignCase(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string, assigneeId: string) {
  if (!actor.roles.includes('ADMIN')) throw notFound('办件不存在');
  const { row } = await caseFor(ctx, actor, id, 'ACT');
  const [assignee] = await ctx.db.select().from(staff).where(and(eq(staff.id, assigneeId), eq(staff.authorityCode, actor.staff.authorityCode), eq(staff.status, 'ACTIVE')));
  if (!assignee) throw fieldError('staffId', '请选择本单位在岗的工作人员');
  if (allowedActions(row.status as ApplicationStatus, row.service as ServiceCode, actorOf(assignee.roles)).length === 0) {
    throw fieldError('staffId', `${assignee.name}的角色不能办理当前环节`);
  }
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [assigned] = await tx.update(applications).set({ claimedBy: assignee.id, claimedAt: now }).where(and(eq(applications.id, id), eq(applications.status, row.status))).returning();
    if (!assigned) throw new AppError('YZ-GEN-409', '办件状态已变化，请刷新后再操作');
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'CASE_ASSIGN', objectType: 'application', objectId: id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo, from: row.claimedBy, to: assignee.id } }, now);
    return assigned;
  });
}
