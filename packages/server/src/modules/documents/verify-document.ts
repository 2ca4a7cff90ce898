import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from '@pdfme/pdf-lib';
import { documentKindNames, documentStatusNames, maskName, type DocumentKind, type DocumentStatus } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities, certificateCards, certificates, documents } from '../../db/schema';
import { DocumentSigner } from '../../adapters/crypto/document-signer';
import { notFound } from '../../http/problem';
import { DOC_MARKER } from './render-pdf';
import type { DocumentRow } from './issue-document';

/**
 * 核验 (issue 7): what anyone may learn of a document from its code or its PDF — the kind, the masked holder, the key
 * facts, the issuing authority and whether it still holds. The stored content must still match its SM3 hash and
 * SM2 signature, else the record itself was altered and the page says so.
 */
export type Verdict = DocumentStatus | 'ALTERED';

const verdictNames: Record<Verdict, string> = { ...documentStatusNames, ALTERED: '文书数据校验未通过，可能已被篡改，请向签发机关核实' };

/** Facts shown publicly: no ID number at all, the name masked, nothing about the applicant's other data. */
const PUBLIC_FACTS: Record<DocumentKind, [key: string, label: string][]> = {
  VOUCHER: [['certNo', '从业资格证号'], ['category', '从业资格类别'], ['cycleStart', '考核周期起'], ['cycleEnd', '考核周期止'], ['totalPoints', '周期累计计分'], ['grade', '考核等级']],
  E_CERTIFICATE: [['certNo', '从业资格证号'], ['cardSerialNo', '证件印刷编号'], ['categories', '从业资格类别']],
  RECEIPT: [['applyNo', '办件编号'], ['service', '办理事项'], ['submittedAt', '提交时间']],
};

async function currentVerdict(ctx: AppContext, doc: DocumentRow, content: Record<string, unknown>): Promise<Verdict> {
  if (DocumentSigner.hash(doc.content) !== doc.contentHash || !ctx.signer.verify(doc.content, doc.signature, doc.keyId)) return 'ALTERED';
  if (doc.status !== 'VALID') return doc.status;
  if (doc.kind === 'E_CERTIFICATE' && doc.certificateId) {
    const [cert] = await ctx.db.select({ status: certificates.status }).from(certificates).where(eq(certificates.id, doc.certificateId));
    const serial = content.cardSerialNo as string | null;
    const [card] = serial ? await ctx.db.select({ status: certificateCards.status }).from(certificateCards).where(and(eq(certificateCards.certificateId, doc.certificateId), eq(certificateCards.serialNo, serial))) : [];
    if (cert?.status !== 'VALID' || (serial && card?.status !== 'VALID')) return 'VOID';
  }
  return 'VALID';
}

/** A fact in words: category lists with their validity, everything else as it is. */
const show = (value: unknown) => (Array.isArray(value) ? (value as { name: string; validTo: string }[]).map((c) => `${c.name}（有效期至${c.validTo}）`).join('；') : String(value ?? '—'));

export async function verificationView(ctx: AppContext, doc: DocumentRow) {
  let content: Record<string, unknown> = {};
  try {
    content = JSON.parse(doc.content) as Record<string, unknown>;
  } catch {
    // An unparsable content is an altered one; the verdict says so.
  }
  const verdict = await currentVerdict(ctx, doc, content);
  const [authority] = await ctx.db.select({ name: authorities.name }).from(authorities).where(eq(authorities.code, doc.authorityCode));
  const kind = doc.kind as DocumentKind;
  return {
    kind,
    kindName: documentKindNames[kind],
    docNo: doc.docNo,
    holderMasked: maskName(String(content.holderName ?? content.applicant ?? '')),
    facts: PUBLIC_FACTS[kind].map(([key, label]) => ({ label, value: show(content[key]) })),
    issuingAuthority: authority?.name ?? doc.authorityCode,
    issuedOn: String(content.issuedOn ?? doc.issuedAt.toISOString().slice(0, 10)),
    verdict,
    verdictName: verdictNames[verdict],
    valid: verdict === 'VALID',
  };
}

export async function verifyByCode(ctx: AppContext, code: string) {
  const [doc] = await ctx.db.select().from(documents).where(eq(documents.verifyCode, code));
  if (!doc) throw notFound('没有找到该核验码对应的文书，请检查核验码是否输入正确');
  return verificationView(ctx, doc);
}

/** The 编号 a PDF claims to be: from its keywords (read by pdf-lib), else from the raw bytes. */
async function claimedDocNo(bytes: Buffer): Promise<string | undefined> {
  const pattern = new RegExp(`${DOC_MARKER}([A-Z]{2}\\d{14})`);
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    const found = pattern.exec(pdf.getKeywords() ?? '');
    if (found) return found[1];
  } catch {
    // Not a PDF pdf-lib can read: fall back to the bytes.
  }
  return pattern.exec(bytes.toString('latin1'))?.[1];
}

/**
 * An uploaded PDF: byte-identical to an issued one ⇒ authentic (with that document's current verdict); claiming a
 * Yunzheng 编号 but differing ⇒ altered; anything else ⇒ not a Yunzheng document.
 */
export async function verifyUpload(ctx: AppContext, bytes: Buffer) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [exact] = await ctx.db.select().from(documents).where(eq(documents.pdfSha256, sha256));
  if (exact) return { result: 'AUTHENTIC' as const, resultName: '与运政通签发的原件完全一致', document: await verificationView(ctx, exact) };
  const docNo = await claimedDocNo(bytes);
  const [claimed] = docNo ? await ctx.db.select().from(documents).where(eq(documents.docNo, docNo)) : [];
  if (claimed) return { result: 'ALTERED' as const, resultName: `文件自称是运政通文书 ${claimed.docNo}，但内容与签发的原件不一致，已被修改`, document: await verificationView(ctx, claimed) };
  return { result: 'UNKNOWN' as const, resultName: '不是运政通签发的文书，或无法识别', document: null };
}
