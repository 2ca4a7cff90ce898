import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MATERIAL_CODES, UPLOAD_LIMITS, type MaterialCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationMaterials } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import { inspectUpload } from '../files/inspect-upload';
import { sendStoredFile } from '../../http/send-file';
import { ownApplication, materialsOf, type MaterialRow } from './application-repo';
import { requiredMaterials } from './drafts';
import { correctionRequest } from './correction';

/** 申请材料: files checked by inspectUpload, stored through the storage adapter, listed per material. */
export async function addMaterial(ctx: AppContext, request: FastifyRequest, citizenId: string, id: string, materialCode: string, file: { bytes: Buffer; filename: string }) {
  const draft = await ownApplication(ctx.db, citizenId, id);
  if (draft.status !== 'DRAFT' && draft.status !== 'CORRECTION_REQUIRED') throw new AppError('YZ-GEN-409', '该申请已提交，不能再修改材料');
  const requirement = requiredMaterials(draft).find((m) => m.code === materialCode);
  if (!(MATERIAL_CODES as readonly string[]).includes(materialCode) || !requirement) throw new AppError('YZ-GEN-422', '这项材料不属于本申请', [{ field: 'materialCode', message: '这项材料不属于本申请' }]);
  if (draft.status === 'CORRECTION_REQUIRED' && !(await correctionRequest(ctx, draft.id))?.items.some((i) => i.materialCode === materialCode)) {
    throw new AppError('YZ-GEN-422', '补正时只需上传补正告知中列出的材料', [{ field: 'materialCode', message: '这项材料不在补正告知中' }]);
  }
  const existing = await materialsOf(ctx.db, draft.id);
  if (existing.filter((m) => m.materialCode === materialCode).length >= UPLOAD_LIMITS.maxFilesPerMaterial) throw new AppError('YZ-GEN-422', `每项材料最多上传${UPLOAD_LIMITS.maxFilesPerMaterial}个文件`);
  if (existing.length >= UPLOAD_LIMITS.maxFilesPerApplication) throw new AppError('YZ-GEN-422', `每个申请最多上传${UPLOAD_LIMITS.maxFilesPerApplication}个文件`);
  const inspected = await inspectUpload(file.bytes, requirement.form);
  if (existing.reduce((sum, m) => sum + m.bytes, 0) + inspected.bytes.length > UPLOAD_LIMITS.maxBytesPerApplication) throw new AppError('YZ-GEN-422', '本申请的材料总大小超过30MB，请删除部分文件后再上传');
  const fileKey = await ctx.storage.put(inspected.bytes);
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const [row] = await tx
        .insert(applicationMaterials)
        .values({
          applicationId: draft.id,
          materialCode: materialCode as MaterialCode,
          fileKey,
          mime: inspected.mime,
          bytes: inspected.bytes.length,
          widthPx: inspected.width ?? null,
          heightPx: inspected.height ?? null,
          sha256: inspected.sha256,
          originalName: file.filename.slice(0, 120),
          uploadedAt: now,
        })
        .returning();
      await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'MATERIAL_UPLOAD', objectType: 'application', objectId: draft.id, outcome: 'SUCCESS', ip: request.ip, details: { materialCode, bytes: inspected.bytes.length, sha256: inspected.sha256 } }, now);
      return row!;
    });
  } catch (error) {
    await ctx.storage.delete(fileKey);
    throw error;
  }
}

export async function removeMaterial(ctx: AppContext, citizenId: string, id: string, materialId: string) {
  const application = await ownApplication(ctx.db, citizenId, id);
  const [material] = await ctx.db.select().from(applicationMaterials).where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, application.id)));
  if (!material) throw notFound('材料不存在');
  const correcting = application.status === 'CORRECTION_REQUIRED' && (await correctionRequest(ctx, application.id))?.items.some((i) => i.materialCode === material.materialCode);
  if (application.status !== 'DRAFT' && !correcting) throw new AppError('YZ-GEN-409', '该申请已提交，不能再删除材料');
  const [row] = await ctx.db.delete(applicationMaterials).where(eq(applicationMaterials.id, material.id)).returning();
  if (!row) throw notFound('材料不存在');
  await ctx.storage.delete(row.fileKey);
}

/** The file itself, for its owner only. */
export async function materialFile(ctx: AppContext, citizenId: string, id: string, materialId: string) {
  const application = await ownApplication(ctx.db, citizenId, id);
  const [row] = await ctx.db.select().from(applicationMaterials).where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, application.id)));
  if (!row) throw notFound('材料不存在');
  return { row, bytes: await ctx.storage.get(row.fileKey) };
}

/** Serves a stored material inline, as `material.pdf` or `material.jpg`. */
export function sendMaterialFile(reply: FastifyReply, row: MaterialRow, bytes: Buffer) {
  return sendStoredFile(reply, bytes, { mime: row.mime, filename: `material.${row.mime === 'application/pdf' ? 'pdf' : 'jpg'}`, disposition: 'inline' });
}
