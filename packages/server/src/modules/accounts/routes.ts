import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idValidToField, idNumberField, localDateField, mobileField, personNameField, smsCodeField } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { clearSessionCookie, findSession, forceTouch, requireSession, sessionTimes, setSessionCookie } from '../auth/sessions';
import { loginWithPassword, loginWithSmsCode, logout, registerCitizen, requestSmsCode, resetPassword } from './citizen-auth';
import { changeMobile, changePassword, endOwnSession, getProfile, listOwnSessions, requestMobileChange } from './profile';
import { verifyRealName } from './realname';
import { findCitizen, type CitizenRow } from './citizens-repo';

const passwordField = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长');
const codeSent = z.object({ resendAfterSeconds: z.number(), expiresInSeconds: z.number() });
const sessionState = z.object({
  authenticated: z.boolean(),
  citizen: z.object({ id: z.string(), realNameStatus: z.enum(['NONE', 'VERIFIED']), name: z.string().nullable() }).optional(),
  idleExpiresAt: z.string().optional(),
  absoluteExpiresAt: z.string().optional(),
  warnBeforeSeconds: z.number().optional(),
});
const ok = z.object({ ok: z.literal(true) });
/** What both sign-in routes answer: where the page goes next depends on the real-name status. */
const signedIn = z.object({ realNameStatus: z.enum(['NONE', 'VERIFIED']) });
/** Citizens' accounts: 注册, 实名认证, 登录, 找回密码, 个人空间. */
export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // Tighter limits where guessing or spamming is the risk (standards S3, S4).
  const LOGIN_RATE = { rateLimit: { max: ctx.config.authRateLimitPerMinute, timeWindow: '1 minute' } };
  const SMS_RATE = { rateLimit: { max: ctx.config.smsRateLimitPerMinute, timeWindow: '1 minute' } };
  const startSession = (reply: FastifyReply, { citizen, token }: { citizen: CitizenRow; token: string }) => {
    setSessionCookie(reply, ctx, 'CITIZEN', token);
    return { realNameStatus: citizen.realNameStatus };
  };
  return async (app) => {
    app.post(
      '/api/auth/sms-codes',
      { config: SMS_RATE, schema: { tags: ['accounts'], summary: '获取短信验证码', body: z.object({ mobile: mobileField, purpose: z.enum(['REGISTER', 'LOGIN', 'RESET_PASSWORD']) }).strict(), response: { 200: codeSent } } },
      async (request) => requestSmsCode(ctx, request.body.mobile, request.body.purpose),
    );

    app.post(
      '/api/auth/register',
      {
        config: LOGIN_RATE,
        schema: {
          tags: ['accounts'],
          summary: '自然人注册（立即注册）',
          body: z
            .object({
              mobile: mobileField,
              smsCode: smsCodeField,
              password: passwordField,
              acceptAgreements: z.literal(true, { error: '请阅读并同意用户服务协议和个人信息保护说明' }),
            })
            .strict(),
          response: { 201: z.object({ id: z.string(), next: z.literal('REALNAME') }) },
        },
      },
      async (request, reply) => {
        const { citizen, token } = await registerCitizen(ctx, request, request.body);
        setSessionCookie(reply, ctx, 'CITIZEN', token);
        return reply.status(201).send({ id: citizen.id, next: 'REALNAME' as const });
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: LOGIN_RATE,
        schema: {
          tags: ['accounts'],
          summary: '账号密码登录（账号为手机号或身份证号）',
          body: z.object({ account: z.string({ error: '请输入账号' }).trim().min(1, '请输入账号').max(40, '账号格式不正确'), password: passwordField }).strict(),
          response: { 200: signedIn },
        },
      },
      async (request, reply) => startSession(reply, await loginWithPassword(ctx, request, request.body.account, request.body.password)),
    );

    app.post(
      '/api/auth/login-sms',
      { config: LOGIN_RATE, schema: { tags: ['accounts'], summary: '短信验证码登录', body: z.object({ mobile: mobileField, smsCode: smsCodeField }).strict(), response: { 200: signedIn } } },
      async (request, reply) => startSession(reply, await loginWithSmsCode(ctx, request, request.body.mobile, request.body.smsCode)),
    );

    app.post(
      '/api/auth/password-reset',
      { config: LOGIN_RATE, schema: { tags: ['accounts'], summary: '找回密码', body: z.object({ mobile: mobileField, smsCode: smsCodeField, newPassword: passwordField }).strict(), response: { 200: ok } } },
      async (request) => {
        await resetPassword(ctx, request, request.body.mobile, request.body.smsCode, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['accounts'], summary: '退出登录', response: { 200: ok } } }, async (request, reply) => {
      const { session } = await findSession(ctx, request, 'CITIZEN', { touch: false });
      if (session) await logout(ctx, request, session);
      clearSessionCookie(reply, ctx, 'CITIZEN');
      // Tell the browser to drop anything it kept for this site (standards S15).
      reply.header('Clear-Site-Data', '"cache", "storage"');
      return { ok: true as const };
    });

    app.get('/api/auth/session', { schema: { tags: ['accounts'], summary: '当前登录状态（不延长会话）', response: { 200: sessionState } } }, async (request) => {
      const { session } = await findSession(ctx, request, 'CITIZEN', { touch: false });
      if (!session) return { authenticated: false };
      const citizen = await findCitizen(ctx.db, session.subjectId);
      if (!citizen) return { authenticated: false };
      return { authenticated: true, citizen: { id: citizen.id, realNameStatus: citizen.realNameStatus, name: citizen.name }, ...sessionTimes(session) };
    });

    app.post('/api/auth/session/extend', { schema: { tags: ['accounts'], summary: '继续登录（延长会话）', response: { 200: sessionState.pick({ idleExpiresAt: true, absoluteExpiresAt: true, warnBeforeSeconds: true }) } } }, async (request) => {
      const session = await forceTouch(ctx, await requireSession(ctx, request, 'CITIZEN'));
      return sessionTimes(session);
    });

    app.post(
      '/api/me/realname',
      {
        schema: {
          tags: ['accounts'],
          summary: '实名认证',
          body: z.object({ name: personNameField, idNumber: idNumberField, validFrom: localDateField('有效起始日期'), validTo: idValidToField }).strict(),
          response: { 200: ok },
        },
      },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        await verifyRealName(ctx, request, session.subjectId, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/me',
      {
        schema: {
          tags: ['accounts'],
          summary: '个人信息（脱敏）',
          response: {
            200: z.object({
              id: z.string(),
              mobileMasked: z.string(),
              realNameStatus: z.enum(['NONE', 'VERIFIED']),
              name: z.string().nullable(),
              idNumberMasked: z.string().nullable(),
              sex: z.enum(['M', 'F']).nullable(),
              birthDate: z.string().nullable(),
              idValidFrom: z.string().nullable(),
              idValidTo: z.string().nullable(),
              realNameVerifiedAt: z.string().nullable(),
              createdAt: z.string(),
              agreements: z.array(z.object({ code: z.string(), version: z.string(), acceptedAt: z.string() })),
            }),
          },
        },
      },
      async (request, reply) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        reply.header('Cache-Control', 'no-store');
        return getProfile(ctx, request, session.subjectId);
      },
    );

    app.post(
      '/api/me/password',
      { schema: { tags: ['accounts'], summary: '修改密码（其他设备随即退出）', body: z.object({ currentPassword: passwordField, newPassword: passwordField }).strict(), response: { 200: ok } } },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        await changePassword(ctx, request, session, request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/me/mobile/code',
      { config: SMS_RATE, schema: { tags: ['accounts'], summary: '更换手机号：向新手机号发送验证码', body: z.object({ password: passwordField, newMobile: mobileField }).strict(), response: { 200: codeSent } } },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        return requestMobileChange(ctx, session.subjectId, request.body.password, request.body.newMobile);
      },
    );

    app.post(
      '/api/me/mobile',
      { schema: { tags: ['accounts'], summary: '更换手机号', body: z.object({ password: passwordField, newMobile: mobileField, smsCode: smsCodeField }).strict(), response: { 200: ok } } },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        await changeMobile(ctx, request, session.subjectId, request.body.password, request.body.newMobile, request.body.smsCode);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/me/sessions',
      {
        schema: {
          tags: ['accounts'],
          summary: '我的登录设备',
          response: { 200: z.array(z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable(), current: z.boolean() })) },
        },
      },
      async (request) => listOwnSessions(ctx, await requireSession(ctx, request, 'CITIZEN')),
    );

    app.delete(
      '/api/me/sessions/:id',
      { schema: { tags: ['accounts'], summary: '退出某个登录设备', params: z.object({ id: z.uuid('会话编号格式不正确') }), response: { 200: ok } } },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        await endOwnSession(ctx, request, session, request.params.id);
        return { ok: true as const };
      },
    );
  };
}

