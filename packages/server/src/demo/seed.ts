import { and, count, eq } from 'drizzle-orm';
import { shanghaiDate } from '@yunzheng/domain';
import type { AppContext } from '../context';
import { assessmentResults, authorities, pointRecords, residents } from '../db/schema';
import { upsertCertificate } from '../modules/certificates/registry';
import { demoRegistry } from './demo-certificates';
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

export const DEMO_POINT_SOURCE = '交通运输综合执法（演示数据）';

/**
 * Idempotent: running it again updates, never duplicates. With `withStaff`, the demo staff accounts too; with
 * `practitioners`, that many synthetic practitioners with certificates (0 for tests that need none).
 */
export async function seedDemo(ctx: AppContext, options: { withStaff: boolean; practitioners?: number }): Promise<{ staffCreated: string[]; certificates: number }> {
  const staffCreated: string[] = [];
  const now = ctx.clock.now();
  const registry = demoRegistry(shanghaiDate(now), options.practitioners ?? 300);
  const certificateCount = options.practitioners === 0 ? 0 : registry.certificates.length;
  await inTransaction(ctx.db, async (tx) => {
    await upsertAuthorities(tx);
    await upsertResidents(tx, ctx, DEMO_RESIDENTS);
    if (certificateCount > 0) {
      await upsertResidents(tx, ctx, registry.residents);
      const ids = new Map<string, string>();
      for (const record of registry.certificates) ids.set(record.certNo, (await upsertCertificate(tx, ctx, record, now)).id);
      for (const id of ids.values()) await tx.delete(pointRecords).where(and(eq(pointRecords.certificateId, id), eq(pointRecords.source, DEMO_POINT_SOURCE)));
      for (const p of registry.points) {
        await tx.insert(pointRecords).values({ certificateId: ids.get(p.certNo)!, categoryCode: p.categoryCode, occurredOn: p.occurredOn, indicator: p.indicator, points: p.points, decisionNo: p.decisionNo, source: DEMO_POINT_SOURCE });
      }
      for (const a of registry.assessments) {
        const { certNo, ...result } = a;
        await tx.insert(assessmentResults).values({ certificateId: ids.get(certNo)!, ...result }).onConflictDoNothing();
      }
    }
    if (options.withStaff) {
      for (const s of DEMO_STAFF) {
        if (await findStaffByUsername(tx, s.username)) continue;
        const { row } = await insertStaff(tx, ctx, { ...s, password: DEMO_STAFF_PASSWORD }, null);
        staffCreated.push(row.username);
      }
    }
    await appendAudit(tx, { actorType: 'SYSTEM', action: 'DEMO_SEED', outcome: 'SUCCESS', details: { residents: DEMO_RESIDENTS.length, certificates: certificateCount, staffCreated } }, now);
  });
  return { staffCreated, certificates: certificateCount };
}

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(authorities);
  return (row?.n ?? 0) === 0;
}
