import { desc } from 'drizzle-orm';
import type { Clock } from '../../src/adapters/clock';
import type { IdentityClaim, IdentityVerifier } from '../../src/adapters/identity/identity-verifier';
import type { RealNameOutcome } from '@yunzheng/domain';
import type { AppContext } from '../../src/context';
import { smsOutbox } from '../../src/db/schema';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(private current = new Date('2026-11-24T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  minutes(n: number) {
    this.advance(n * 60_000);
  }
}

/** An identity verifier that answers what the test tells it to, and remembers what it was asked. */
export class ScriptedVerifier implements IdentityVerifier {
  readonly kind = 'registry' as const;
  calls: IdentityClaim[] = [];
  constructor(public answer: RealNameOutcome = 'MATCH') {}
  async verify(claim: IdentityClaim): Promise<RealNameOutcome> {
    this.calls.push(claim);
    return this.answer;
  }
}

/** The code in the newest SMS the outbox holds for a mobile number. */
export async function latestSmsCode(ctx: AppContext, mobile: string): Promise<string> {
  const rows = await ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(20);
  const row = rows.find((r) => ctx.cipher.decrypt(r.mobileEnc) === mobile);
  const code = row?.text.match(/验证码(\d{6})/)?.[1];
  if (!code) throw new Error(`no SMS code for ${mobile}`);
  return code;
}
