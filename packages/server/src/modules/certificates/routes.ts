import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idNumberField, personNameField } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { requireSession } from '../auth/sessions';
import { newCaptcha } from './captcha';
import { bindCertificate, myCertificate, myCertificates } from './my-certificates';
import { publicCertificateQuery } from './public-query';

const cycle = z.object({ number: z.number(), start: z.string(), end: z.string(), totalPoints: z.number(), suggestedGrade: z.string() });
const certificateSchema = z.object({
  id: z.string(),
  certNo: z.string(),
  holderName: z.string(),
  holderIdMasked: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  issuingAuthority: z.string(),
  employerName: z.string().nullable(),
  employerUscc: z.string().nullable(),
  archiveNo: z.string().nullable(),
  status: z.string(),
  boundAt: z.string().nullable(),
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      firstIssueDate: z.string(),
      issueDate: z.string(),
      validTo: z.string(),
      state: z.string(),
      stateName: z.string(),
      nextStep: z.string(),
      integrity: z
        .object({
          currentCycle: cycle.optional(),
          lastEndedCycle: cycle.optional(),
          lastEndedCycleAssessed: z.boolean(),
          results: z.array(z.object({ cycleNo: z.number(), cycleStart: z.string(), cycleEnd: z.string(), totalPoints: z.number(), grade: z.string(), gradedOn: z.string(), authority: z.string() })),
          points: z.array(z.object({ occurredOn: z.string(), indicator: z.string(), points: z.number(), decisionNo: z.string(), status: z.string() })),
        })
        .nullable(),
    }),
  ),
});

/** 我的证件 (signed-in citizens) and 从业资格查询 (public). */
export function certificateRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/certificates',
      {
        schema: {
          tags: ['certificates'],
          summary: '我的证件：已绑定的证件，和可绑定的证件',
          response: { 200: z.object({ bound: z.array(certificateSchema), bindable: z.array(z.object({ id: z.string(), certNoHint: z.string(), issuingAuthority: z.string(), categories: z.array(z.string()) })) }) },
        },
      },
      async (request, reply) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        reply.header('Cache-Control', 'no-store');
        return myCertificates(ctx, request, session.subjectId);
      },
    );

    app.post(
      '/api/me/certificates/bind',
      { schema: { tags: ['certificates'], summary: '绑定从业资格证（输入完整证号）', body: z.object({ certNo: z.string({ error: '请输入证号' }).trim().min(1, '请输入证号').max(32, '证号不能超过32位') }).strict(), response: { 200: certificateSchema } } },
      async (request) => bindCertificate(ctx, request, (await requireSession(ctx, request, 'CITIZEN')).subjectId, request.body.certNo),
    );

    app.get(
      '/api/me/certificates/:id',
      { schema: { tags: ['certificates'], summary: '我的证件详情', params: z.object({ id: z.uuid('编号格式不正确') }), response: { 200: certificateSchema } } },
      async (request, reply) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        reply.header('Cache-Control', 'no-store');
        return myCertificate(ctx, request, session.subjectId, request.params.id);
      },
    );

    app.post(
      '/api/public/captcha',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags: ['public'], summary: '查询验证码（图片或文字题）', body: z.object({ kind: z.enum(['image', 'text']).default('image') }).strict(), response: { 200: z.object({ id: z.string(), kind: z.enum(['image', 'text']), image: z.string().optional(), question: z.string().optional() }) } },
      },
      async (request) => newCaptcha(ctx, request.body.kind),
    );

    app.post(
      '/api/public/certificate-query',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: '从业资格查询（姓名 + 身份证号 + 验证码）',
          body: z.object({ name: personNameField, idNumber: idNumberField, captchaId: z.uuid('请先获取验证码'), captchaAnswer: z.string({ error: '请输入验证码' }).trim().min(1, '请输入验证码').max(8, '验证码不正确') }).strict(),
          response: {
            200: z.object({
              results: z.array(
                z.object({
                  holderName: z.string(),
                  holderIdNumber: z.string(),
                  certNo: z.string(),
                  issuingAuthority: z.string(),
                  categories: z.array(z.object({ name: z.string(), validTo: z.string(), state: z.string(), stateName: z.string() })),
                }),
              ),
            }),
          },
        },
      },
      async (request) => publicCertificateQuery(ctx, request, request.body),
    );
  };
}
