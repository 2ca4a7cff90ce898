import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  cancellationProblem,
  categoryEligibility,
  checkUscc,
  findService,
  materialsFor,
  shanghaiDate,
  usccMessages,
  type CategoryCode,
  type ChangeVariantCode,
  type RecordedStatus,
  type ServiceCode,
} from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications, assessmentResults, certificates } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, fieldError } from '../../http/problem';
import { appendAudit } from '../audit/audit-log';
import { findCitizen } from '../accounts/citizens-repo';
import { ownAddress } from '../addresses/addresses';
import { categoriesOf } from '../certificates/registry';
import { currentNotice } from '../services/notice-versions';
import { sealPersonalChanges } from './personal-changes';
import { assertVariant } from '../services/variant';
import { openApplicationsOn, ownApplication, type ApplicationRow } from './application-repo';

/**
 * Drafts (暂存): every step of the online journey saves here, so a person who leaves — even after the session
 * expired — resumes where they were. Each step is checked by the same domain rules that the submission re-checks.
 */

async function verified(ctx: AppContext, citizenId: string) {
  const citizen = await findCitizen(ctx.db, citizenId);
  if (!citizen) throw new AppError('YZ-GEN-401');
  if (citizen.realNameStatus !== 'VERIFIED') throw new AppError('YZ-ACC-010', '在线办理前，请先完成实名认证');
  return citizen;
}

async function editableDraft(ctx: AppContext, citizenId: string, id: string): Promise<ApplicationRow> {
  const row = await ownApplication(ctx.db, citizenId, id);
  if (row.status !== 'DRAFT') throw new AppError('YZ-GEN-409', '该申请已提交，不能再修改');
  return row;
}

/** 同意并确认: starts a draft (or returns the open draft of the same service, to resume it). */
export async function startDraft(ctx: AppContext, request: FastifyRequest, citizenId: string, service: ServiceCode, variant: ChangeVariantCode | undefined, noticeVersion: string): Promise<ApplicationRow> {
  await verified(ctx, citizenId);
  assertVariant(findService(service)!, variant);
  if (noticeVersion !== (await currentNotice(ctx.db, service, variant)).version) throw new AppError('YZ-GEN-409', '业务须知已更新，请重新阅读后确认');
  const [existing] = await ctx.db
    .select()
    .from(applications)
    .where(and(eq(applications.citizenId, citizenId), eq(applications.service, service), eq(applications.status, 'DRAFT')));
  if (existing && existing.variant === (variant ?? null)) return existing;
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({ citizenId, service, variant: variant ?? null, noticeVersion, noticeAgreedAt: now, createdAt: now, updatedAt: now })
      .returning();
    await appendAudit(tx, { actorType: 'CITIZEN', actorId: citizenId, action: 'APPLICATION_DRAFT', objectType: 'application', objectId: row!.id, outcome: 'SUCCESS', ip: request.ip, details: { service, variant: variant ?? null, noticeVersion } }, now);
    return row!;
  });
}

/** Checks that the chosen categories of the caller's bound certificate may be applied for today. */
export async function checkCategories(ctx: AppContext, citizenId: string, service: ServiceCode, certificateId: string, codes: string[], options: { ignoreApplication?: string } = {}) {
  const [cert] = await ctx.db.select().from(certificates).where(and(eq(certificates.id, certificateId), eq(certificates.boundCitizenId, citizenId)));
  if (!cert) throw fieldError('certificateId', '请选择已绑定在您账号下的从业资格证');
  const categories = await categoriesOf(ctx.db, [cert.id]);
  const graded = await ctx.db.select().from(assessmentResults).where(eq(assessmentResults.certificateId, cert.id));
  const open = (await openApplicationsOn(ctx.db, cert.id)).filter((a) => a.applyNo !== options.ignoreApplication);
  const today = shanghaiDate(ctx.clock.now());
  for (const code of codes) {
    const category = categories.find((c) => c.code === code);
    if (!category) throw fieldError('categoryCodes', '所选类别不在该证件上');
    const verdict = categoryEligibility(
      service,
      { code: code as CategoryCode, status: category.status as RecordedStatus, validTo: category.validTo, firstIssueDate: category.firstIssueDate, assessedCycles: graded.filter((g) => g.categoryCode === code).map((g) => g.cycleNo) },
      { today, openApplications: open },
    );
    if (!verdict.selectable) throw fieldError('categoryCodes', verdict.reason);
  }
  return { cert, categories };
}

/** 证照信息: the certificate and the categories applied for. */
export async function saveCertificateStep(ctx: AppContext, citizenId: string, id: string, input: { certificateId: string; categoryCodes: string[] }) {
  const draft = await editableDraft(ctx, citizenId, id);
  const service = draft.service as ServiceCode;
  if (service === 'INTEGRITY_ASSESSMENT' && input.categoryCodes.length !== 1) throw fieldError('categoryCodes', '诚信考核请每次选择一个驾驶员类别');
  await checkCategories(ctx, citizenId, service, input.certificateId, input.categoryCodes);
  const [row] = await ctx.db
    .update(applications)
    .set({ certificateId: input.certificateId, categoryCodes: input.categoryCodes, updatedAt: ctx.clock.now() })
    .where(eq(applications.id, draft.id))
    .returning();
  return row!;
}

export interface PersonalStepInput {
  collectionMethod?: 'PICKUP' | 'MAIL' | undefined;
  mailingAddressId?: string | undefined;
  serviceFields: Record<string, unknown>;
}

/** Service-specific answers of 个人信息, checked field by field. */
function checkServiceFields(service: ServiceCode, variant: string | null, fields: Record<string, unknown>, heldCategories: string[], chosen: string[]): Record<string, unknown> {
  switch (service) {
    case 'REISSUE':
      if (fields.reason !== 'LOST' && fields.reason !== 'DAMAGED') throw fieldError('serviceFields.reason', '请选择补发原因：遗失 或 毁损');
      return { reason: fields.reason };
    case 'CHANGE':
      if (variant === 'CHANGE_EMPLOYER') {
        const name = String(fields.employerName ?? '').trim();
        const uscc = String(fields.employerUscc ?? '').trim().toUpperCase();
        if (name.length < 4 || name.length > 60) throw fieldError('serviceFields.employerName', '请填写新服务单位全称（4至60个字）');
        const problem = checkUscc(uscc);
        if (problem) throw fieldError('serviceFields.employerUscc', usccMessages[problem]);
        return { employerName: name, employerUscc: uscc };
      } else {
        const contactMobile = String(fields.contactMobile ?? '').trim();
        const residentialAddress = String(fields.residentialAddress ?? '').trim();
        if (!contactMobile && !residentialAddress) throw fieldError('serviceFields.contactMobile', '请至少填写一项需要变更的信息：联系电话 或 住址');
        if (contactMobile && !/^1[3-9]\d{9}$/.test(contactMobile)) throw fieldError('serviceFields.contactMobile', '请输入11位手机号，以1开头');
        if (residentialAddress.length > 120) throw fieldError('serviceFields.residentialAddress', '住址不能超过120个字');
        return { ...(contactMobile && { contactMobile }), ...(residentialAddress && { residentialAddress }) };
      }
    case 'CANCEL': {
      if (fields.reason !== 'SELF_REQUEST') throw fieldError('serviceFields.reason', '网上只能办理本人申请注销');
      const scope = fields.scope === 'PARTIAL' ? 'PARTIAL' : fields.scope === 'ALL' ? 'ALL' : undefined;
      if (!scope) throw fieldError('serviceFields.scope', '请选择注销类型：全部 或 部分');
      const problem = cancellationProblem(scope, (scope === 'PARTIAL' ? chosen : []) as CategoryCode[], heldCategories as CategoryCode[]);
      if (problem) throw fieldError('categoryCodes', problem);
      return { reason: 'SELF_REQUEST', scope };
    }
    default:
      return {};
  }
}

/** 个人信息: how to receive the card (自取 or 邮寄 with an address of the caller) and the service's own questions. */
export async function savePersonalStep(ctx: AppContext, citizenId: string, id: string, input: PersonalStepInput & { categoryCodes?: string[] | undefined }) {
  const draft = await editableDraft(ctx, citizenId, id);
  const service = draft.service as ServiceCode;
  if (!draft.certificateId) throw new AppError('YZ-GEN-409', '请先选择证照信息');
  let categoryCodes = draft.categoryCodes;
  if (service === 'CANCEL') {
    const held = (await categoriesOf(ctx.db, [draft.certificateId])).filter((c) => c.status === 'VALID').map((c) => c.code);
    categoryCodes = input.serviceFields.scope === 'ALL' ? held : (input.categoryCodes ?? []);
    const fields = checkServiceFields(service, draft.variant, input.serviceFields, held, categoryCodes);
    input = { ...input, serviceFields: fields };
  } else {
    input = { ...input, serviceFields: checkServiceFields(service, draft.variant, input.serviceFields, [], categoryCodes) };
  }
  const needsDelivery = service !== 'INTEGRITY_ASSESSMENT' && service !== 'CANCEL';
  if (needsDelivery && !input.collectionMethod) throw fieldError('collectionMethod', '请选择证件领取方式：自取 或 邮寄');
  if (input.collectionMethod === 'MAIL') {
    if (!input.mailingAddressId) throw fieldError('mailingAddressId', '请选择或添加邮寄地址');
    await ownAddress(ctx, citizenId, input.mailingAddressId).catch(() => {
      throw fieldError('mailingAddressId', '邮寄地址不存在，请重新选择');
    });
  }
  const [row] = await ctx.db
    .update(applications)
    .set({
      serviceFields: sealPersonalChanges(ctx.cipher, input.serviceFields),
      categoryCodes,
      collectionMethod: needsDelivery ? (input.collectionMethod ?? null) : null,
      mailingAddressId: input.collectionMethod === 'MAIL' ? (input.mailingAddressId ?? null) : null,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(applications.id, draft.id))
    .returning();
  return row!;
}

/** The materials a draft must carry, for the materials step and the completeness check. */
export function requiredMaterials(row: ApplicationRow) {
  return materialsFor(findService(row.service)!, (row.variant ?? undefined) as ChangeVariantCode | undefined);
}

export { editableDraft, verified };
