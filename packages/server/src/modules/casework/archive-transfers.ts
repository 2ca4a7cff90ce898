import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { applications, archiveTransfers, certificates } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import type { StaffActor } from '../staff/staff-auth';
import { staffScope } from './case-access';

/**
 * 档案转出 tasks of the old authority after a 服务单位变更 moved a practitioner elsewhere. Marking one done moves the
 * certificate's archive (its issuing-authority record, which decides where later applications go) to the new one.
 */
export async function listArchiveTransfers(ctx: AppContext, actor: StaffActor) {
  const { visibleCodes, authorities } = await staffScope(ctx.db, actor);
  const visible = visibleCodes();
  if (visible.length === 0) return [];
  const rows = await ctx.db
    .select({ task: archiveTransfers, certNo: certificates.certNo, applyNo: applications.applyNo })
    .from(archiveTransfers)
    .innerJoin(certificates, eq(certificates.id, archiveTransfers.certificateId))
    .innerJoin(applications, eq(applications.id, archiveTransfers.applicationId))
    .where(inArray(archiveTransfers.fromAuthorityCode, visible))
    .orderBy(archiveTransfers.dueDate);
  const name = (code: string) => authorities.find((a) => a.code === code)?.name ?? code;
  return rows.map(({ task, certNo, applyNo }) => ({ id: task.id, applyNo, certNo, from: name(task.fromAuthorityCode), to: name(task.toAuthorityCode), dueDate: task.dueDate, status: task.status, completedAt: task.completedAt?.toISOString() ?? null, mine: task.fromAuthorityCode === actor.staff.authorityCode }));
}

export async function completeArchiveTransfer(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string) {
  if (!actor.roles.some((r) => r === 'INTAKE' || r === 'ADMIN')) throw notFound('任务不存在');
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [task] = await tx
      .update(archiveTransfers)
      .set({ status: 'DONE', completedAt: now, completedBy: actor.staff.id })
      .where(and(eq(archiveTransfers.id, id), eq(archiveTransfers.fromAuthorityCode, actor.staff.authorityCode), eq(archiveTransfers.status, 'OPEN')))
      .returning();
    if (!task) throw notFound('任务不存在或已完成');
    await tx.update(certificates).set({ issuingAuthorityCode: task.toAuthorityCode, updatedAt: now }).where(eq(certificates.id, task.certificateId));
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'ARCHIVE_TRANSFER_DONE', objectType: 'certificate', objectId: task.certificateId, outcome: 'SUCCESS', ip: request.ip, details: { to: task.toAuthorityCode } }, now);
    return task;
  });
}
