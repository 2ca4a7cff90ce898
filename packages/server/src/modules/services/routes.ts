import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CHANGE_VARIANT_CODES, SERVICE_CODES } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { requireSession } from '../auth/sessions';
import { serviceEligibility } from './service-eligibility';
import { noticeSchema, requestedNotice } from './notice-versions';

const serviceQuery = {
  params: z.object({ code: z.enum(SERVICE_CODES, { error: '没有这项服务' }) }),
  querystring: z.object({ variant: z.enum(CHANGE_VARIANT_CODES, { error: '办理类型不正确' }).optional() }).strict(),
};

/** 业务须知 (public) and 证照信息 eligibility (signed-in) for each service. */
export function serviceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/services/:code/notice',
      {
        schema: {
          tags: ['services'],
          summary: '业务须知',
          ...serviceQuery,
          response: { 200: noticeSchema },
        },
      },
      async (request) => requestedNotice(ctx.db, request.params.code, request.query.variant),
    );

    app.get(
      '/api/services/:code/eligibility',
      {
        schema: {
          tags: ['services'],
          summary: '证照信息：可办理的证件类别及不可办理的原因',
          ...serviceQuery,
          response: {
            200: z.object({
              service: z.string(),
              variant: z.string().nullable(),
              certificates: z.array(
                z.object({
                  certificateId: z.string(),
                  certNo: z.string(),
                  categories: z.array(
                    z.object({
                      code: z.string(),
                      name: z.string(),
                      validTo: z.string(),
                      selectable: z.boolean(),
                      reason: z.string().nullable(),
                      cycle: z.object({ number: z.number(), start: z.string(), end: z.string() }).nullable(),
                      late: z.boolean(),
                    }),
                  ),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        return serviceEligibility(ctx, session.subjectId, request.params.code, request.query.variant);
      },
    );
  };
}
