import { eq, sql } from 'drizzle-orm';
import { LOGIN_LOCKOUT } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { loginThrottle } from '../../db/schema';
import { AppError } from '../../http/problem';

/**
 * Lockout after 5 consecutive failures for 15 minutes (standards S3), counted per typed account name whether or
 * not such an account exists, so the lock message reveals nothing either.
 */
export function throttleKey(ctx: AppContext, audience: 'citizen' | 'staff', account: string): string {
  return ctx.cipher.blindIndex(`login-${audience}`, account.trim().toUpperCase());
}

function lockedMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `连续${LOGIN_LOCKOUT.maxConsecutiveFailures}次登录失败，账号已锁定，请约${minutes}分钟后再试，或通过短信验证码重置密码`;
}

export async function assertNotLocked(ctx: AppContext, key: string): Promise<void> {
  const [row] = await ctx.db.select().from(loginThrottle).where(eq(loginThrottle.accountBidx, key));
  const now = ctx.clock.now();
  if (row?.lockedUntil && row.lockedUntil > now) {
    const remaining = new Date(Date.now() + (row.lockedUntil.getTime() - now.getTime()));
    throw new AppError('YZ-ACC-002', lockedMessage(remaining));
  }
}

/** Counts a failure; returns true when this failure locked the account. */
export async function recordLoginFailure(ctx: AppContext, key: string): Promise<boolean> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(loginThrottle)
    .values({ accountBidx: key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({ target: loginThrottle.accountBidx, set: { failures: sql`${loginThrottle.failures} + 1`, updatedAt: now } })
    .returning();
  if (row!.failures < LOGIN_LOCKOUT.maxConsecutiveFailures) return false;
  await ctx.db
    .update(loginThrottle)
    .set({ failures: 0, lockedUntil: new Date(now.getTime() + LOGIN_LOCKOUT.lockMinutes * 60_000) })
    .where(eq(loginThrottle.accountBidx, key));
  return true;
}

export async function clearLoginFailures(ctx: AppContext, key: string): Promise<void> {
  await ctx.db.delete(loginThrottle).where(eq(loginThrottle.accountBidx, key));
}
