import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDays, renewedValidity, RENEWAL_BASES, type RenewalBasis } from '@yunzheng/domain';
import { archiveTransfers, certificateCards, certificateCategories, certificates, settings } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import type { AppContext } from '../../context';
import type { ApplicationRow } from '../applications/application-repo';
import { openPersonalChanges } from '../applications/personal-changes';

/**
 * What a completed case changes in the registry (issue 6), written in the transaction of its final action:
 * 补发 voids the card in hand and issues a new one with the same validity; 换发 renews the chosen categories for 6
 * years (basis configurable) on a new card; 变更 updates the personal information or the employer on a new card, and a
 * move to another authority opens a 30-day archive-transfer task for the old one; 注销 cancels the chosen categories
 * (the certificate when none is left). 诚信考核's effect, the assessment result, is written at 评级 (grading.ts).
 */
export const ARCHIVE_TRANSFER_DAYS = 30;

async function setting<T>(tx: Tx, key: string, fallback: T, valid: (v: unknown) => v is T): Promise<T> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, key));
  return row && valid(row.value) ? row.value : fallback;
}

/** Voids every valid card of the certificate (recording a pre-Yunzheng card as voided) and issues the next serial. */
async function replaceCard(tx: Tx, certificateId: string, reason: string, applicationId: string | null, issuedOn: string | null, now: Date): Promise<string | null> {
  const existing = await tx.select().from(certificateCards).where(eq(certificateCards.certificateId, certificateId));
  if (existing.length === 0) {
    await tx.insert(certificateCards).values({ certificateId, serialNo: null, issuedOn: null, status: 'VOID', voidReason: `${reason}（系统启用前制发的证件）`, applicationId, createdAt: now });
  } else {
    await tx.update(certificateCards).set({ status: 'VOID', voidReason: reason }).where(and(eq(certificateCards.certificateId, certificateId), eq(certificateCards.status, 'VALID')));
  }
  if (!issuedOn) return null;
  const result = await tx.execute(sql`select nextval('card_serial_seq')::text as n`);
  const serialNo = (result as unknown as { rows: { n: string }[] }).rows[0]!.n.padStart(10, '0');
  await tx.insert(certificateCards).values({ certificateId, serialNo, issuedOn, status: 'VALID', applicationId, createdAt: now });
  return serialNo;
}

export async function applyCompletionEffects(tx: Tx, ctx: AppContext, row: ApplicationRow, today: string): Promise<Record<string, unknown>> {
  const now = ctx.clock.now();
  const certificateId = row.certificateId!;
  const [cert] = await tx.select().from(certificates).where(eq(certificates.id, certificateId));
  if (!cert) return {};
  const touch = () => tx.update(certificates).set({ updatedAt: now }).where(eq(certificates.id, certificateId));
  switch (row.service) {
    case 'REISSUE': {
      const reason = row.serviceFields.reason === 'DAMAGED' ? '补发（原证毁损）' : '补发（原证遗失）';
      await touch();
      return { cardSerialNo: await replaceCard(tx, certificateId, reason, row.id, today, now) };
    }
    case 'RENEW': {
      const basis = await setting<RenewalBasis>(tx, 'renewal.validityBasis', 'ISSUE_DATE', (v): v is RenewalBasis => (RENEWAL_BASES as readonly unknown[]).includes(v));
      const categories = await tx.select().from(certificateCategories).where(and(eq(certificateCategories.certificateId, certificateId), inArray(certificateCategories.code, row.categoryCodes)));
      const renewed: Record<string, string> = {};
      for (const category of categories) {
        const validity = renewedValidity(today, category.validTo, basis);
        await tx.update(certificateCategories).set({ issueDate: validity.issueDate, validTo: validity.validTo, status: 'VALID' }).where(and(eq(certificateCategories.certificateId, certificateId), eq(certificateCategories.code, category.code)));
        renewed[category.code] = validity.validTo;
      }
      await touch();
      return { renewedValidTo: renewed, cardSerialNo: await replaceCard(tx, certificateId, '换发', row.id, today, now) };
    }
    case 'CHANGE': {
      const fields = openPersonalChanges(ctx.cipher, row.serviceFields) as { employerName?: string; employerUscc?: string; contactMobile?: string; residentialAddress?: string };
      if (row.variant === 'CHANGE_EMPLOYER') {
        await tx.update(certificates).set({ employerName: fields.employerName ?? null, employerUscc: fields.employerUscc ?? null, updatedAt: now }).where(eq(certificates.id, certificateId));
        if (row.handlingAuthorityCode && row.handlingAuthorityCode !== cert.issuingAuthorityCode) {
          await tx.insert(archiveTransfers).values({ applicationId: row.id, certificateId, fromAuthorityCode: cert.issuingAuthorityCode, toAuthorityCode: row.handlingAuthorityCode, dueDate: addDays(today, ARCHIVE_TRANSFER_DAYS), createdAt: now });
        }
      } else {
        await tx
          .update(certificates)
          .set({ ...(fields.contactMobile && { contactMobileEnc: ctx.cipher.encrypt(fields.contactMobile) }), ...(fields.residentialAddress && { addressEnc: ctx.cipher.encrypt(fields.residentialAddress) }), updatedAt: now })
          .where(eq(certificates.id, certificateId));
      }
      return { cardSerialNo: await replaceCard(tx, certificateId, '变更', row.id, today, now) };
    }
    case 'CANCEL': {
      await tx
        .update(certificateCategories)
        .set({ status: 'CANCELLED', cancelledReason: '本人申请' })
        .where(and(eq(certificateCategories.certificateId, certificateId), inArray(certificateCategories.code, row.categoryCodes)));
      const left = await tx.select().from(certificateCategories).where(and(eq(certificateCategories.certificateId, certificateId), eq(certificateCategories.status, 'VALID')));
      if (left.length === 0) {
        await tx.update(certificates).set({ status: 'CANCELLED', updatedAt: now }).where(eq(certificates.id, certificateId));
        await replaceCard(tx, certificateId, '注销', row.id, null, now);
      } else {
        await touch();
      }
      return { cancelledCategories: row.categoryCodes, certificateCancelled: left.length === 0 };
    }
    default:
      return {};
  }
}
