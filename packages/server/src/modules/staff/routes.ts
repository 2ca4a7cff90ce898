import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHORITY_LEVELS, STAFF_ROLES } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { clearSessionCookie, findSession, forceTouch, sessionTimes } from '../auth/sessions';
import { logout } from '../accounts/citizen-auth';
import { requireSession } from '../auth/sessions';
import { changeStaffPassword, createStaff, listStaff, publicStaff, updateStaff } from './staff-admin';
import { requireStaff, staffPasswordStep, staffTotpStep } from './staff-auth';
import { allAuthorities } from './staff-repo';

const ok = z.object({ ok: z.literal(true) });
const staffSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  authorityCode: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  status: z.enum(['ACTIVE', 'DISABLED']),
  totpEnrolled: z.boolean(),
  createdAt: z.string(),
});
const rolesField = z.array(z.enum(STAFF_ROLES, { error: '角色不正确' })).min(1, '请至少选择一个角色').max(5);
/** The back office: staff sign-in with TOTP, own account, staff management (管理员), authorities. */
export function staffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const LOGIN_RATE = { rateLimit: { max: ctx.config.authRateLimitPerMinute, timeWindow: '1 minute' } };
  return async (app) => {
    app.post(
      '/api/admin/auth/password',
      {
        config: LOGIN_RATE,
        schema: {
          tags: ['staff'],
          summary: '工作人员登录：用户名和密码',
          body: z.object({ username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64), password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256) }).strict(),
          response: { 200: z.union([z.object({ next: z.literal('TOTP') }), z.object({ next: z.literal('ENROL_TOTP'), otpauthUri: z.string(), qrDataUrl: z.string(), secret: z.string() })]) },
        },
      },
      async (request, reply) => staffPasswordStep(ctx, request, reply, request.body.username, request.body.password),
    );

    app.post(
      '/api/admin/auth/totp',
      { config: LOGIN_RATE, schema: { tags: ['staff'], summary: '工作人员登录：动态验证码', body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '动态验证码为6位数字') }).strict(), response: { 200: staffSchema } } },
      async (request, reply) => publicStaff(await staffTotpStep(ctx, request, reply, request.body.code)),
    );

    app.get(
      '/api/admin/auth/session',
      {
        schema: {
          tags: ['staff'],
          summary: '工作人员登录状态（不延长会话）',
          response: { 200: z.object({ authenticated: z.boolean(), staff: staffSchema.optional(), idleExpiresAt: z.string().optional(), absoluteExpiresAt: z.string().optional(), warnBeforeSeconds: z.number().optional() }) },
        },
      },
      async (request) => {
        const { session } = await findSession(ctx, request, 'STAFF', { touch: false });
        if (!session || session.stage !== 'FULL') return { authenticated: false };
        const actor = await requireStaff(ctx, request).catch(() => undefined);
        if (!actor) return { authenticated: false };
        return { authenticated: true, staff: publicStaff(actor.staff), ...sessionTimes(session) };
      },
    );

    app.post('/api/admin/auth/session/extend', { schema: { tags: ['staff'], summary: '继续登录', response: { 200: z.object({ idleExpiresAt: z.string(), absoluteExpiresAt: z.string(), warnBeforeSeconds: z.number() }) } } }, async (request) =>
      sessionTimes(await forceTouch(ctx, await requireSession(ctx, request, 'STAFF'))),
    );

    app.post('/api/admin/auth/logout', { schema: { tags: ['staff'], summary: '工作人员退出', response: { 200: ok } } }, async (request, reply) => {
      const { session } = await findSession(ctx, request, 'STAFF', { touch: false });
      if (session) await logout(ctx, request, session);
      clearSessionCookie(reply, ctx, 'STAFF');
      reply.header('Clear-Site-Data', '"cache", "storage"');
      return { ok: true as const };
    });

    app.post(
      '/api/admin/me/password',
      { schema: { tags: ['staff'], summary: '工作人员修改密码', body: z.object({ currentPassword: z.string().min(1, '请输入当前密码').max(256), newPassword: z.string().min(1, '请输入新密码').max(256) }).strict(), response: { 200: ok } } },
      async (request) => {
        await changeStaffPassword(ctx, request, await requireStaff(ctx, request), request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/admin/authorities',
      {
        schema: {
          tags: ['staff'],
          summary: '管理部门',
          response: { 200: z.array(z.object({ code: z.string(), name: z.string(), divisionCode: z.string(), level: z.enum(AUTHORITY_LEVELS), parentCode: z.string().nullable(), address: z.string(), phone: z.string(), serviceHours: z.string() })) },
        },
      },
      async (request) => {
        await requireStaff(ctx, request);
        return allAuthorities(ctx.db);
      },
    );

    app.get('/api/admin/staff', { schema: { tags: ['staff'], summary: '工作人员列表（管理员）', response: { 200: z.array(staffSchema) } } }, async (request) =>
      listStaff(ctx, await requireStaff(ctx, request, ['ADMIN'])),
    );

    app.post(
      '/api/admin/staff',
      {
        schema: {
          tags: ['staff'],
          summary: '新增工作人员（管理员）',
          body: z
            .object({
              username: z.string({ error: '请输入用户名' }).trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3至32位字母、数字、下划线，以字母开头'),
              name: z.string({ error: '请输入姓名' }).trim().min(2, '姓名至少2个字').max(30, '姓名不能超过30个字'),
              authorityCode: z.string({ error: '请选择管理部门' }).min(1, '请选择管理部门').max(32),
              roles: rolesField,
            })
            .strict(),
          response: { 201: z.object({ staff: staffSchema, initialPassword: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await createStaff(ctx, request, await requireStaff(ctx, request, ['ADMIN']), request.body)),
    );

    app.patch(
      '/api/admin/staff/:id',
      {
        schema: {
          tags: ['staff'],
          summary: '调整角色或停用、启用工作人员（管理员）',
          params: z.object({ id: z.uuid('编号格式不正确') }),
          body: z.object({ roles: rolesField.optional(), status: z.enum(['ACTIVE', 'DISABLED']).optional() }).strict(),
          response: { 200: staffSchema },
        },
      },
      async (request) => updateStaff(ctx, request, await requireStaff(ctx, request, ['ADMIN']), request.params.id, request.body),
    );
  };
}
