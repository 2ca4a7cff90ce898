import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicationStatusNames, type ApplicationStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { requireStaff } from '../staff/staff-auth';
import { STAFF_CASE_ACTIONS, takeCaseAction } from './case-actions';

/** Case actions for staff (受理, 不予受理, 补正, 审核, 制证, 发证, 办结). The work queues and case pages follow in issue 6. */
export function caseworkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/applications/:id/actions',
      {
        schema: {
          tags: ['casework'],
          summary: '办件操作（受理、不予受理、补正告知、审核、制证、发证、办结）',
          params: z.object({ id: z.uuid('办件编号格式不正确') }),
          body: z
            .object({
              action: z.enum(STAFF_CASE_ACTIONS, { error: '操作不正确' }),
              opinion: z.string().max(500, '意见不能超过500字').optional(),
              correctionItems: z.array(z.object({ materialCode: z.string().max(32), note: z.string().max(200, '补正要求不能超过200字') }).strict()).max(10).optional(),
              trackingNo: z.string().max(40).optional(),
            })
            .strict(),
          response: { 200: z.object({ id: z.string(), applyNo: z.string().nullable(), status: z.string(), statusName: z.string() }) },
        },
      },
      async (request) => {
        const row = await takeCaseAction(ctx, request, await requireStaff(ctx, request), request.params.id, request.body);
        return { id: row.id, applyNo: row.applyNo, status: row.status, statusName: applicationStatusNames[row.status as ApplicationStatus] };
      },
    );
  };
}
