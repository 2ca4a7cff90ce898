import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { allowedActions, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationActions } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import { ownApplication } from './application-repo';

/**
 * 好差评 (国办发〔2019〕51号): one rating per completed application, five levels from 非常满意 to 非常不满意; a
 * rating of 不满意 or worse asks what went wrong, so the authority can follow it up.
 */
export const EVALUATION_LEVELS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export async function evaluationOf(ctx: AppContext, applicationId: string) {
  const [row] = await ctx.db.select().from(applicationActions).where(and(eq(applicationActions.applicationId, applicationId), eq(applicationActions.action, 'EVALUATE')));
  return row ? { level: row.details.level as number, levelName: EVALUATION_LEVELS[row.details.level as number]!, comment: row.opinion, at: row.at.toISOString() } : null;
}

export async function evaluateApplication(ctx: AppContext, request: FastifyRequest, citizenId: string, id: string, input: { level: number; comment?: string | undefined }) {
  const row = await ownApplication(ctx.db, citizenId, id);
  if (!allowedActions(row.status as ApplicationStatus, row.service as ServiceCode, { kind: 'CITIZEN' }).includes('EVALUATE')) throw new AppError('YZ-GEN-409', '办结后才能评价');
  if (await evaluationOf(ctx, row.id)) throw new AppError('YZ-GEN-409', '您已评价过这份办件');
  const comment = input.comment?.trim() ?? '';
  if (input.level <= 2 && comment.length < 5) throw new AppError('YZ-GEN-422', '请告诉我们哪里做得不好（至少5个字），我们会核实整改并答复您', [{ field: 'comment', message: '请写明不满意的原因' }]);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await tx.insert(applicationActions).values({ applicationId: row.id, action: 'EVALUATE', fromStatus: row.status, toStatus: row.status, actorType: 'CITIZEN', actorId: citizenId, opinion: comment || null, details: { level: input.level }, at: now });
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'APPLICATION_EVALUATE', objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: request.ip, details: { level: input.level } }, now);
  });
  return evaluationOf(ctx, row.id);
}
