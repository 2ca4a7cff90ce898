import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_POLICY } from '@yunzheng/domain';
import { randomToken, sha256 } from '../../adapters/crypto/tokens';
import type { AppContext } from '../../context';
import { sessions } from '../../db/schema';
import type { Queryable } from '../../db/transaction';
import { AppError } from '../../http/problem';
import { requestInfo } from '../../http/request-info';

/**
 * Server-side sessions (standards S5): a 256-bit random token in an HttpOnly, SameSite=Lax cookie (Secure and
 * `__Host-` prefixed unless plain-http development), stored as its SHA-256 hash; idle and absolute timeouts checked
 * on every request; rotated at sign-in; revoked at once by logout, password change or account disablement.
 */
export type SubjectType = 'CITIZEN' | 'STAFF';
export type Session = typeof sessions.$inferSelect;

const POLICY = { CITIZEN: SESSION_POLICY.citizen, STAFF: SESSION_POLICY.staff } as const;
/** Writing last_seen_at on every request would turn reads into writes; a minute of slack is harmless. */
const TOUCH_INTERVAL_MS = 60_000;

export function cookieName(ctx: AppContext, subjectType: SubjectType): string {
  const base = subjectType === 'CITIZEN' ? 'yz_session' : 'yz_staff';
  return ctx.config.cookieSecure ? `__Host-${base}` : base;
}

export function idleMs(subjectType: SubjectType): number {
  return POLICY[subjectType].idleMinutes * 60_000;
}

export async function createSession(
  tx: Queryable,
  ctx: AppContext,
  request: FastifyRequest,
  subject: { type: SubjectType; id: string; stage?: 'PARTIAL' | 'FULL' },
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const now = ctx.clock.now();
  const { ip, userAgent } = requestInfo(request);
  const [session] = await tx
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      subjectType: subject.type,
      subjectId: subject.id,
      stage: subject.stage ?? 'FULL',
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + POLICY[subject.type].absoluteHours * 3_600_000),
      ip,
      userAgent,
    })
    .returning();
  return { token, session: session! };
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, subjectType: SubjectType, token: string) {
  reply.setCookie(cookieName(ctx, subjectType), token, {
    path: '/',
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
    maxAge: POLICY[subjectType].absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext, subjectType: SubjectType) {
  reply.clearCookie(cookieName(ctx, subjectType), { path: '/', httpOnly: true, secure: ctx.config.cookieSecure, sameSite: 'lax' });
}

/**
 * The caller's live session of this kind, or undefined. An expired session is revoked on the spot.
 * `touch` extends the idle timeout (every authenticated request does; polling the session state does not).
 */
export async function findSession(ctx: AppContext, request: FastifyRequest, subjectType: SubjectType, options: { touch: boolean }): Promise<{ session: Session | undefined; expired: boolean }> {
  const token = request.cookies[cookieName(ctx, subjectType)];
  if (!token) return { session: undefined, expired: false };
  const [session] = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), eq(sessions.subjectType, subjectType), isNull(sessions.revokedAt)));
  if (!session) return { session: undefined, expired: true };
  const now = ctx.clock.now();
  if (now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= idleMs(subjectType)) {
    await ctx.db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, session.id));
    return { session: undefined, expired: true };
  }
  if (options.touch && now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
    session.lastSeenAt = now;
  }
  return { session, expired: false };
}

/** The caller's full session, or 401 (with "登录已超时" when it timed out). */
export async function requireSession(ctx: AppContext, request: FastifyRequest, subjectType: SubjectType, options: { touch?: boolean; stage?: 'PARTIAL' | 'FULL' } = {}): Promise<Session> {
  const { session, expired } = await findSession(ctx, request, subjectType, { touch: options.touch ?? true });
  if (!session || session.stage !== (options.stage ?? 'FULL')) throw new AppError(expired ? 'YZ-ACC-009' : 'YZ-GEN-401');
  return session;
}

export async function forceTouch(ctx: AppContext, session: Session): Promise<Session> {
  const now = ctx.clock.now();
  await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  return { ...session, lastSeenAt: now };
}

export async function revokeSession(tx: Queryable, ctx: AppContext, sessionId: string) {
  await tx.update(sessions).set({ revokedAt: ctx.clock.now() }).where(eq(sessions.id, sessionId));
}

/** Ends every live session of a subject, except one (the caller's own, after a password change). */
export async function revokeSubjectSessions(tx: Queryable, ctx: AppContext, subjectType: SubjectType, subjectId: string, exceptSessionId?: string) {
  const conditions = [eq(sessions.subjectType, subjectType), eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt)];
  if (exceptSessionId) conditions.push(ne(sessions.id, exceptSessionId));
  await tx.update(sessions).set({ revokedAt: ctx.clock.now() }).where(and(...conditions));
}

export async function liveSessions(ctx: AppContext, subjectType: SubjectType, subjectId: string): Promise<Session[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.subjectType, subjectType), eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return rows.filter((s) => now.getTime() - s.lastSeenAt.getTime() < idleMs(subjectType));
}

/** What the page needs to warn before the session ends. */
export function sessionTimes(session: Session) {
  const idleExpiresAt = new Date(session.lastSeenAt.getTime() + idleMs(session.subjectType));
  return {
    idleExpiresAt: (idleExpiresAt < session.expiresAt ? idleExpiresAt : session.expiresAt).toISOString(),
    absoluteExpiresAt: session.expiresAt.toISOString(),
    warnBeforeSeconds: SESSION_POLICY.warnBeforeSeconds,
  };
}
