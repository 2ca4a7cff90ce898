import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson, documentNoPrefix, shanghaiDate, verificationCodeFrom, type DocumentKind } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationMaterials, authorities, certificates, documents } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { DocumentSigner } from '../../adapters/crypto/document-signer';
import { appendAudit } from '../audit/audit-log';
import type { ApplicationRow } from '../applications/application-repo';
import { eCertificateFacts, receiptFacts, voucherFacts, type DocumentFacts } from './document-facts';
import { renderDocumentPdf } from './render-pdf';

export type DocumentRow = typeof documents.$inferSelect;

const FACTS: Record<DocumentKind, (tx: Tx, ctx: AppContext, row: ApplicationRow) => Promise<DocumentFacts>> = {
  VOUCHER: voucherFacts,
  E_CERTIFICATE: eCertificateFacts,
  RECEIPT: receiptFacts,
};

export const verifyUrl = (ctx: AppContext, code: string) => `${ctx.config.publicBaseUrl}/verify/${code}`;

/** The applicant's 二寸 photo of this application (re-encoded JPEG at upload), for the e-certificate. */
async function applicationPhoto(tx: Tx, ctx: AppContext, applicationId: string): Promise<{ key: string; bytes: Buffer } | undefined> {
  const [photo] = await tx.select().from(applicationMaterials).where(and(eq(applicationMaterials.applicationId, applicationId), eq(applicationMaterials.materialCode, 'PHOTO_2INCH')));
  return photo ? { key: photo.fileKey, bytes: await ctx.storage.get(photo.fileKey) } : undefined;
}

/**
 * Issues a document inside the caller's transaction: the facts read now, a 编号 from a sequence, a random
 * verification code, the canonical content signed with SM2, the PDF rendered and stored, the earlier valid document
 * of the same kind for the same application superseded, and an audit row. A stored file whose transaction rolls
 * back is an unreferenced encrypted blob, never a document.
 */
export async function issueDocument(tx: Tx, ctx: AppContext, kind: DocumentKind, row: ApplicationRow, issuedBy: string, ip: string | null = null): Promise<DocumentRow> {
  const now = ctx.clock.now();
  const { facts, rows, authorityCode } = await FACTS[kind](tx, ctx, row);
  const photo = kind === 'E_CERTIFICATE' ? await applicationPhoto(tx, ctx, row.id) : undefined;
  if (photo && row.certificateId) await tx.update(certificates).set({ photoKey: photo.key }).where(eq(certificates.id, row.certificateId));
  const sequence = await tx.execute(sql`select nextval('document_no_seq')::text as n`);
  const docNo = `${documentNoPrefix[kind]}${shanghaiDate(now).replaceAll('-', '')}${(sequence as unknown as { rows: { n: string }[] }).rows[0]!.n.padStart(6, '0')}`;
  const verifyCode = verificationCodeFrom(randomBytes(8));
  const issuedOn = shanghaiDate(now);
  const content = canonicalJson({ kind, docNo, verifyCode, issuedOn, ...(photo && { photoSha256: createHash('sha256').update(photo.bytes).digest('hex') }), ...facts } as never);
  const contentHash = DocumentSigner.hash(content);
  const { signature, keyId } = ctx.signer.sign(content);
  const [authority] = await tx.select({ name: authorities.name }).from(authorities).where(eq(authorities.code, authorityCode));
  const pdf = await renderDocumentPdf({ kind, docNo, verifyCode, verifyUrl: verifyUrl(ctx, verifyCode), rows, photoJpeg: photo?.bytes, authorityName: authority?.name ?? authorityCode, issuedOn, contentHash, keyId, issuedAt: now });
  const pdfKey = await ctx.storage.put(pdf);
  const [issued] = await tx
    .insert(documents)
    .values({ kind, docNo, verifyCode, applicationId: row.id, certificateId: row.certificateId, citizenId: row.citizenId, authorityCode, content, contentHash, signature, keyId, pdfKey, pdfSha256: createHash('sha256').update(pdf).digest('hex'), issuedAt: now, issuedBy })
    .returning();
  await tx
    .update(documents)
    .set({ status: 'SUPERSEDED', supersededBy: issued!.id })
    .where(and(eq(documents.applicationId, row.id), eq(documents.kind, kind), eq(documents.status, 'VALID'), sql`${documents.id} <> ${issued!.id}`));
  await appendAudit(tx, { actorType: issuedBy.startsWith('staff:') ? 'STAFF' : 'SYSTEM', actorId: issuedBy.replace(/^staff:/, ''), action: 'DOCUMENT_ISSUE', objectType: 'document', objectId: issued!.id, outcome: 'SUCCESS', ip, details: { kind, docNo, applyNo: row.applyNo } }, now);
  return issued!;
}
