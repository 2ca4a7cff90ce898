import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { AGREEMENTS, type SmsPurpose } from '@yunzheng/domain';
import { checkPassword, passwordMessages } from '@yunzheng/domain/password-policy';
import { decoyHash, hashPassword, verifyPassword } from '../../adapters/crypto/passwords';
import type { AppContext } from '../../context';
import { citizens } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../http/problem';
import { requestInfo } from '../../http/request-info';
import { appendAudit, recordAudit } from '../audit/audit-log';
import { assertNotLocked, clearLoginFailures, recordLoginFailure, throttleKey } from '../auth/login-throttle';
import { createSession, revokeSession, revokeSubjectSessions, type Session } from '../auth/sessions';
import { findCitizenByAccount, findCitizenByMobile, isUniqueViolation, type CitizenRow } from './citizens-repo';
import { consumeSmsCode, sendSmsCode } from './sms-codes';

/** 自然人注册, sign-in by password or SMS code, password reset. */

export function assertPasswordAcceptable(password: string, accountNames: string[], field = 'password') {
  const problem = checkPassword(password, 'citizen', accountNames);
  if (problem) {
    const message = passwordMessages[problem]('citizen');
    throw new AppError('YZ-ACC-013', message, [{ field, message }]);
  }
}

/** Sends a code, unless that would tell a stranger whether a number is registered (then it silently does nothing). */
export async function requestSmsCode(ctx: AppContext, mobile: string, purpose: Exclude<SmsPurpose, 'CHANGE_MOBILE'>) {
  const existing = await findCitizenByMobile(ctx.db, ctx, mobile);
  if (purpose === 'REGISTER' && existing) {
    throw new AppError('YZ-ACC-005', '该手机号已注册，请直接登录或找回密码', [{ field: 'mobile', message: '该手机号已注册' }]);
  }
  if (purpose !== 'REGISTER' && (!existing || existing.status !== 'ACTIVE')) {
    return { resendAfterSeconds: 60, expiresInSeconds: 300 };
  }
  return sendSmsCode(ctx, mobile, purpose);
}

export interface RegistrationInput {
  mobile: string;
  smsCode: string;
  password: string;
  acceptAgreements: true;
}

export async function registerCitizen(ctx: AppContext, request: FastifyRequest, input: RegistrationInput): Promise<{ citizen: CitizenRow; token: string }> {
  assertPasswordAcceptable(input.password, [input.mobile]);
  if (await findCitizenByMobile(ctx.db, ctx, input.mobile)) {
    throw new AppError('YZ-ACC-005', '该手机号已注册，请直接登录或找回密码', [{ field: 'mobile', message: '该手机号已注册' }]);
  }
  await consumeSmsCode(ctx, input.mobile, 'REGISTER', input.smsCode);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const [citizen] = await tx
        .insert(citizens)
        .values({
          mobileEnc: ctx.cipher.encrypt(input.mobile),
          mobileBidx: ctx.cipher.blindIndex('mobile', input.mobile),
          passwordHash,
          agreements: AGREEMENTS.map((doc) => ({ code: doc.code, version: doc.version, acceptedAt: now.toISOString() })),
          passwordChangedAt: now,
          createdAt: now,
        })
        .returning();
      await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen!.id, action: 'CITIZEN_REGISTER', objectType: 'citizen', objectId: citizen!.id, outcome: 'SUCCESS', ip: request.ip, details: { agreements: AGREEMENTS.map((d) => `${d.code}@${d.version}`) } }, now);
      const { token } = await createSession(tx, ctx, request, { type: 'CITIZEN', id: citizen!.id });
      return { citizen: citizen!, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('YZ-ACC-005', '该手机号已注册，请直接登录或找回密码', [{ field: 'mobile', message: '该手机号已注册' }]);
    throw error;
  }
}

const WRONG_CREDENTIALS = '账号或密码错误，连续输错5次将锁定15分钟';

/**
 * Password sign-in with 账号 = mobile or ID number. Unknown account and wrong password get the same answer and
 * the same work (a decoy hash is verified), failures count towards the lockout either way.
 */
export async function loginWithPassword(ctx: AppContext, request: FastifyRequest, account: string, password: string): Promise<{ citizen: CitizenRow; token: string }> {
  const key = throttleKey(ctx, 'citizen', account);
  await assertNotLocked(ctx, key);
  const citizen = await findCitizenByAccount(ctx.db, ctx, account);
  const passwordOk = await verifyPassword(citizen?.passwordHash ?? (await decoyHash()), password);
  if (!citizen || !passwordOk || citizen.status !== 'ACTIVE') {
    await failLogin(ctx, request, key, citizen?.id);
    throw new AppError('YZ-ACC-001', WRONG_CREDENTIALS);
  }
  return startCitizenSession(ctx, request, citizen, key, 'password');
}

export async function loginWithSmsCode(ctx: AppContext, request: FastifyRequest, mobile: string, code: string): Promise<{ citizen: CitizenRow; token: string }> {
  const key = throttleKey(ctx, 'citizen', mobile);
  await assertNotLocked(ctx, key);
  const citizen = await findCitizenByMobile(ctx.db, ctx, mobile);
  if (!citizen || citizen.status !== 'ACTIVE') {
    await failLogin(ctx, request, key, undefined);
    throw new AppError('YZ-ACC-003', '短信验证码错误或已失效', [{ field: 'smsCode', message: '短信验证码错误或已失效' }]);
  }
  try {
    await consumeSmsCode(ctx, mobile, 'LOGIN', code);
  } catch (error) {
    await failLogin(ctx, request, key, citizen.id);
    throw error;
  }
  return startCitizenSession(ctx, request, citizen, key, 'sms');
}

async function failLogin(ctx: AppContext, request: FastifyRequest, key: string, citizenId: string | undefined) {
  const locked = await recordLoginFailure(ctx, key);
  const now = ctx.clock.now();
  await recordAudit(ctx.db, { actorType: 'ANONYMOUS', action: 'CITIZEN_LOGIN', objectType: 'citizen', objectId: citizenId ?? null, outcome: 'FAILURE', ip: request.ip, details: { account: key.slice(0, 12) } }, now);
  if (locked) {
    await recordAudit(ctx.db, { actorType: 'SYSTEM', action: 'CITIZEN_LOCKOUT', objectType: 'citizen', objectId: citizenId ?? null, outcome: 'SUCCESS', ip: request.ip, details: { account: key.slice(0, 12) } }, now);
  }
}

async function startCitizenSession(ctx: AppContext, request: FastifyRequest, citizen: CitizenRow, key: string, method: 'password' | 'sms') {
  await clearLoginFailures(ctx, key);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const { token } = await createSession(tx, ctx, request, { type: 'CITIZEN', id: citizen.id });
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CITIZEN_LOGIN', objectType: 'citizen', objectId: citizen.id, outcome: 'SUCCESS', ip: request.ip, details: { method, userAgent: requestInfo(request).userAgent } }, now);
    return { citizen, token };
  });
}

/** 找回密码: a code to the registered mobile, a new password, every session ended, the lockout lifted. */
export async function resetPassword(ctx: AppContext, request: FastifyRequest, mobile: string, code: string, newPassword: string): Promise<void> {
  assertPasswordAcceptable(newPassword, [mobile], 'newPassword');
  const citizen = await findCitizenByMobile(ctx.db, ctx, mobile);
  if (!citizen) throw new AppError('YZ-ACC-003', '短信验证码错误或已失效', [{ field: 'smsCode', message: '短信验证码错误或已失效' }]);
  await consumeSmsCode(ctx, mobile, 'RESET_PASSWORD', code);
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await tx.update(citizens).set({ passwordHash, passwordChangedAt: now }).where(eq(citizens.id, citizen.id));
    await revokeSubjectSessions(tx, ctx, 'CITIZEN', citizen.id);
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CITIZEN_PASSWORD_RESET', objectType: 'citizen', objectId: citizen.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
  await clearLoginFailures(ctx, throttleKey(ctx, 'citizen', mobile));
}

/** Ends this session only; other devices stay signed in (they can be ended from 我的登录设备). */
export async function logout(ctx: AppContext, request: FastifyRequest, session: Session) {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await revokeSession(tx, ctx, session.id);
    await appendAudit(tx, { actorType: session.subjectType, actorId: session.subjectId, action: `${session.subjectType}_LOGOUT`, objectType: 'session', objectId: session.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
}
