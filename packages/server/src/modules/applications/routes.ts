import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CHANGE_VARIANT_CODES, SERVICE_CODES, UPLOAD_LIMITS } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { withIdempotencyKey } from '../../http/idempotency';
import { AppError } from '../../http/problem';
import { requireSession } from '../auth/sessions';
import { ownApplication } from './application-repo';
import { applicationView, myApplications } from './application-view';
import { savePersonalStep, saveCertificateStep, startDraft } from './drafts';
import { addMaterial, materialFile, removeMaterial, sendMaterialFile } from './materials';
import { submitApplication, withdrawApplication } from './submission';
import { resubmitAfterCorrection } from './correction';
import { evaluateApplication } from './evaluation';

const idParams = z.object({ id: z.uuid('办件编号格式不正确') });
const materialParams = idParams.extend({ materialId: z.uuid('材料编号格式不正确') });
const view = z.record(z.string(), z.unknown());

/** The online application (在线办理) and 我的办件, for signed-in, real-name verified citizens; own applications only. */
export function applicationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const citizen = async (request: Parameters<typeof requireSession>[1]) => (await requireSession(ctx, request, 'CITIZEN')).subjectId;
  const show = async (citizenId: string, id: string) => applicationView(ctx, await ownApplication(ctx.db, citizenId, id));
  return async (app) => {
    // Files are checked again after upload; the parser's own limit only stops a runaway body early.
    await app.register(multipart, { limits: { fileSize: UPLOAD_LIMITS.maxFileBytes + 1024 * 1024, files: 1, fields: 4 } });

    app.post(
      '/api/applications',
      {
        schema: {
          tags: ['applications'],
          summary: '同意并确认业务须知，开始办理（或继续暂存的申请）',
          body: z.object({ service: z.enum(SERVICE_CODES, { error: '没有这项服务' }), variant: z.enum(CHANGE_VARIANT_CODES).optional(), noticeVersion: z.string().max(32) }).strict(),
          response: { 201: view },
        },
      },
      async (request, reply) => {
        const citizenId = await citizen(request);
        const row = await startDraft(ctx, request, citizenId, request.body.service, request.body.variant, request.body.noticeVersion);
        return reply.status(201).send(await applicationView(ctx, row));
      },
    );

    app.get('/api/applications', { schema: { tags: ['applications'], summary: '我的办件', response: { 200: z.array(view) } } }, async (request) => myApplications(ctx, await citizen(request)));

    app.get('/api/applications/:id', { schema: { tags: ['applications'], summary: '办件详情', params: idParams, response: { 200: view } } }, async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return show(await citizen(request), request.params.id);
    });

    app.put(
      '/api/applications/:id/certificate',
      { schema: { tags: ['applications'], summary: '证照信息', params: idParams, body: z.object({ certificateId: z.uuid('请选择证件'), categoryCodes: z.array(z.string().max(32)).min(1, '请至少选择一个类别').max(5) }).strict(), response: { 200: view } } },
      async (request) => {
        const citizenId = await citizen(request);
        return applicationView(ctx, await saveCertificateStep(ctx, citizenId, request.params.id, request.body));
      },
    );

    app.put(
      '/api/applications/:id/personal',
      {
        schema: {
          tags: ['applications'],
          summary: '个人信息：领取方式、邮寄地址和本事项需要填写的内容',
          params: idParams,
          body: z
            .object({
              collectionMethod: z.enum(['PICKUP', 'MAIL'], { error: '请选择证件领取方式：自取 或 邮寄' }).optional(),
              mailingAddressId: z.uuid('请选择邮寄地址').optional(),
              categoryCodes: z.array(z.string().max(32)).max(5).optional(),
              serviceFields: z.record(z.string().max(32), z.union([z.string().max(200), z.boolean()])).default({}),
            })
            .strict(),
          response: { 200: view },
        },
      },
      async (request) => {
        const citizenId = await citizen(request);
        return applicationView(ctx, await savePersonalStep(ctx, citizenId, request.params.id, request.body));
      },
    );

    app.post('/api/applications/:id/materials', { schema: { tags: ['applications'], summary: '上传申请材料（multipart：materialCode, file）', params: idParams, response: { 201: view } } }, async (request, reply) => {
      const citizenId = await citizen(request);
      if (!request.isMultipart()) throw new AppError('YZ-GEN-415', '请以 multipart/form-data 上传文件');
      const part = await request.file();
      if (!part) throw new AppError('YZ-GEN-422', '请选择要上传的文件', [{ field: 'file', message: '请选择要上传的文件' }]);
      const materialCode = (part.fields.materialCode as { value?: string } | undefined)?.value ?? '';
      const bytes = await part.toBuffer();
      await addMaterial(ctx, request, citizenId, request.params.id, materialCode, { bytes, filename: part.filename });
      return reply.status(201).send(await show(citizenId, request.params.id));
    });

    app.delete('/api/applications/:id/materials/:materialId', { schema: { tags: ['applications'], summary: '删除申请材料', params: materialParams, response: { 200: view } } }, async (request) => {
      const citizenId = await citizen(request);
      await removeMaterial(ctx, citizenId, request.params.id, request.params.materialId);
      return show(citizenId, request.params.id);
    });

    app.get('/api/applications/:id/materials/:materialId/file', { schema: { tags: ['applications'], summary: '查看申请材料文件（本人）', params: materialParams } }, async (request, reply) => {
      const { row, bytes } = await materialFile(ctx, await citizen(request), request.params.id, request.params.materialId);
      return sendMaterialFile(reply, row, bytes);
    });

    app.post(
      '/api/applications/:id/submit',
      { schema: { tags: ['applications'], summary: '确认提交（需 Idempotency-Key 请求头）', params: idParams, headers: z.object({ 'idempotency-key': z.string({ error: '缺少 Idempotency-Key 请求头' }) }).passthrough(), response: { 200: view } } },
      async (request, reply) => {
        const citizenId = await citizen(request);
        const answer = await withIdempotencyKey(ctx, { subject: `citizen:${citizenId}`, key: request.headers['idempotency-key'], request: { submit: request.params.id } }, async () => ({
          status: 200,
          body: await applicationView(ctx, await submitApplication(ctx, request, citizenId, request.params.id)),
        }));
        if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
        return reply.status(200).send(answer.body);
      },
    );

    app.post('/api/applications/:id/resubmit', { schema: { tags: ['applications'], summary: '补正后重新提交', params: idParams, response: { 200: view } } }, async (request) => {
      const citizenId = await citizen(request);
      return applicationView(ctx, await resubmitAfterCorrection(ctx, request, citizenId, request.params.id));
    });

    app.post(
      '/api/applications/:id/evaluation',
      {
        schema: {
          tags: ['applications'],
          summary: '好差评（办结后，每件一次）',
          params: idParams,
          body: z.object({ level: z.number({ error: '请选择评价等级' }).int().min(1, '请选择评价等级').max(5, '请选择评价等级'), comment: z.string().max(500, '评价内容不能超过500字').optional() }).strict(),
          response: { 200: view },
        },
      },
      async (request) => {
        const citizenId = await citizen(request);
        await evaluateApplication(ctx, request, citizenId, request.params.id, request.body);
        return show(citizenId, request.params.id);
      },
    );

    app.post('/api/applications/:id/withdraw', { schema: { tags: ['applications'], summary: '撤回（受理前）', params: idParams, response: { 200: view } } }, async (request) => {
      const citizenId = await citizen(request);
      return applicationView(ctx, await withdrawApplication(ctx, request, citizenId, request.params.id));
    });
  };
}
