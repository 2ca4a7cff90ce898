import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allowedActions, applicationStatusNames, CASE_WORKER_ROLES, CATEGORY_CODES, CHANGE_VARIANT_CODES, DEADLINE_VIEWS, findService, GRADES, isLocalDate, QUEUES, SERVICE_CODES, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { staff } from '../../db/schema';
import { AppError } from '../../http/problem';
import { sendMaterialFile } from '../applications/materials';
import { requireStaff } from '../staff/staff-auth';
import { noticeSchema, publishNotice, requestedNotice } from '../services/notice-versions';
import { assertVariant } from '../services/variant';
import { staffScope, caseFor } from './case-access';
import { STAFF_CASE_ACTIONS, takeCaseAction } from './case-actions';
import { listCases, queueCounts } from './case-queues';
import { caseMaterialFile, caseView, REVEALABLE_FIELDS, revealField } from './case-view';
import { assignCase, claimCase, releaseCase } from './claims';
import { addPointRecord, revokePointRecord } from './grading';
import { dashboard } from './dashboard';
import { serviceSettings, setPromisedDays } from './service-settings';
import { completeArchiveTransfer, listArchiveTransfers } from './archive-transfers';

const idParams = z.object({ id: z.uuid('办件编号格式不正确') });
const date = (name: string) => z.string().refine(isLocalDate, `${name}格式应为YYYY-MM-DD`);
const view = z.record(z.string(), z.unknown());
const claimAnswer = z.object({ id: z.string(), claimedBy: z.string().nullable() });

/** The back office (受理审核): queues, the case page, claims, actions, grading, dashboard and the authority's settings. */
export function caseworkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/cases',
      {
        schema: {
          tags: ['casework'],
          summary: '办件队列（按队列、期限筛选，按办件编号/证号/身份证号精确查询）',
          querystring: z
            .object({
              queue: z.enum(QUEUES, { error: '队列不正确' }).optional(),
              deadline: z.enum(DEADLINE_VIEWS, { error: '期限筛选不正确' }).optional(),
              service: z.enum(SERVICE_CODES, { error: '事项不正确' }).optional(),
              category: z.enum(CATEGORY_CODES, { error: '类别不正确' }).optional(),
              submittedFrom: date('提交起始日期').optional(),
              submittedTo: date('提交截止日期').optional(),
              dueBy: date('到期日').optional(),
              mine: z.enum(['true', 'false']).optional(),
              q: z.string().max(32, '查询内容不能超过32个字符').optional(),
              page: z.coerce.number().int().min(1).max(10_000).default(1),
              pageSize: z.coerce.number().int().min(1).max(100).default(20),
            })
            .strict(),
          response: { 200: z.object({ total: z.number(), today: z.string(), items: z.array(view) }) },
        },
      },
      async (request) => listCases(ctx, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), { ...request.query, mine: request.query.mine === 'true' }),
    );

    app.get('/api/admin/cases/counts', { schema: { tags: ['casework'], summary: '各队列办件数', response: { 200: z.record(z.string(), z.number()) } } }, async (request) =>
      queueCounts(ctx, await requireStaff(ctx, request, [...CASE_WORKER_ROLES])),
    );

    app.get('/api/admin/cases/:id', { schema: { tags: ['casework'], summary: '办件详情（个人信息脱敏）', params: idParams, response: { 200: view } } }, async (request) =>
      caseView(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id),
    );

    app.post(
      '/api/admin/cases/:id/reveal',
      { schema: { tags: ['casework'], summary: '查看完整信息（逐项，留痕）', params: idParams, body: z.object({ field: z.enum(REVEALABLE_FIELDS, { error: '字段不正确' }) }).strict(), response: { 200: z.object({ field: z.string(), value: z.string() }) } } },
      async (request) => ({ field: request.body.field, value: await revealField(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id, request.body.field) }),
    );

    app.get(
      '/api/admin/cases/:id/materials/:materialId/file',
      { schema: { tags: ['casework'], summary: '查看申请材料文件', params: idParams.extend({ materialId: z.uuid('材料编号格式不正确') }) } },
      async (request, reply) => {
        const { row, bytes } = await caseMaterialFile(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id, request.params.materialId);
        return sendMaterialFile(reply, row, bytes);
      },
    );

    app.post('/api/admin/cases/:id/claim', { schema: { tags: ['casework'], summary: '认领', params: idParams, response: { 200: claimAnswer } } }, async (request) => {
      const row = await claimCase(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id);
      return { id: row.id, claimedBy: row.claimedBy };
    });
    app.post('/api/admin/cases/:id/release', { schema: { tags: ['casework'], summary: '退回队列（取消认领）', params: idParams, response: { 200: claimAnswer } } }, async (request) => {
      const row = await releaseCase(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id);
      return { id: row.id, claimedBy: row.claimedBy };
    });
    app.post(
      '/api/admin/cases/:id/assign',
      { schema: { tags: ['casework'], summary: '转办（本单位管理员）', params: idParams, body: z.object({ staffId: z.uuid('请选择工作人员') }).strict(), response: { 200: claimAnswer } } },
      async (request) => {
        const row = await assignCase(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id, request.body.staffId);
        return { id: row.id, claimedBy: row.claimedBy };
      },
    );
    app.get(
      '/api/admin/cases/:id/assignees',
      { schema: { tags: ['casework'], summary: '可转办的本单位工作人员', params: idParams, response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) } } },
      async (request) => {
        const actor = await requireStaff(ctx, request, ['ADMIN']);
        const { row } = await caseFor(ctx, actor, request.params.id, 'ACT');
        const colleagues = await ctx.db.select().from(staff).where(and(eq(staff.authorityCode, actor.staff.authorityCode), eq(staff.status, 'ACTIVE')));
        return colleagues
          .filter((s) => allowedActions(row.status as ApplicationStatus, row.service as ServiceCode, { kind: 'STAFF', roles: s.roles as never }).length > 0)
          .map((s) => ({ id: s.id, name: s.name }));
      },
    );

    app.post(
      '/api/admin/applications/:id/actions',
      {
        schema: {
          tags: ['casework'],
          summary: '办件操作（受理、不予受理、补正告知、审核、评级、制证、发证、办结）',
          params: idParams,
          body: z
            .object({
              action: z.enum(STAFF_CASE_ACTIONS, { error: '操作不正确' }),
              opinion: z.string().max(500, '意见不能超过500字').optional(),
              correctionItems: z.array(z.object({ materialCode: z.string().max(32), note: z.string().max(200, '补正要求不能超过200字') }).strict()).max(10).optional(),
              correctionDeadline: date('补正期限').optional(),
              courier: z.string().max(20, '快递公司不能超过20字').optional(),
              trackingNo: z.string().max(40, '邮寄单号不能超过40位').optional(),
              grade: z.enum(GRADES, { error: '考核等级应为AAA、AA、A或B' }).optional(),
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

    const pointRecord = z.object({ id: z.string(), points: z.number(), status: z.string() }).passthrough();
    app.post(
      '/api/admin/cases/:id/point-records',
      {
        schema: {
          tags: ['casework'],
          summary: '登记计分记录（含处罚决定书文号）',
          params: idParams,
          body: z
            .object({
              occurredOn: date('发生日期'),
              indicator: z.string().max(60, '计分事项不能超过60字'),
              points: z.number().int(),
              decisionNo: z.string().max(40, '决定书文号不能超过40字'),
            })
            .strict(),
          response: { 201: pointRecord },
        },
      },
      async (request, reply) => reply.status(201).send(await addPointRecord(ctx, request, await requireStaff(ctx, request), request.params.id, request.body)),
    );
    app.post(
      '/api/admin/cases/:id/point-records/:recordId/revoke',
      {
        schema: {
          tags: ['casework'],
          summary: '撤销计分记录（复议、诉讼）',
          params: idParams.extend({ recordId: z.uuid('记录编号格式不正确') }),
          body: z.object({ reason: z.string().max(200, '撤销理由不能超过200字') }).strict(),
          response: { 200: pointRecord },
        },
      },
      async (request) => revokePointRecord(ctx, request, await requireStaff(ctx, request), request.params.id, request.params.recordId, request.body.reason),
    );

    app.get('/api/admin/dashboard', { schema: { tags: ['casework'], summary: '工作台统计', response: { 200: view } } }, async (request) => dashboard(ctx, await requireStaff(ctx, request, [...CASE_WORKER_ROLES])));

    app.get('/api/admin/archive-transfers', { schema: { tags: ['casework'], summary: '档案转出任务', response: { 200: z.array(view) } } }, async (request) => listArchiveTransfers(ctx, await requireStaff(ctx, request, [...CASE_WORKER_ROLES])));
    app.post('/api/admin/archive-transfers/:id/complete', { schema: { tags: ['casework'], summary: '档案已转出', params: z.object({ id: z.uuid('任务编号格式不正确') }), response: { 200: view } } }, async (request) => {
      const task = await completeArchiveTransfer(ctx, request, await requireStaff(ctx, request, [...CASE_WORKER_ROLES]), request.params.id);
      return { id: task.id, status: task.status };
    });

    const settingsRow = z.object({ service: z.string(), serviceName: z.string(), promisedDays: z.number(), isDefault: z.boolean(), defaultDays: z.number(), updatedAt: z.string().nullable() });
    app.get('/api/admin/settings/services', { schema: { tags: ['casework'], summary: '本单位各事项承诺时限', response: { 200: z.array(settingsRow) } } }, async (request) => serviceSettings(ctx, await requireStaff(ctx, request, ['ADMIN'])));
    app.put(
      '/api/admin/settings/services/:service',
      { schema: { tags: ['casework'], summary: '设置承诺时限（管理员）', params: z.object({ service: z.enum(SERVICE_CODES, { error: '事项不正确' }) }), body: z.object({ promisedDays: z.number({ error: '请填写承诺时限' }) }).strict(), response: { 200: z.array(settingsRow) } } },
      async (request) => setPromisedDays(ctx, request, await requireStaff(ctx, request, ['ADMIN']), request.params.service, request.body.promisedDays),
    );

    const noticeParams = { params: z.object({ service: z.enum(SERVICE_CODES, { error: '事项不正确' }) }), querystring: z.object({ variant: z.enum(CHANGE_VARIANT_CODES, { error: '办理类型不正确' }).optional() }).strict() };
    app.get('/api/admin/notices/:service', { schema: { tags: ['casework'], summary: '业务须知（当前版本）', ...noticeParams, response: { 200: noticeSchema } } }, async (request) => {
      await requireStaff(ctx, request, ['ADMIN']);
      return requestedNotice(ctx.db, request.params.service, request.query.variant);
    });
    app.post(
      '/api/admin/notices/:service',
      {
        schema: {
          tags: ['casework'],
          summary: '发布业务须知新版本（省级管理员）',
          ...noticeParams,
          body: z.object({ sections: z.array(z.object({ heading: z.string().max(20, '标题不能超过20字'), lines: z.array(z.string().max(300, '每行不能超过300字')).max(20) }).strict()).min(1).max(12) }).strict(),
          response: { 201: noticeSchema },
        },
      },
      async (request, reply) => {
        const actor = await requireStaff(ctx, request, ['ADMIN']);
        const { scope } = await staffScope(ctx.db, actor);
        if (scope.authorityLevel !== 'PROVINCE') throw new AppError('YZ-GEN-403', '业务须知由省级管理部门的管理员发布');
        assertVariant(findService(request.params.service)!, request.query.variant);
        return reply.status(201).send(await publishNotice(ctx, request, actor, request.params.service, request.query.variant, request.body.sections));
      },
    );
  };
}
