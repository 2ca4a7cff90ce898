import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../context';
import { idempotencyKeys } from '../db/schema';
import { AppError } from './problem';

/**
 * Exactly-once submissions under retries and double clicks (standards R2, Stripe's rules): the first request with a
 * key runs; its answer is stored and replayed for the same key and body; the same key with another body is refused
 * (422); while the first is still running, a duplicate gets 409. Failures store nothing, so a corrected request may
 * reuse the key. Keys live 24 hours.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,255}$/;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export async function withIdempotencyKey<T>(ctx: AppContext, scope: { subject: string; key: string; request: unknown }, work: () => Promise<{ status: number; body: T }>): Promise<IdempotentAnswer<T>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(scope.key)) {
    throw new AppError('YZ-GEN-400', 'Idempotency-Key 请求头应为16至255位字母、数字、下划线或连字符');
  }
  const now = ctx.clock.now();
  const requestHash = createHash('sha256').update(canonical(scope.request)).digest('hex');
  const where = and(eq(idempotencyKeys.subject, scope.subject), eq(idempotencyKeys.key, scope.key));
  await ctx.db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS))));

  const claimed = await ctx.db
    .insert(idempotencyKeys)
    .values({ subject: scope.subject, key: scope.key, requestHash, state: 'IN_FLIGHT', createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [existing] = await ctx.db.select().from(idempotencyKeys).where(where);
    if (!existing) throw new AppError('YZ-IDM-001'); // released by a failure a moment ago: the client retries
    if (existing.requestHash !== requestHash) throw new AppError('YZ-IDM-002');
    if (existing.state === 'IN_FLIGHT') throw new AppError('YZ-IDM-001');
    return { status: existing.responseStatus!, body: existing.responseBody as T, replayed: true };
  }
  try {
    const answer = await work();
    await ctx.db.update(idempotencyKeys).set({ state: 'DONE', responseStatus: answer.status, responseBody: answer.body as object }).where(where);
    return { ...answer, replayed: false };
  } catch (error) {
    await ctx.db.delete(idempotencyKeys).where(where);
    throw error;
  }
}

/** Removes keys older than 24 hours (a daily job will call this). */
export async function pruneIdempotencyKeys(ctx: AppContext): Promise<void> {
  await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(ctx.clock.now().getTime() - IDEMPOTENCY_TTL_MS)));
}
