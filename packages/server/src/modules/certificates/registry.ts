import { and, eq, inArray } from 'drizzle-orm';
import { CATEGORIES, type CategoryCode, type RecordedStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { assessmentResults, certificateCategories, certificates, pointRecords } from '../../db/schema';
import type { Queryable } from '../../db/transaction';

/** The certificate registry's writes and reads, shared by the import CLI, the demo seed and 我的证件. */
export type CertificateRow = typeof certificates.$inferSelect;
export type CategoryRow = typeof certificateCategories.$inferSelect;

export interface CertificateRecord {
  certNo: string;
  holderIdNumber: string;
  holderName: string;
  sex: 'M' | 'F';
  birthDate: string;
  issuingAuthorityCode: string;
  employerName: string | null;
  employerUscc: string | null;
  archiveNo: string | null;
  categories: { code: CategoryCode; firstIssueDate: string; issueDate: string; validTo: string; status: RecordedStatus }[];
}

/**
 * Inserts or updates one certificate and its categories, keyed by 证号 (so importing the same file twice changes
 * nothing). The certificate's own status follows its categories: 注销 when every category is.
 */
export async function upsertCertificate(tx: Queryable, ctx: AppContext, record: CertificateRecord, now: Date): Promise<{ id: string; created: boolean }> {
  const holder = { holderIdEnc: ctx.cipher.encrypt(record.holderIdNumber), holderIdBidx: ctx.cipher.blindIndex('id', record.holderIdNumber) };
  const allCancelled = record.categories.every((c) => c.status === 'CANCELLED');
  const values = {
    certNo: record.certNo,
    ...holder,
    holderName: record.holderName,
    sex: record.sex,
    birthDate: record.birthDate,
    issuingAuthorityCode: record.issuingAuthorityCode,
    employerName: record.employerName,
    employerUscc: record.employerUscc,
    archiveNo: record.archiveNo,
    status: allCancelled ? ('CANCELLED' as const) : ('VALID' as const),
    updatedAt: now,
  };
  const [existing] = await tx.select({ id: certificates.id, holderIdBidx: certificates.holderIdBidx }).from(certificates).where(eq(certificates.certNo, record.certNo));
  let id: string;
  if (existing) {
    id = existing.id;
    // A certificate that moved to another holder must be bound again by that person.
    const rebind = existing.holderIdBidx !== holder.holderIdBidx ? { boundCitizenId: null, boundAt: null } : {};
    await tx.update(certificates).set({ ...values, ...rebind }).where(eq(certificates.id, id));
  } else {
    const [inserted] = await tx.insert(certificates).values({ ...values, createdAt: now }).returning({ id: certificates.id });
    id = inserted!.id;
  }
  for (const category of record.categories) {
    await tx
      .insert(certificateCategories)
      .values({ certificateId: id, ...category })
      .onConflictDoUpdate({
        target: [certificateCategories.certificateId, certificateCategories.code],
        set: { firstIssueDate: category.firstIssueDate, issueDate: category.issueDate, validTo: category.validTo, status: category.status },
      });
  }
  return { id, created: !existing };
}

export async function categoriesOf(db: Queryable, certificateIds: string[]): Promise<CategoryRow[]> {
  if (certificateIds.length === 0) return [];
  return db.select().from(certificateCategories).where(inArray(certificateCategories.certificateId, certificateIds));
}

export async function integrityRecordsOf(db: Queryable, certificateId: string) {
  const [points, results] = await Promise.all([
    db.select().from(pointRecords).where(eq(pointRecords.certificateId, certificateId)).orderBy(pointRecords.occurredOn),
    db.select().from(assessmentResults).where(eq(assessmentResults.certificateId, certificateId)).orderBy(assessmentResults.cycleNo),
  ]);
  return { points, results };
}

export async function certificatesOfHolder(db: Queryable, ctx: AppContext, idNumber: string): Promise<CertificateRow[]> {
  return db.select().from(certificates).where(eq(certificates.holderIdBidx, ctx.cipher.blindIndex('id', idNumber)));
}

export async function findBoundCertificate(db: Queryable, citizenId: string, certificateId: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(certificates).where(and(eq(certificates.id, certificateId), eq(certificates.boundCitizenId, citizenId)));
  return row;
}

export const categoryName = (code: string) => CATEGORIES.find((c) => c.code === code)?.name ?? code;
export const isDriverCategory = (code: string) => CATEGORIES.find((c) => c.code === code)?.isDriver ?? false;
