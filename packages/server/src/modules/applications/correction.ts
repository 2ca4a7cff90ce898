import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { nextStatus, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationActions } from '../../db/schema';
import { AppError } from '../../http/problem';
import { materialsOf, ownApplication } from './application-repo';
import { recordTransition } from './record-transition';
import { issueDocument } from '../documents/issue-document';

/**
 * 补正: the case worker's one complete list of what to correct (一次性告知); the applicant re-uploads exactly those
 * materials and resubmits, which puts the application back in the intake queue.
 */
export interface CorrectionRequest {
  items: { materialCode: string; note: string }[];
  opinion: string | null;
  requestedAt: Date;
}

export async function correctionRequest(ctx: AppContext, applicationId: string): Promise<CorrectionRequest | undefined> {
  const [latest] = await ctx.db
    .select()
    .from(applicationActions)
    .where(and(eq(applicationActions.applicationId, applicationId), eq(applicationActions.action, 'REQUEST_CORRECTION')))
    .orderBy(desc(applicationActions.id))
    .limit(1);
  if (!latest) return undefined;
  return { items: (latest.details.correctionItems as CorrectionRequest['items']) ?? [], opinion: latest.opinion, requestedAt: latest.at };
}

export async function resubmitAfterCorrection(ctx: AppContext, request: FastifyRequest, citizenId: string, id: string) {
  const row = await ownApplication(ctx.db, citizenId, id);
  const from = row.status as ApplicationStatus;
  if (from !== 'CORRECTION_REQUIRED') throw new AppError('YZ-GEN-409', '该办件不在待补正状态');
  const correction = (await correctionRequest(ctx, row.id))!;
  const materials = await materialsOf(ctx.db, row.id);
  const missing = correction.items.filter((item) => !materials.some((m) => m.materialCode === item.materialCode && m.uploadedAt > correction.requestedAt));
  if (missing.length > 0) {
    throw new AppError('YZ-GEN-422', '请按补正告知重新上传全部材料后再提交', missing.map((m) => ({ field: `materials.${m.materialCode}`, message: `请重新上传：${m.note}` })));
  }
  const to = nextStatus(from, row.service as ServiceCode, 'RESUBMIT', { kind: 'CITIZEN' });
  // The new set of materials gets a new 办件回执; the first one is superseded.
  return recordTransition(ctx, row, { action: 'RESUBMIT', from, to, actor: { type: 'CITIZEN', id: citizenId }, ip: request.ip, effects: async (tx, updated) => void (await issueDocument(tx, ctx, 'RECEIPT', updated, 'system:submission')) });
}
