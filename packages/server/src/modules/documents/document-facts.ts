import { and, eq } from 'drizzle-orm';
import { applicationStatusNames, findService, gradeNames, maskIdNumber, type Grade } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities, certificateCards, certificates, citizens } from '../../db/schema';
import type { Queryable } from '../../db/transaction';
import type { ApplicationRow } from '../applications/application-repo';
import { materialsOf } from '../applications/application-repo';
import { requiredMaterials } from '../applications/drafts';
import { categoriesOf, categoryName } from '../certificates/registry';

/**
 * The facts each kind of document certifies, read in the issuing transaction. They are what gets signed (the
 * canonical JSON of `facts`) and what the PDF's table shows (`rows`); the public verify page shows a masked subset.
 */
export type Facts = Record<string, string | number | boolean | null | { name: string; firstIssueDate: string; issueDate: string; validTo: string }[]>;

export interface DocumentFacts {
  facts: Facts;
  rows: [string, string][];
  authorityCode: string;
}

async function authorityName(db: Queryable, code: string) {
  return (await db.select({ name: authorities.name }).from(authorities).where(eq(authorities.code, code)))[0]?.name ?? code;
}

export async function voucherFacts(db: Queryable, ctx: AppContext, row: ApplicationRow): Promise<DocumentFacts> {
  const [cert] = await db.select().from(certificates).where(eq(certificates.id, row.certificateId!));
  const r = row.result as { grade: Grade; totalPoints: number; cycleStart: string; cycleEnd: string; cycleNo: number; continuingEducationRequired: boolean };
  const authority = await authorityName(db, row.handlingAuthorityCode!);
  const category = categoryName(row.categoryCodes[0]!);
  const idMasked = maskIdNumber(ctx.cipher.decrypt(cert!.holderIdEnc));
  return {
    authorityCode: row.handlingAuthorityCode!,
    facts: { holderName: cert!.holderName, idNumberMasked: idMasked, certNo: cert!.certNo, category, cycleNo: r.cycleNo, cycleStart: r.cycleStart, cycleEnd: r.cycleEnd, totalPoints: r.totalPoints, grade: r.grade, authority, applyNo: row.applyNo, continuingEducationRequired: r.continuingEducationRequired },
    rows: [
      ['姓名', cert!.holderName],
      ['身份证号', idMasked],
      ['从业资格证号', cert!.certNo],
      ['从业资格类别', category],
      ['考核周期', `${r.cycleStart} 至 ${r.cycleEnd}（第${r.cycleNo}个周期）`],
      ['周期累计计分', `${r.totalPoints}分`],
      ['考核等级', gradeNames[r.grade]],
      ...(r.continuingEducationRequired ? [['备注', '考核等级为B级，应参加继续教育'] as [string, string]] : []),
      ['评定机关', authority],
      ['办件编号', row.applyNo ?? ''],
    ],
  };
}

export async function eCertificateFacts(db: Queryable, ctx: AppContext, row: ApplicationRow): Promise<DocumentFacts> {
  const [cert] = await db.select().from(certificates).where(eq(certificates.id, row.certificateId!));
  const categories = (await categoriesOf(db, [cert!.id])).filter((c) => c.status === 'VALID');
  const [card] = await db.select().from(certificateCards).where(and(eq(certificateCards.certificateId, cert!.id), eq(certificateCards.status, 'VALID')));
  const authority = await authorityName(db, cert!.issuingAuthorityCode);
  const idMasked = maskIdNumber(ctx.cipher.decrypt(cert!.holderIdEnc));
  const list = categories.map((c) => ({ name: categoryName(c.code), firstIssueDate: c.firstIssueDate, issueDate: c.issueDate, validTo: c.validTo }));
  return {
    authorityCode: cert!.issuingAuthorityCode,
    facts: { holderName: cert!.holderName, sex: cert!.sex === 'M' ? '男' : '女', birthDate: cert!.birthDate, idNumberMasked: idMasked, certNo: cert!.certNo, cardSerialNo: card?.serialNo ?? null, categories: list, employer: cert!.employerName, authority, applyNo: row.applyNo },
    rows: [
      ['姓名', cert!.holderName],
      ['性别', cert!.sex === 'M' ? '男' : '女'],
      ['出生日期', cert!.birthDate],
      ['身份证号', idMasked],
      ['从业资格证号', cert!.certNo],
      ['证件印刷编号', card?.serialNo ?? '—'],
      ...list.map((c): [string, string] => ['从业资格类别', `${c.name}（初次领证 ${c.firstIssueDate}，有效期 ${c.issueDate} 至 ${c.validTo}）`]),
      ['服务单位', cert!.employerName ?? '—'],
      ['发证机关', authority],
    ],
  };
}

export async function receiptFacts(db: Queryable, _ctx: AppContext, row: ApplicationRow): Promise<DocumentFacts> {
  const service = findService(row.service)!;
  const variant = service.variants?.find((v) => v.code === row.variant)?.name;
  const [citizen] = await db.select({ name: citizens.name }).from(citizens).where(eq(citizens.id, row.citizenId));
  const materials = await materialsOf(db, row.id);
  const names = requiredMaterials(row);
  const received = materials.map((m) => `${names.find((n) => n.code === m.materialCode)?.name ?? m.materialCode}（${m.originalName}）`);
  const authority = await authorityName(db, row.handlingAuthorityCode!);
  const serviceName = `${service.name}${variant ? `（${variant}）` : ''}`;
  const submittedAt = row.submittedAt!.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return {
    authorityCode: row.handlingAuthorityCode!,
    facts: { applyNo: row.applyNo, service: serviceName, applicant: citizen?.name ?? '', submittedAt, materials: received.join('；'), authority, promisedDays: row.promisedDays, status: applicationStatusNames.SUBMITTED },
    rows: [
      ['办件编号', row.applyNo ?? ''],
      ['办理事项', serviceName],
      ['申请人', citizen?.name ?? ''],
      ['提交时间', submittedAt],
      ['已收材料', received.join('；') || '无'],
      ['受理部门', authority],
      ['承诺时限', `自受理之日起${row.promisedDays ?? 20}个工作日内办结（法定20个工作日）`],
      ['查询进度', '登录运政通，在“我的办件”中查看'],
    ],
  };
}
