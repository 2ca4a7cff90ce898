import { randomInt } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import type { AppContext } from '../../context';
import { captchas } from '../../db/schema';
import { AppError } from '../../http/problem';

/**
 * The public query's challenge (standards A5: never a picture only): a distorted-text image, or as the alternative
 * a question in words that a screen reader can read out. Answers are stored hashed, valid 5 minutes, single use.
 */
const TTL_MS = 5 * 60_000;
const DIGITS = '零一二三四五六七八九十';

function wordsFor(n: number): string {
  if (n <= 10) return DIGITS[n]!;
  return n < 20 ? `十${n % 10 ? DIGITS[n % 10] : ''}` : `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

export async function newCaptcha(ctx: AppContext, kind: 'image' | 'text') {
  let answer: string;
  let challenge: { image?: string; question?: string };
  if (kind === 'image') {
    const made = svgCaptcha.create({ size: 4, noise: 2, ignoreChars: '0oO1ilI', color: false, background: '#f5f7fa' });
    answer = made.text;
    challenge = { image: `data:image/svg+xml;base64,${Buffer.from(made.data).toString('base64')}` };
  } else {
    const a = randomInt(1, 10);
    const b = randomInt(1, 10);
    answer = String(a + b);
    challenge = { question: `${wordsFor(a)}加${wordsFor(b)}等于多少？请用数字回答。` };
  }
  const [row] = await ctx.db
    .insert(captchas)
    .values({ answerHash: ctx.cipher.blindIndex('captcha', answer.toLowerCase()), expiresAt: new Date(ctx.clock.now().getTime() + TTL_MS) })
    .returning({ id: captchas.id });
  return { id: row!.id, kind, ...challenge };
}

/** Uses the challenge up whatever the answer, so a wrong guess cannot be followed by another on the same one. */
export async function consumeCaptcha(ctx: AppContext, id: string, answer: string): Promise<void> {
  const [row] = await ctx.db
    .update(captchas)
    .set({ usedAt: ctx.clock.now() })
    .where(and(eq(captchas.id, id), isNull(captchas.usedAt), gt(captchas.expiresAt, ctx.clock.now())))
    .returning();
  if (!row || row.answerHash !== ctx.cipher.blindIndex('captcha', answer.trim().toLowerCase())) {
    const message = row ? '验证码不正确，请重新输入' : '验证码已失效，请换一个';
    throw new AppError('YZ-GEN-422', message, [{ field: 'captchaAnswer', message }]);
  }
}
