import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { citizens } from '../../db/schema';
import type { Queryable } from '../../db/transaction';

export type CitizenRow = typeof citizens.$inferSelect;

export async function findCitizenByMobile(db: Queryable, ctx: AppContext, mobile: string): Promise<CitizenRow | undefined> {
  const [row] = await db.select().from(citizens).where(eq(citizens.mobileBidx, ctx.cipher.blindIndex('mobile', mobile)));
  return row;
}

export async function findCitizenByIdNumber(db: Queryable, ctx: AppContext, idNumber: string): Promise<CitizenRow | undefined> {
  const [row] = await db.select().from(citizens).where(eq(citizens.idNumberBidx, ctx.cipher.blindIndex('id', idNumber)));
  return row;
}

/** 账号 is a mobile number (11 digits) or a resident ID number (18 characters). */
export function findCitizenByAccount(db: Queryable, ctx: AppContext, account: string): Promise<CitizenRow | undefined> {
  const normalized = account.replace(/\s+/g, '').toUpperCase();
  if (/^1\d{10}$/.test(normalized)) return findCitizenByMobile(db, ctx, normalized);
  if (/^\d{17}[\dX]$/.test(normalized)) return findCitizenByIdNumber(db, ctx, normalized);
  return Promise.resolve(undefined);
}

export async function findCitizen(db: Queryable, id: string): Promise<CitizenRow | undefined> {
  const [row] = await db.select().from(citizens).where(eq(citizens.id, id));
  return row;
}

/** True when the error is a unique-index violation (PostgreSQL 23505), e.g. two registrations racing. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}
