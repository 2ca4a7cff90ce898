import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { applicantMessage, findService, type ApplicationAction } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities, citizens, notifications } from '../../db/schema';
import type { Queryable } from '../../db/transaction';
import type { ApplicationRow } from '../applications/application-repo';

/** An SMS to send once the transaction that decided it has committed. */
export interface PendingSms {
  citizenId: string;
  text: string;
}

/**
 * Tells the applicant about a step of their case: the 站内信 is written in the step's own transaction (it is part of
 * the record); the SMS, if the step warrants one, is returned to be sent after commit (design.md: state change and
 * audit row in one transaction, then notifications).
 */
export async function notifyApplicant(tx: Queryable, row: ApplicationRow, action: ApplicationAction, extra: { grade?: string; trackingNo?: string; opinion?: string | null }, now: Date): Promise<PendingSms | undefined> {
  if (!row.applyNo) return undefined;
  const [authority] = row.handlingAuthorityCode ? await tx.select({ name: authorities.name }).from(authorities).where(eq(authorities.code, row.handlingAuthorityCode)) : [];
  const message = applicantMessage(action, { applyNo: row.applyNo, serviceName: findService(row.service)?.name ?? row.service, authorityName: authority?.name ?? '管理部门', ...extra });
  if (!message) return undefined;
  await tx.insert(notifications).values({ citizenId: row.citizenId, applicationId: row.id, title: message.title, body: message.body, createdAt: now });
  return message.sms ? { citizenId: row.citizenId, text: `【运政通】${message.body}` } : undefined;
}

/** Sends after commit; a failing gateway must not undo a decided step, so failures are logged, not thrown. */
export async function sendPendingSms(ctx: AppContext, pending: PendingSms | undefined, log: { warn: (o: object, m: string) => void }) {
  if (!pending) return;
  try {
    const [citizen] = await ctx.db.select({ mobileEnc: citizens.mobileEnc }).from(citizens).where(eq(citizens.id, pending.citizenId));
    if (citizen) await ctx.sms.send(ctx.cipher.decrypt(citizen.mobileEnc), pending.text);
  } catch (error) {
    log.warn({ err: error }, 'applicant SMS not sent');
  }
}

export async function myNotifications(ctx: AppContext, citizenId: string) {
  const rows = await ctx.db.select().from(notifications).where(eq(notifications.citizenId, citizenId)).orderBy(desc(notifications.seq)).limit(100);
  const unread = rows.filter((r) => !r.readAt).length;
  return { unread, items: rows.map((r) => ({ id: r.id, applicationId: r.applicationId, title: r.title, body: r.body, createdAt: r.createdAt.toISOString(), read: !!r.readAt })) };
}

export async function unreadCount(ctx: AppContext, citizenId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.citizenId, citizenId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one message (or, without an id, all) as read; someone else's message id changes nothing. */
export async function markRead(ctx: AppContext, citizenId: string, id?: string) {
  const now = ctx.clock.now();
  await ctx.db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.citizenId, citizenId), isNull(notifications.readAt), ...(id ? [eq(notifications.id, id)] : [])));
  return unreadCount(ctx, citizenId);
}
