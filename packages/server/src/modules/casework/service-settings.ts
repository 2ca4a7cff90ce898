import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_PROMISED_DAYS, LEGAL_DEADLINE_WORKING_DAYS, SERVICE_CODES, findService, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorityServiceSettings } from '../../db/schema';
import { inTransaction, type Queryable } from '../../db/transaction';
import { fieldError } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import type { StaffActor } from '../staff/staff-auth';

/** An authority's promised working days for a service (承诺时限): its own setting, else the national default. */
export async function promisedDaysFor(db: Queryable, authorityCode: string, service: ServiceCode): Promise<number> {
  const [row] = await db.select().from(authorityServiceSettings).where(and(eq(authorityServiceSettings.authorityCode, authorityCode), eq(authorityServiceSettings.service, service)));
  return row?.promisedDays ?? DEFAULT_PROMISED_DAYS[service];
}

export async function serviceSettings(ctx: AppContext, actor: StaffActor) {
  const rows = await ctx.db.select().from(authorityServiceSettings).where(eq(authorityServiceSettings.authorityCode, actor.staff.authorityCode));
  return SERVICE_CODES.map((service) => {
    const own = rows.find((r) => r.service === service);
    return { service, serviceName: findService(service)!.name, promisedDays: own?.promisedDays ?? DEFAULT_PROMISED_DAYS[service], isDefault: !own, defaultDays: DEFAULT_PROMISED_DAYS[service], updatedAt: own?.updatedAt.toISOString() ?? null };
  });
}

/** 管理员 sets their own authority's promise; it applies to applications submitted from now on. */
export async function setPromisedDays(ctx: AppContext, request: FastifyRequest, actor: StaffActor, service: ServiceCode, promisedDays: number) {
  if (!Number.isInteger(promisedDays) || promisedDays < 1 || promisedDays > LEGAL_DEADLINE_WORKING_DAYS) {
    throw fieldError('promisedDays', `承诺时限须为1至${LEGAL_DEADLINE_WORKING_DAYS}个工作日（不超过法定时限）`, '承诺时限须为1至20个工作日');
  }
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const before = await promisedDaysFor(tx, actor.staff.authorityCode, service);
    await tx
      .insert(authorityServiceSettings)
      .values({ authorityCode: actor.staff.authorityCode, service, promisedDays, updatedAt: now, updatedBy: actor.staff.id })
      .onConflictDoUpdate({ target: [authorityServiceSettings.authorityCode, authorityServiceSettings.service], set: { promisedDays, updatedAt: now, updatedBy: actor.staff.id } });
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'PROMISED_DAYS_SET', objectType: 'authority', objectId: actor.staff.authorityCode, outcome: 'SUCCESS', ip: request.ip, details: { service, before, after: promisedDays } }, now);
  });
  return serviceSettings(ctx, actor);
}
