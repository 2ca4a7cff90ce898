import { and, desc, eq, isNull } from 'drizzle-orm';
import { SMS_CODE, smsCodeText, type SmsPurpose } from '@yunzheng/domain';
import { numericCode } from '../../adapters/crypto/tokens';
import type { AppContext } from '../../context';
import { smsCodes } from '../../db/schema';
import { AppError } from '../../http/problem';

/**
 * One-time SMS codes (standards S4): 6 digits, valid 5 minutes, single use, resend after 60 seconds, at most 5
 * tries. Stored as a keyed hash, never in plain text; the code only leaves in the message itself.
 */
function codeHash(ctx: AppContext, codeId: string, code: string): string {
  return ctx.cipher.blindIndex('sms-code', `${codeId}:${code}`);
}

const codeError = (message: string) => new AppError('YZ-ACC-003', message, [{ field: 'smsCode', message }]);

/** Creates and sends a code; refuses a resend within 60 seconds of the last one. */
export async function sendSmsCode(ctx: AppContext, mobile: string, purpose: SmsPurpose): Promise<{ resendAfterSeconds: number; expiresInSeconds: number }> {
  const now = ctx.clock.now();
  const mobileBidx = ctx.cipher.blindIndex('mobile', mobile);
  const [latest] = await ctx.db
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(and(eq(smsCodes.mobileBidx, mobileBidx), eq(smsCodes.purpose, purpose)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (latest) {
    const waitSeconds = Math.ceil(SMS_CODE.resendAfterSeconds - (now.getTime() - latest.createdAt.getTime()) / 1000);
    if (waitSeconds > 0) throw new AppError('YZ-ACC-004', `请在${waitSeconds}秒后重新获取验证码`);
  }
  const code = numericCode(SMS_CODE.length);
  const id = crypto.randomUUID();
  await ctx.db.insert(smsCodes).values({
    id,
    purpose,
    mobileBidx,
    codeHash: codeHash(ctx, id, code),
    expiresAt: new Date(now.getTime() + SMS_CODE.ttlSeconds * 1000),
    createdAt: now,
  });
  try {
    await ctx.sms.send(mobile, smsCodeText(code, purpose));
  } catch {
    throw new AppError('YZ-GEN-503', '短信发送失败，请稍后再试');
  }
  return { resendAfterSeconds: SMS_CODE.resendAfterSeconds, expiresInSeconds: SMS_CODE.ttlSeconds };
}

/**
 * Checks a typed code against the latest one sent for this number and purpose and uses it up. A wrong code
 * counts a try (committed even though the request then fails); the fifth wrong try kills the code.
 */
export async function consumeSmsCode(ctx: AppContext, mobile: string, purpose: SmsPurpose, code: string): Promise<void> {
  const now = ctx.clock.now();
  const [latest] = await ctx.db
    .select()
    .from(smsCodes)
    .where(and(eq(smsCodes.mobileBidx, ctx.cipher.blindIndex('mobile', mobile)), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt)))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (!latest) throw codeError('请先获取短信验证码');
  if (latest.expiresAt <= now) throw codeError('短信验证码已过期，请重新获取');
  if (latest.attempts >= SMS_CODE.maxAttempts) throw codeError('验证码错误次数过多，请重新获取');
  if (latest.codeHash !== codeHash(ctx, latest.id, code)) {
    const attempts = latest.attempts + 1;
    await ctx.db.update(smsCodes).set({ attempts }).where(eq(smsCodes.id, latest.id));
    const left = SMS_CODE.maxAttempts - attempts;
    throw codeError(left > 0 ? `短信验证码错误，还可尝试${left}次` : '验证码错误次数过多，请重新获取');
  }
  // Single use: the conditional update makes two simultaneous uses of one code impossible.
  const used = await ctx.db
    .update(smsCodes)
    .set({ consumedAt: now })
    .where(and(eq(smsCodes.id, latest.id), isNull(smsCodes.consumedAt)))
    .returning({ id: smsCodes.id });
  if (used.length === 0) throw codeError('短信验证码已使用，请重新获取');
}
