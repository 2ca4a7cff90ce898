import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { maskIdNumber, maskMobile } from '@yunzheng/domain';
import { hashPassword, verifyPassword } from '../../adapters/crypto/passwords';
import type { AppContext } from '../../context';
import { citizens, sessions } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import { liveSessions, revokeSession, revokeSubjectSessions, type Session } from '../auth/sessions';
import { assertPasswordAcceptable } from './citizen-auth';
import { findCitizen, findCitizenByMobile, isUniqueViolation, type CitizenRow } from './citizens-repo';
import { consumeSmsCode, sendSmsCode } from './sms-codes';

/** 个人空间: the citizen's own profile, password, mobile number and sessions. Every function acts on the caller only. */

async function self(ctx: AppContext, citizenId: string): Promise<CitizenRow> {
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen || citizen.status !== 'ACTIVE') throw new AppError('YZ-GEN-401');
  return citizen;
}

async function assertCurrentPassword(citizen: CitizenRow, password: string, field: string) {
  if (!(await verifyPassword(citizen.passwordHash, password))) {
    throw new AppError('YZ-ACC-001', '当前密码不正确', [{ field, message: '当前密码不正确' }]);
  }
}

/** The profile, masked (standards S10); reading it is audited like any read of personal data. */
export async function getProfile(ctx: AppContext, request: FastifyRequest, citizenId: string) {
  const citizen = await self(ctx, citizenId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, (tx) =>
    appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'PROFILE_READ', objectType: 'citizen', objectId: citizenId, outcome: 'SUCCESS', ip: request.ip }, now),
  );
  return {
    id: citizen.id,
    mobileMasked: maskMobile(ctx.cipher.decrypt(citizen.mobileEnc)),
    realNameStatus: citizen.realNameStatus,
    name: citizen.name,
    idNumberMasked: citizen.idNumberEnc ? maskIdNumber(ctx.cipher.decrypt(citizen.idNumberEnc)) : null,
    sex: citizen.sex,
    birthDate: citizen.birthDate,
    idValidFrom: citizen.idValidFrom,
    idValidTo: citizen.idValidTo,
    realNameVerifiedAt: citizen.realNameVerifiedAt?.toISOString() ?? null,
    createdAt: citizen.createdAt.toISOString(),
    agreements: citizen.agreements,
  };
}

/** 修改密码: the current password first; every other session ends (standards S5). */
export async function changePassword(ctx: AppContext, request: FastifyRequest, session: Session, currentPassword: string, newPassword: string) {
  const citizen = await self(ctx, session.subjectId);
  await assertCurrentPassword(citizen, currentPassword, 'currentPassword');
  assertPasswordAcceptable(newPassword, [ctx.cipher.decrypt(citizen.mobileEnc)], 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await tx.update(citizens).set({ passwordHash, passwordChangedAt: now }).where(eq(citizens.id, citizen.id));
    await revokeSubjectSessions(tx, ctx, 'CITIZEN', citizen.id, session.id);
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CITIZEN_PASSWORD_CHANGE', objectType: 'citizen', objectId: citizen.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
}

/** 更换手机号, step 1: re-authenticate with the password, then send a code to the new number. */
export async function requestMobileChange(ctx: AppContext, citizenId: string, password: string, newMobile: string) {
  const citizen = await self(ctx, citizenId);
  await assertCurrentPassword(citizen, password, 'password');
  if (await findCitizenByMobile(ctx.db, ctx, newMobile)) {
    throw new AppError('YZ-ACC-005', '该手机号已被其他账号使用', [{ field: 'newMobile', message: '该手机号已被其他账号使用' }]);
  }
  return sendSmsCode(ctx, newMobile, 'CHANGE_MOBILE');
}

/** 更换手机号, step 2: the password again and the code received on the new number. */
export async function changeMobile(ctx: AppContext, request: FastifyRequest, citizenId: string, password: string, newMobile: string, code: string) {
  const citizen = await self(ctx, citizenId);
  await assertCurrentPassword(citizen, password, 'password');
  await consumeSmsCode(ctx, newMobile, 'CHANGE_MOBILE', code);
  const now = ctx.clock.now();
  try {
    await inTransaction(ctx.db, async (tx) => {
      await tx
        .update(citizens)
        .set({ mobileEnc: ctx.cipher.encrypt(newMobile), mobileBidx: ctx.cipher.blindIndex('mobile', newMobile) })
        .where(eq(citizens.id, citizen.id));
      await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizen.id, action: 'CITIZEN_MOBILE_CHANGE', objectType: 'citizen', objectId: citizen.id, outcome: 'SUCCESS', ip: request.ip, details: { to: maskMobile(newMobile) } }, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('YZ-ACC-005', '该手机号已被其他账号使用', [{ field: 'newMobile', message: '该手机号已被其他账号使用' }]);
    throw error;
  }
}

export async function listOwnSessions(ctx: AppContext, session: Session) {
  const rows = await liveSessions(ctx, 'CITIZEN', session.subjectId);
  return rows
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
    .map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), ip: s.ip, userAgent: s.userAgent, current: s.id === session.id }));
}

/** Ends one of the caller's own sessions; someone else's session id answers 404. */
export async function endOwnSession(ctx: AppContext, request: FastifyRequest, session: Session, sessionId: string) {
  const [target] = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.subjectType, 'CITIZEN'), eq(sessions.subjectId, session.subjectId)));
  if (!target) throw notFound();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await revokeSession(tx, ctx, target.id);
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: session.subjectId, action: 'CITIZEN_SESSION_END', objectType: 'session', objectId: target.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
}
