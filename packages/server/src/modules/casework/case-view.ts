import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  acceptanceDeadline,
  allowedActions,
  applicationActionNames,
  applicationStatusNames,
  deadlineStatus,
  deriveValidityState,
  maskIdNumber,
  maskMobile,
  maskName,
  queueOf,
  shanghaiDate,
  validityStateNames,
  type ApplicationAction,
  type ApplicationStatus,
  type ChangeVariantCode,
  type RecordedStatus,
  type ServiceCode,
} from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applicationMaterials, certificates, citizens, staff } from '../../db/schema';
import { recordAudit } from '../audit/audit-log';
import { applicationView } from '../applications/application-view';
import { actionsOf, type ApplicationRow } from '../applications/application-repo';
import { categoriesOf, categoryName } from '../certificates/registry';
import { noticeVersion } from '../services/notice-versions';
import type { StaffActor } from '../staff/staff-auth';
import { caseFor } from './case-access';
import { gradingView } from './grading';
import { openPersonalChanges } from '../applications/personal-changes';
import { documentsOf } from '../documents/documents-service';
import { notFound } from '../../http/problem';

/**
 * The case page's data (issue 6). Personal data is masked; 查看完整信息 reveals one field at a time through
 * `revealField`, each reveal an audit row. Opening a case is itself a read of personal data and is audited.
 */
export const REVEALABLE_FIELDS = ['applicantName', 'idNumber', 'mobile', 'mailingAddress', 'contactMobile', 'residentialAddress'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

const maskAddress = (text: string) => (Array.from(text).length <= 6 ? '******' : `${Array.from(text).slice(0, 6).join('')}******`);

export async function caseView(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string) {
  const { row, access } = await caseFor(ctx, actor, id, 'READ');
  const base = await applicationView(ctx, row);
  const [[citizen], [cert], actions, staffRows, grading, notice] = await Promise.all([
    ctx.db.select().from(citizens).where(eq(citizens.id, row.citizenId)),
    row.certificateId ? ctx.db.select().from(certificates).where(eq(certificates.id, row.certificateId)) : Promise.resolve([]),
    actionsOf(ctx.db, row.id),
    ctx.db.select({ id: staff.id, name: staff.name }).from(staff),
    gradingView(ctx, row),
    noticeVersion(ctx.db, row.service as ServiceCode, row.variant as ChangeVariantCode | null, row.noticeVersion),
  ]);
  const categories = cert ? await categoriesOf(ctx.db, [cert.id]) : [];
  const today = shanghaiDate(ctx.clock.now());
  const status = row.status as ApplicationStatus;
  const service = row.service as ServiceCode;
  const staffName = (sid: string | null) => staffRows.find((s) => s.id === sid)?.name ?? null;
  const mine = row.claimedBy === actor.staff.id;
  const fields = openPersonalChanges(ctx.cipher, row.serviceFields);
  await recordAudit(ctx.db, { actorType: 'STAFF', actorId: actor.staff.id, action: 'CASE_VIEW', objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo } }, ctx.clock.now());
  return {
    ...base,
    // The applicant's own view shows clear text; the staff view masks and reveals on request.
    serviceFields: {
      ...fields,
      ...(typeof fields.contactMobile === 'string' && { contactMobile: maskMobile(fields.contactMobile) }),
      ...(typeof fields.residentialAddress === 'string' && { residentialAddress: maskAddress(fields.residentialAddress) }),
    },
    mailingAddress: base.mailingAddress && { ...base.mailingAddress, detail: maskAddress(base.mailingAddress.detail) },
    applicant: citizen && {
      nameMasked: maskName(citizen.name ?? ''),
      idNumberMasked: citizen.idNumberEnc ? maskIdNumber(ctx.cipher.decrypt(citizen.idNumberEnc)) : null,
      mobileMasked: maskMobile(ctx.cipher.decrypt(citizen.mobileEnc)),
      sex: citizen.sex,
      birthDate: citizen.birthDate,
      realNameVerifiedAt: citizen.realNameVerifiedAt?.toISOString() ?? null,
    },
    certificateDetail: cert && {
      certNo: cert.certNo,
      holderNameMasked: maskName(cert.holderName),
      employerName: cert.employerName,
      employerUscc: cert.employerUscc,
      archiveNo: cert.archiveNo,
      status: cert.status,
      categories: categories.map((c) => ({ code: c.code, name: categoryName(c.code), firstIssueDate: c.firstIssueDate, issueDate: c.issueDate, validTo: c.validTo, stateName: validityStateNames[deriveValidityState(c.status as RecordedStatus, c.validTo, today)] })),
    },
    notice: notice ?? null,
    queue: queueOf(status, service) ?? null,
    readOnly: access !== 'ACT',
    claim: { claimedByName: staffName(row.claimedBy), claimedByMe: mine, claimedAt: row.claimedAt?.toISOString() ?? null },
    staffActions: access === 'ACT' ? allowedActions(status, service, { kind: 'STAFF', roles: actor.roles }) : [],
    staffTimeline: actions.map((a) => ({
      action: a.action,
      actionName: applicationActionNames[a.action as ApplicationAction],
      statusName: applicationStatusNames[a.toStatus as ApplicationStatus],
      by: a.actorType === 'CITIZEN' ? '申请人' : a.actorType === 'SYSTEM' ? '系统' : (staffName(a.actorId) ?? '工作人员'),
      opinion: a.opinion,
      details: a.details,
      at: a.at.toISOString(),
    })),
    deadlines: {
      today,
      acceptanceDeadline: row.submittedAt && status === 'SUBMITTED' ? row.dueDate ?? acceptanceDeadline(shanghaiDate(row.submittedAt)) : null,
      legalDeadline: row.legalDeadline,
      promisedDeadline: row.promisedDeadline,
      correctionDeadline: status === 'CORRECTION_REQUIRED' ? row.correctionDeadline : null,
      dueDate: row.dueDate,
      status: row.dueDate ? deadlineStatus(row.dueDate, today) : null,
      overdueFlaggedAt: row.overdueFlaggedAt?.toISOString() ?? null,
    },
    grading,
    // Staff see every issued document, superseded ones included, to answer questions about old printouts.
    documents: await documentsOf(ctx.db, row.id),
    result: row.result,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** 查看完整信息: one field in clear, audited with the field's name (never its value). */
export async function revealField(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string, field: RevealableField): Promise<string> {
  const { row } = await caseFor(ctx, actor, id, 'READ');
  const value = await fieldValue(ctx, row, field);
  if (value === undefined) throw notFound('该信息不存在');
  await recordAudit(ctx.db, { actorType: 'STAFF', actorId: actor.staff.id, action: 'PII_REVEAL', objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo, field } }, ctx.clock.now());
  return value;
}

async function fieldValue(ctx: AppContext, row: ApplicationRow, field: RevealableField): Promise<string | undefined> {
  const [citizen] = await ctx.db.select().from(citizens).where(eq(citizens.id, row.citizenId));
  const fields = openPersonalChanges(ctx.cipher, row.serviceFields);
  switch (field) {
    case 'applicantName':
      return citizen?.name ?? undefined;
    case 'idNumber':
      return citizen?.idNumberEnc ? ctx.cipher.decrypt(citizen.idNumberEnc) : undefined;
    case 'mobile':
      return citizen ? ctx.cipher.decrypt(citizen.mobileEnc) : undefined;
    case 'mailingAddress': {
      if (!row.mailingAddressSnapshotEnc) return undefined;
      const a = JSON.parse(ctx.cipher.decrypt(row.mailingAddressSnapshotEnc)) as { recipientName: string; mobile: string; regionNames: Record<string, string>; detail: string; postcode: string | null };
      return `${a.recipientName} ${a.mobile} ${a.regionNames.province}${a.regionNames.city}${a.regionNames.district}${a.detail}${a.postcode ? ` ${a.postcode}` : ''}`;
    }
    case 'contactMobile':
    case 'residentialAddress':
      return typeof fields[field] === 'string' ? (fields[field] as string) : undefined;
  }
}

/** A material of a case, for staff who may see the case; each view is audited. */
export async function caseMaterialFile(ctx: AppContext, request: FastifyRequest, actor: StaffActor, id: string, materialId: string) {
  const { row } = await caseFor(ctx, actor, id, 'READ');
  const [material] = await ctx.db.select().from(applicationMaterials).where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, row.id)));
  if (!material) throw notFound('材料不存在');
  await recordAudit(ctx.db, { actorType: 'STAFF', actorId: actor.staff.id, action: 'MATERIAL_VIEW', objectType: 'application', objectId: row.id, outcome: 'SUCCESS', ip: request.ip, details: { applyNo: row.applyNo, materialCode: material.materialCode } }, ctx.clock.now());
  return { row: material, bytes: await ctx.storage.get(material.fileKey) };
}
