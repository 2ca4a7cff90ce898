import { eq } from 'drizzle-orm';
import { allowedActions, applicationActionNames, applicationStatusNames, findService, maskMobile, type ApplicationAction, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications, authorities, certificates } from '../../db/schema';
import { categoryName } from '../certificates/registry';
import { actionsOf, materialsOf, type ApplicationRow } from './application-repo';
import { requiredMaterials } from './drafts';
import { correctionRequest } from './correction';
import { evaluationOf } from './evaluation';
import { openPersonalChanges } from './personal-changes';
import { documentsOf } from '../documents/documents-service';

const APPLICANT_RESULT_FIELDS = ['courier', 'trackingNo', 'grade', 'totalPoints', 'cycleStart', 'cycleEnd', 'continuingEducationRequired', 'cardSerialNo'];

/** What the applicant sees of their own application (我的办件 detail), staff names never included. */
export async function applicationView(ctx: AppContext, row: ApplicationRow) {
  const service = findService(row.service)!;
  const [materials, actions, authorityRows, cert] = await Promise.all([
    materialsOf(ctx.db, row.id),
    actionsOf(ctx.db, row.id),
    ctx.db.select().from(authorities),
    row.certificateId ? ctx.db.select().from(certificates).where(eq(certificates.id, row.certificateId)) : Promise.resolve([]),
  ]);
  // Before submission the handling authority is the one the submission will choose: the issuing authority.
  const authority = authorityRows.find((a) => a.code === (row.handlingAuthorityCode ?? cert[0]?.issuingAuthorityCode));
  const address = row.mailingAddressSnapshotEnc ? (JSON.parse(ctx.cipher.decrypt(row.mailingAddressSnapshotEnc)) as { recipientName: string; mobile: string; regionNames: Record<string, string>; detail: string; postcode: string | null }) : null;
  const status = row.status as ApplicationStatus;
  const correction = status === 'CORRECTION_REQUIRED' ? await correctionRequest(ctx, row.id) : undefined;
  const evaluation = await evaluationOf(ctx, row.id);
  return {
    id: row.id,
    applyNo: row.applyNo,
    service: row.service,
    serviceName: service.name,
    variant: row.variant,
    variantName: service.variants?.find((v) => v.code === row.variant)?.name ?? null,
    status,
    statusName: applicationStatusNames[status],
    allowedActions: allowedActions(status, row.service as ServiceCode, { kind: 'CITIZEN' }),
    noticeVersion: row.noticeVersion,
    noticeAgreedAt: row.noticeAgreedAt.toISOString(),
    certificate: cert[0] ? { id: cert[0].id, certNo: cert[0].certNo } : null,
    categories: row.categoryCodes.map((code) => ({ code, name: categoryName(code) })),
    serviceFields: openPersonalChanges(ctx.cipher, row.serviceFields),
    collectionMethod: row.collectionMethod,
    mailingAddressId: row.mailingAddressId,
    mailingAddress: address && { recipientName: address.recipientName, mobileMasked: maskMobile(address.mobile), regionNames: address.regionNames, detail: address.detail, postcode: address.postcode },
    handlingAuthority: authority ? { code: authority.code, name: authority.name, address: authority.address, phone: authority.phone, serviceHours: authority.serviceHours } : null,
    promisedDays: row.promisedDays,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    legalDeadline: row.legalDeadline,
    promisedDeadline: row.promisedDeadline,
    requiredMaterials: requiredMaterials(row).map((m) => ({ code: m.code, name: m.name, form: m.form, required: m.required })),
    materials: materials.map((m) => ({ id: m.id, materialCode: m.materialCode, originalName: m.originalName, mime: m.mime, bytes: m.bytes, widthPx: m.widthPx, heightPx: m.heightPx, uploadedAt: m.uploadedAt.toISOString() })),
    timeline: actions.filter((a) => a.action !== 'EVALUATE').map((a) => ({
      action: a.action,
      actionName: applicationActionNames[a.action as ApplicationAction],
      statusName: applicationStatusNames[a.toStatus as ApplicationStatus],
      // The applicant sees the authority, never the clerk's name.
      by: a.actorType === 'CITIZEN' ? '申请人' : a.actorType === 'SYSTEM' ? '系统' : (authorityRows.find((x) => x.code === a.authorityCode)?.name ?? '管理部门'),
      opinion: a.opinion,
      at: a.at.toISOString(),
    })),
    correction: correction
      ? {
          opinion: correction.opinion,
          requestedAt: correction.requestedAt.toISOString(),
          items: correction.items.map((i) => ({ ...i, name: requiredMaterials(row).find((m) => m.code === i.materialCode)?.name ?? i.materialCode })),
        }
      : null,
    evaluation,
    documents: (await documentsOf(ctx.db, row.id)).filter((d) => d.status === 'VALID'),
    // What the applicant needs of the outcome; registry internals (renewed dates per category) stay out.
    result: Object.fromEntries(Object.entries(row.result).filter(([key]) => APPLICANT_RESULT_FIELDS.includes(key))),
    completedAt: row.completedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 我的办件: newest first, drafts included as 暂存. */
export async function myApplications(ctx: AppContext, citizenId: string) {
  const rows = await ctx.db.select().from(applications).where(eq(applications.citizenId, citizenId));
  const certs = await ctx.db.select({ id: certificates.id, certNo: certificates.certNo }).from(certificates).where(eq(certificates.boundCitizenId, citizenId));
  return rows
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .map((row) => ({
      id: row.id,
      applyNo: row.applyNo,
      serviceName: findService(row.service)!.name,
      certNo: certs.find((c) => c.id === row.certificateId)?.certNo ?? null,
      status: row.status,
      statusName: applicationStatusNames[row.status as ApplicationStatus],
      submittedAt: row.submittedAt?.toISOString() ?? null,
      promisedDeadline: row.promisedDeadline,
      updatedAt: row.updatedAt.toISOString(),
    }));
}
