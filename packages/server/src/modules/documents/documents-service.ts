import { and, desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { CASE_ROLES, documentDownloadNames, documentKindNames, documentStatusNames, type DocumentKind, type DocumentStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { documents } from '../../db/schema';
import { inTransaction, type Queryable } from '../../db/transaction';
import { AppError, notFound } from '../../http/problem';
import { recordAudit } from '../audit/audit-log';
import { ownApplication } from '../applications/application-repo';
import type { StaffActor } from '../staff/staff-auth';
import { caseFor } from '../casework/case-access';
import { issueDocument, type DocumentRow } from './issue-document';

/** The documents of an application for a list: newest first, with the words for their buttons and state. */
export async function documentsOf(db: Queryable, applicationId: string) {
  const rows = await db.select().from(documents).where(eq(documents.applicationId, applicationId)).orderBy(desc(documents.issuedAt), desc(documents.docNo));
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    kindName: documentKindNames[d.kind as DocumentKind],
    downloadName: documentDownloadNames[d.kind as DocumentKind],
    docNo: d.docNo,
    verifyCode: d.verifyCode,
    status: d.status,
    statusName: documentStatusNames[d.status as DocumentStatus],
    issuedAt: d.issuedAt.toISOString(),
  }));
}

/** 下载凭证 / 下载电子证照 / 下载回执: the applicant's own documents only (others 404), each download audited. */
export async function ownDocumentFile(ctx: AppContext, request: FastifyRequest, citizenId: string, applicationId: string, documentId: string) {
  const application = await ownApplication(ctx.db, citizenId, applicationId);
  const [doc] = await ctx.db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.applicationId, application.id), eq(documents.citizenId, citizenId)));
  if (!doc) throw notFound('文书不存在');
  await recordAudit(ctx.db, { actorType: 'CITIZEN', actorId: citizenId, action: 'DOCUMENT_DOWNLOAD', objectType: 'document', objectId: doc.id, outcome: 'SUCCESS', ip: request.ip, details: { docNo: doc.docNo, kind: doc.kind } }, ctx.clock.now());
  return { doc, bytes: await ctx.storage.get(doc.pdfKey) };
}

/** A staff member of the case's authority may look at its documents (audited like any read of personal data). */
export async function caseDocumentFile(ctx: AppContext, request: FastifyRequest, actor: StaffActor, applicationId: string, documentId: string) {
  const { row } = await caseFor(ctx, actor, applicationId, 'READ');
  const [doc] = await ctx.db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.applicationId, row.id)));
  if (!doc) throw notFound('文书不存在');
  await recordAudit(ctx.db, { actorType: 'STAFF', actorId: actor.staff.id, action: 'DOCUMENT_VIEW', objectType: 'document', objectId: doc.id, outcome: 'SUCCESS', ip: request.ip, details: { docNo: doc.docNo } }, ctx.clock.now());
  return { doc, bytes: await ctx.storage.get(doc.pdfKey) };
}

/**
 * 重新打印: a lost or damaged printout gets a new document (new 编号 and 核验码) from the facts as they stand; the
 * earlier one becomes SUPERSEDED and its verify page says so. Only staff who act on the case may do it.
 */
export async function reprintDocument(ctx: AppContext, request: FastifyRequest, actor: StaffActor, applicationId: string, documentId: string): Promise<DocumentRow> {
  if (!actor.roles.some((r) => CASE_ROLES.includes(r))) throw notFound('文书不存在');
  const { row } = await caseFor(ctx, actor, applicationId, 'ACT');
  const [doc] = await ctx.db.select().from(documents).where(and(eq(documents.id, documentId), eq(documents.applicationId, row.id)));
  if (!doc) throw notFound('文书不存在');
  if (doc.status !== 'VALID') throw new AppError('YZ-GEN-409', '只能重新打印当前有效的文书');
  return inTransaction(ctx.db, (tx) => issueDocument(tx, ctx, doc.kind as DocumentKind, row, `staff:${actor.staff.id}`, request.ip));
}
