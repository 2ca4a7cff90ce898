import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';
import { STAFF_ROLES, type StaffRole } from '@yunzheng/domain';
import { decoyHash, verifyPassword } from '../../adapters/crypto/passwords';
import type { AppContext } from '../../context';
import { staff } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../http/problem';
import { appendAudit, recordAudit } from '../audit/audit-log';
import { assertNotLocked, clearLoginFailures, recordLoginFailure, throttleKey } from '../auth/login-throttle';
import { createSession, requireSession, revokeSession, setSessionCookie, type Session } from '../auth/sessions';
import { findStaff, findStaffByUsername, type StaffRow } from './staff-repo';

/**
 * Staff sign-in at /admin (standards S4): the password (staff policy) opens a PARTIAL session that can do one
 * thing, present a TOTP code (RFC 6238, 30 s, 6 digits, ±1 step, no replay); on first sign-in the TOTP secret is
 * enrolled with a QR code. Only then a FULL session is issued, under a new token.
 */
const PERIOD = 30;

function totpFor(ctx: AppContext, row: StaffRow): TOTP {
  if (!row.totpSecretEnc) throw new Error('no TOTP secret');
  return new TOTP({ issuer: '运政通', label: row.username, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(ctx.cipher.decrypt(row.totpSecretEnc)) });
}

const WRONG = '用户名或密码错误，连续输错5次将锁定15分钟';

export type PasswordStepResult = { next: 'TOTP' } | { next: 'ENROL_TOTP'; otpauthUri: string; qrDataUrl: string; secret: string };

export async function staffPasswordStep(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, username: string, password: string): Promise<PasswordStepResult> {
  const key = throttleKey(ctx, 'staff', username);
  await assertNotLocked(ctx, key);
  const row = await findStaffByUsername(ctx.db, username);
  const passwordOk = await verifyPassword(row?.passwordHash ?? (await decoyHash()), password);
  const now = ctx.clock.now();
  if (!row || !passwordOk || row.status !== 'ACTIVE') {
    const locked = await recordLoginFailure(ctx, key);
    await recordAudit(ctx.db, { actorType: 'ANONYMOUS', action: 'STAFF_LOGIN_PASSWORD', objectType: 'staff', objectId: row?.id ?? null, outcome: 'FAILURE', ip: request.ip, details: { username: username.slice(0, 40) } }, now);
    if (locked) await recordAudit(ctx.db, { actorType: 'SYSTEM', action: 'STAFF_LOCKOUT', objectType: 'staff', objectId: row?.id ?? null, outcome: 'SUCCESS', ip: request.ip, details: { username: username.slice(0, 40) } }, now);
    throw new AppError('YZ-ACC-001', WRONG);
  }
  let enrolment: PasswordStepResult = { next: 'TOTP' };
  let current = row;
  if (!row.totpEnrolledAt) {
    // A new secret at every attempt until enrolment is confirmed: a QR code seen once is not reused later.
    const secret = new Secret({ size: 20 });
    [current] = await ctx.db.update(staff).set({ totpSecretEnc: ctx.cipher.encrypt(secret.base32) }).where(eq(staff.id, row.id)).returning() as [StaffRow];
    const otpauthUri = totpFor(ctx, current).toString();
    enrolment = { next: 'ENROL_TOTP', otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }), secret: secret.base32 };
  }
  await inTransaction(ctx.db, async (tx) => {
    const { token } = await createSession(tx, ctx, request, { type: 'STAFF', id: current.id, stage: 'PARTIAL' });
    setSessionCookie(reply, ctx, 'STAFF', token);
    await appendAudit(tx, { actorType: 'STAFF', actorId: current.id, action: 'STAFF_LOGIN_PASSWORD', objectType: 'staff', objectId: current.id, outcome: 'SUCCESS', ip: request.ip }, now);
  });
  return enrolment;
}

export async function staffTotpStep(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, code: string): Promise<StaffRow> {
  const partial = await requireSession(ctx, request, 'STAFF', { stage: 'PARTIAL' });
  const row = await findStaff(ctx.db, partial.subjectId);
  if (!row || row.status !== 'ACTIVE' || !row.totpSecretEnc) throw new AppError('YZ-GEN-401');
  const key = throttleKey(ctx, 'staff', row.username);
  await assertNotLocked(ctx, key);
  const now = ctx.clock.now();
  const delta = totpFor(ctx, row).validate({ token: code, timestamp: now.getTime(), window: 1 });
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + (delta ?? 0);
  if (delta === null || (row.totpLastStep !== null && step <= row.totpLastStep)) {
    const locked = await recordLoginFailure(ctx, key);
    await recordAudit(ctx.db, { actorType: 'STAFF', actorId: row.id, action: 'STAFF_LOGIN_TOTP', objectType: 'staff', objectId: row.id, outcome: 'FAILURE', ip: request.ip }, now);
    if (locked) {
      await recordAudit(ctx.db, { actorType: 'SYSTEM', action: 'STAFF_LOCKOUT', objectType: 'staff', objectId: row.id, outcome: 'SUCCESS', ip: request.ip }, now);
      throw new AppError('YZ-ACC-002');
    }
    throw new AppError('YZ-ACC-012', '动态验证码错误，请输入身份验证器中当前显示的6位数字', [{ field: 'code', message: '动态验证码错误' }]);
  }
  await clearLoginFailures(ctx, key);
  return inTransaction(ctx.db, async (tx) => {
    const enrolling = !row.totpEnrolledAt;
    const [updated] = await tx.update(staff).set({ totpLastStep: step, ...(enrolling && { totpEnrolledAt: now }) }).where(eq(staff.id, row.id)).returning();
    await revokeSession(tx, ctx, partial.id);
    const { token } = await createSession(tx, ctx, request, { type: 'STAFF', id: row.id });
    setSessionCookie(reply, ctx, 'STAFF', token);
    await appendAudit(tx, { actorType: 'STAFF', actorId: row.id, action: enrolling ? 'STAFF_TOTP_ENROL' : 'STAFF_LOGIN_TOTP', objectType: 'staff', objectId: row.id, outcome: 'SUCCESS', ip: request.ip }, now);
    return updated!;
  });
}

export interface StaffActor {
  session: Session;
  staff: StaffRow;
  roles: StaffRole[];
}

/** The signed-in staff member (full session, active account); with `roles`, one of them is required (else 403). */
export async function requireStaff(ctx: AppContext, request: FastifyRequest, roles?: StaffRole[]): Promise<StaffActor> {
  const session = await requireSession(ctx, request, 'STAFF');
  const row = await findStaff(ctx.db, session.subjectId);
  if (!row || row.status !== 'ACTIVE') throw new AppError('YZ-GEN-401');
  const held = row.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r));
  if (roles && !roles.some((r) => held.includes(r))) {
    await recordAudit(ctx.db, { actorType: 'STAFF', actorId: row.id, action: 'AUTHZ_DENIED', outcome: 'FAILURE', ip: request.ip, details: { route: request.routeOptions.url ?? '', needs: roles } }, ctx.clock.now());
    throw new AppError('YZ-GEN-403');
  }
  return { session, staff: row, roles: held };
}
