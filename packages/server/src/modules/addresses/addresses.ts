import { and, asc, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { maskMobile, regionMessages, resolveRegion } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { mailingAddresses } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';

/**
 * The citizen's address book for 邮寄 (添加邮寄地址). Only the owner sees their addresses (someone else's id is a
 * 404); the mobile number and the street are encrypted; the list shows the mobile masked.
 */
export interface AddressInput {
  recipientName: string;
  mobile: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  detail: string;
  postcode?: string | undefined;
  isDefault?: boolean | undefined;
}

const MAX_ADDRESSES = 20;
type AddressRow = typeof mailingAddresses.$inferSelect;

function view(ctx: AppContext, row: AddressRow) {
  return {
    id: row.id,
    recipientName: row.recipientName,
    mobileMasked: maskMobile(ctx.cipher.decrypt(row.mobileEnc)),
    provinceCode: row.provinceCode,
    cityCode: row.cityCode,
    districtCode: row.districtCode,
    regionNames: row.regionNames,
    detail: ctx.cipher.decrypt(row.detailEnc),
    postcode: row.postcode,
    isDefault: row.isDefault === 1,
  };
}

export type AddressView = ReturnType<typeof view>;

export async function listAddresses(ctx: AppContext, citizenId: string): Promise<AddressView[]> {
  const rows = await ctx.db.select().from(mailingAddresses).where(eq(mailingAddresses.citizenId, citizenId)).orderBy(desc(mailingAddresses.isDefault), asc(mailingAddresses.createdAt));
  return rows.map((row) => view(ctx, row));
}

export async function addAddress(ctx: AppContext, request: FastifyRequest, citizenId: string, input: AddressInput): Promise<AddressView> {
  const region = resolveRegion(input.provinceCode, input.cityCode, input.districtCode);
  if (typeof region === 'string') {
    const field = { PROVINCE: 'provinceCode', CITY: 'cityCode', DISTRICT: 'districtCode' }[region];
    throw new AppError('YZ-GEN-422', regionMessages[region], [{ field, message: regionMessages[region] }]);
  }
  const existing = await listAddresses(ctx, citizenId);
  if (existing.length >= MAX_ADDRESSES) throw new AppError('YZ-GEN-422', `最多保存${MAX_ADDRESSES}个邮寄地址，请先删除不用的地址`);
  const makeDefault = input.isDefault === true || existing.length === 0;
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    if (makeDefault) await tx.update(mailingAddresses).set({ isDefault: 0 }).where(eq(mailingAddresses.citizenId, citizenId));
    const [row] = await tx
      .insert(mailingAddresses)
      .values({
        citizenId,
        recipientName: input.recipientName,
        mobileEnc: ctx.cipher.encrypt(input.mobile),
        provinceCode: input.provinceCode,
        cityCode: input.cityCode,
        districtCode: input.districtCode,
        regionNames: region,
        detailEnc: ctx.cipher.encrypt(input.detail),
        postcode: input.postcode ?? null,
        isDefault: makeDefault ? 1 : 0,
        createdAt: now,
      })
      .returning();
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'ADDRESS_ADD', objectType: 'address', objectId: row!.id, outcome: 'SUCCESS', ip: request.ip }, now);
    return view(ctx, row!);
  });
}

export async function deleteAddress(ctx: AppContext, request: FastifyRequest, citizenId: string, addressId: string): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const removed = await tx.delete(mailingAddresses).where(and(eq(mailingAddresses.id, addressId), eq(mailingAddresses.citizenId, citizenId))).returning();
    if (removed.length === 0) throw notFound();
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'ADDRESS_DELETE', objectType: 'address', objectId: addressId, outcome: 'SUCCESS', ip: request.ip }, now);
  });
}

/** The full address of the owner, for the snapshot taken when an application is submitted. */
export async function ownAddress(ctx: AppContext, citizenId: string, addressId: string) {
  const [row] = await ctx.db.select().from(mailingAddresses).where(and(eq(mailingAddresses.id, addressId), eq(mailingAddresses.citizenId, citizenId)));
  if (!row) throw notFound('邮寄地址不存在');
  return { ...view(ctx, row), mobile: ctx.cipher.decrypt(row.mobileEnc) };
}
