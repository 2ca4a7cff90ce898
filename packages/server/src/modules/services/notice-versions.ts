import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findService, noticeFor, shanghaiDate, type ChangeVariantCode, type Notice, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { noticeVersions } from '../../db/schema';
import { inTransaction, type Queryable } from '../../db/transaction';
import { fieldError } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import type { StaffActor } from '../staff/staff-auth';
import { assertVariant } from './variant';

export const noticeSchema = z.object({ title: z.string(), version: z.string(), sections: z.array(z.object({ heading: z.string(), lines: z.array(z.string()) })) });

/**
 * 业务须知 texts: the built-in text (domain) until a province administrator publishes a new version. Versions are
 * never edited; an application keeps the version its applicant agreed to, so the case page can show exactly that.
 */
const key = (service: ServiceCode, variant?: ChangeVariantCode | null) => and(eq(noticeVersions.service, service), eq(noticeVersions.variant, variant ?? ''));

export async function currentNotice(db: Queryable, service: ServiceCode, variant?: ChangeVariantCode | null): Promise<Notice> {
  const [latest] = await db.select().from(noticeVersions).where(key(service, variant)).orderBy(desc(noticeVersions.createdAt)).limit(1);
  return latest?.notice ?? noticeFor(service, variant ?? undefined);
}

/** The current notice of a service and variant as asked for in a request (a variant the service lacks is refused). */
export function requestedNotice(db: Queryable, service: ServiceCode, variant: ChangeVariantCode | undefined): Promise<Notice> {
  assertVariant(findService(service)!, variant);
  return currentNotice(db, service, variant);
}

export async function noticeVersion(db: Queryable, service: ServiceCode, variant: ChangeVariantCode | null, version: string): Promise<Notice | undefined> {
  const builtIn = noticeFor(service, variant ?? undefined);
  if (builtIn.version === version) return builtIn;
  const [row] = await db.select().from(noticeVersions).where(and(key(service, variant), eq(noticeVersions.version, version)));
  return row?.notice;
}

export async function publishNotice(ctx: AppContext, request: FastifyRequest, actor: StaffActor, service: ServiceCode, variant: ChangeVariantCode | undefined, sections: Notice['sections']) {
  const now = ctx.clock.now();
  const current = await currentNotice(ctx.db, service, variant);
  if (sections.length === 0 || sections.some((s) => !s.heading.trim() || s.lines.every((l) => !l.trim()))) {
    throw fieldError('sections', '每一节须有标题和至少一行内容', '每一节须有标题和内容');
  }
  // Versions are dated; a second edit on the same day gets a suffix so that no version is ever rewritten.
  const date = shanghaiDate(now);
  const sameDay = (await ctx.db.select({ version: noticeVersions.version }).from(noticeVersions).where(key(service, variant))).filter((v) => v.version.startsWith(date)).length;
  const version = sameDay === 0 && current.version !== date ? date : `${date}.${sameDay + 1}`;
  const notice: Notice = { title: current.title, version, sections: sections.map((s) => ({ heading: s.heading.trim(), lines: s.lines.map((l) => l.trim()).filter(Boolean) })) };
  await inTransaction(ctx.db, async (tx) => {
    await tx.insert(noticeVersions).values({ service, variant: variant ?? '', version, notice, createdAt: now, createdBy: actor.staff.id });
    await appendAudit(tx, { actorType: 'STAFF', actorId: actor.staff.id, action: 'NOTICE_PUBLISH', objectType: 'notice', objectId: `${service}${variant ? `/${variant}` : ''}`, outcome: 'SUCCESS', ip: request.ip, details: { version, previous: current.version } }, now);
  });
  return notice;
}
