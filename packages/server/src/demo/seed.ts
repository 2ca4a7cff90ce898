import { count } from 'drizzle-orm';
import type { AppContext } from '../context';
import { authorities, residents } from '../db/schema';
import { inTransaction, type Queryable } from '../db/transaction';
import { appendAudit } from '../modules/audit/audit-log';
import { insertStaff } from '../modules/staff/staff-admin';
import { findStaffByUsername } from '../modules/staff/staff-repo';
import { DEMO_AUTHORITIES, DEMO_RESIDENTS, DEMO_STAFF, DEMO_STAFF_PASSWORD, type DemoResident } from './demo-data';

/** Inserts or updates residents of the embedded identity registry, keyed by the ID number's blind index. */
export async function upsertResidents(tx: Queryable, ctx: AppContext, rows: DemoResident[]): Promise<void> {
  for (const r of rows) {
    const values = { idNumberBidx: ctx.cipher.blindIndex('id', r.idNumber), idNumberEnc: ctx.cipher.encrypt(r.idNumber), name: r.name, validFrom: r.validFrom, validTo: r.validTo, status: 'NORMAL' as const };
    await tx.insert(residents).values(values).onConflictDoUpdate({ target: residents.idNumberBidx, set: { idNumberEnc: values.idNumberEnc, name: r.name, validFrom: r.validFrom, validTo: r.validTo, status: 'NORMAL' } });
  }
}

export async function upsertAuthorities(tx: Queryable): Promise<void> {
  for (const a of DEMO_AUTHORITIES) {
    await tx.insert(authorities).values(a).onConflictDoUpdate({ target: authorities.code, set: { name: a.name, address: a.address, phone: a.phone, serviceHours: a.serviceHours, parentCode: a.parentCode } });
  }
}

/** Idempotent: running it again updates, never duplicates. With `withStaff`, the demo staff accounts too. */
export async function seedDemo(ctx: AppContext, options: { withStaff: boolean }): Promise<{ staffCreated: string[] }> {
  const staffCreated: string[] = [];
  await inTransaction(ctx.db, async (tx) => {
    await upsertAuthorities(tx);
    await upsertResidents(tx, ctx, DEMO_RESIDENTS);
    if (options.withStaff) {
      for (const s of DEMO_STAFF) {
        if (await findStaffByUsername(tx, s.username)) continue;
        const { row } = await insertStaff(tx, ctx, { ...s, password: DEMO_STAFF_PASSWORD }, null);
        staffCreated.push(row.username);
      }
    }
    await appendAudit(tx, { actorType: 'SYSTEM', action: 'DEMO_SEED', outcome: 'SUCCESS', details: { residents: DEMO_RESIDENTS.length, staffCreated } }, ctx.clock.now());
  });
  return { staffCreated };
}

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(authorities);
  return (row?.n ?? 0) === 0;
}
