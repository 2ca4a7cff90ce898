import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CASE_WORKER_ROLES, normaliseVerificationCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { fieldError } from '../../http/problem';
import { sendStoredFile } from '../../http/send-file';
import { recordAudit } from '../audit/audit-log';
import { requireSession } from '../auth/sessions';
import { requireStaff } from '../staff/staff-auth';
import { caseDocumentFile, ownDocumentFile, reprintDocument } from './documents-service';
import { verifyByCode, verifyUpload } from './verify-document';

const MAX_UPLOAD = 5 * 1024 * 1024;
const VERIFY_RATE = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const idParams = z.object({ id: z.uuid('办件编号格式不正确'), documentId: z.uuid('文书编号格式不正确') });
const view = z.record(z.string(), z.unknown());

const sendPdf = (reply: FastifyReply, docNo: string, bytes: Buffer, disposition: 'attachment' | 'inline') =>
  sendStoredFile(reply, bytes, { mime: 'application/pdf', filename: `${docNo}.pdf`, disposition });

/** Issued documents: the owner's downloads, staff views and reprints, and the public verification (核验). */
export function documentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD + 1, files: 1, fields: 0 } });

    app.get('/api/applications/:id/documents/:documentId/file', { schema: { tags: ['documents'], summary: '下载文书（本人）', params: idParams } }, async (request, reply) => {
      const citizenId = (await requireSession(ctx, request, 'CITIZEN')).subjectId;
      const { doc, bytes } = await ownDocumentFile(ctx, request, citizenId, request.params.id, request.params.documentId);
      return sendPdf(reply, doc.docNo, bytes, 'attachment');
    });

    app.get('/api/admin/cases/:id/documents/:documentId/file', { schema: { tags: ['documents'], summary: '查看办件文书（工作人员）', params: idParams } }, async (request, reply) => {
      const { doc, bytes } = await caseDocumentFile(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id, request.params.documentId);
      return sendPdf(reply, doc.docNo, bytes, 'inline');
    });

    app.post('/api/admin/cases/:id/documents/:documentId/reprint', { schema: { tags: ['documents'], summary: '重新打印文书（生成新编号，原文书失效）', params: idParams, response: { 201: view } } }, async (request, reply) => {
      const doc = await reprintDocument(ctx, request, await requireStaff(ctx, request), request.params.id, request.params.documentId);
      return reply.status(201).send({ id: doc.id, docNo: doc.docNo, verifyCode: doc.verifyCode });
    });

    app.get(
      '/api/verify/:code',
      { config: VERIFY_RATE, schema: { tags: ['documents'], summary: '文书核验（公开，按核验码）', params: z.object({ code: z.string().max(32) }), response: { 200: view } } },
      async (request) => {
        const code = normaliseVerificationCode(request.params.code);
        if (!code) throw fieldError('code', '核验码应为12位字母或数字（如 AB12-CD34-EF56）', '核验码应为12位字母或数字');
        const answer = await verifyByCode(ctx, code).catch(async (error: unknown) => {
          await recordAudit(ctx.db, { actorType: 'ANONYMOUS', action: 'DOCUMENT_VERIFY', outcome: 'FAILURE', ip: request.ip, details: { by: 'code' } }, ctx.clock.now());
          throw error;
        });
        await recordAudit(ctx.db, { actorType: 'ANONYMOUS', action: 'DOCUMENT_VERIFY', objectType: 'document', objectId: answer.docNo, outcome: 'SUCCESS', ip: request.ip, details: { by: 'code', verdict: answer.verdict } }, ctx.clock.now());
        return answer;
      },
    );

    app.post('/api/verify/upload', { config: VERIFY_RATE, schema: { tags: ['documents'], summary: '文书核验（公开，上传PDF）', consumes: ['multipart/form-data'], response: { 200: view } } }, async (request) => {
      const file = await request.file().catch(() => undefined);
      if (!file) throw fieldError('file', '请选择要核验的PDF文件');
      const bytes = await file.toBuffer().catch(() => undefined);
      if (!bytes || file.file.truncated || bytes.length > MAX_UPLOAD) throw fieldError('file', '文件不能超过5MB');
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw fieldError('file', '请上传PDF文件（运政通签发的凭证、电子证照或回执）', '请上传PDF文件');
      const answer = await verifyUpload(ctx, bytes);
      await recordAudit(ctx.db, { actorType: 'ANONYMOUS', action: 'DOCUMENT_VERIFY', objectType: 'document', objectId: answer.document?.docNo ?? null, outcome: 'SUCCESS', ip: request.ip, details: { by: 'upload', result: answer.result } }, ctx.clock.now());
      return answer;
    });
  };
}
