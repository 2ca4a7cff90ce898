import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { nextStatus, shanghaiDate, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { AppError } from '../../http/problem';
import { ownAddress } from '../addresses/addresses';
import { materialsOf, ownApplication, type ApplicationRow } from './application-repo';
import { authorities } from '../../db/schema';
import { recordTransition } from './record-transition';
import { promisedDaysFor } from '../casework/service-settings';
import { issueDocument } from '../documents/issue-document';
import { checkCategories, requiredMaterials, verified } from './drafts';

/**
 * 确认提交: everything checked again (a draft may be days old), the 办件编号 assigned, the SUBMIT action, the status
 * and the audit row written in one transaction. Handling authority = the certificate's issuing authority.
 */
export async function submitApplication(ctx: AppContext, request: FastifyRequest, citizenId: string, id: string) {
  await verified(ctx, citizenId);
  const draft = await ownApplication(ctx.db, citizenId, id);
  if (draft.status !== 'DRAFT') throw new AppError('YZ-GEN-409', '该申请已提交');
  const service = draft.service as ServiceCode;
  const missing: { field: string; message: string }[] = [];
  if (!draft.certificateId || draft.categoryCodes.length === 0) missing.push({ field: 'certificateId', message: '请选择证照信息' });
  if (service !== 'INTEGRITY_ASSESSMENT' && service !== 'CANCEL' && !draft.collectionMethod) missing.push({ field: 'collectionMethod', message: '请选择证件领取方式' });
  if (service === 'REISSUE' && !draft.serviceFields.reason) missing.push({ field: 'serviceFields.reason', message: '请选择补发原因' });
  if (service === 'CANCEL' && !draft.serviceFields.scope) missing.push({ field: 'serviceFields.scope', message: '请选择注销类型' });
  const materials = await materialsOf(ctx.db, draft.id);
  for (const requirement of requiredMaterials(draft).filter((m) => m.required)) {
    if (!materials.some((m) => m.materialCode === requirement.code)) missing.push({ field: `materials.${requirement.code}`, message: `请上传“${requirement.name}”` });
  }
  if (missing.length > 0) throw new AppError('YZ-GEN-422', '申请信息还不完整，请补充后再提交', missing);
  const { cert } = await checkCategories(ctx, citizenId, service, draft.certificateId!, draft.categoryCodes);
  const address = draft.collectionMethod === 'MAIL' ? await ownAddress(ctx, citizenId, draft.mailingAddressId!) : undefined;

  const now = ctx.clock.now();
  const to = nextStatus(draft.status as ApplicationStatus, service, 'SUBMIT', { kind: 'CITIZEN' });
  // Sequences are not transactional anyway: a number taken by a failed submission is simply never used.
  const sequence = await ctx.db.execute(sql`select nextval('application_no_seq')::text as n`);
  const n = (sequence as unknown as { rows: { n: string }[] }).rows[0]!.n;
  const snapshot = address && { recipientName: address.recipientName, mobile: address.mobile, regionNames: address.regionNames, detail: address.detail, postcode: address.postcode };
  const handlingAuthorityCode = await handlingAuthority(ctx, draft, cert.issuingAuthorityCode);
  return recordTransition(ctx, draft, {
    action: 'SUBMIT',
    from: draft.status as ApplicationStatus,
    to,
    actor: { type: 'CITIZEN', id: citizenId },
    details: { noticeVersion: draft.noticeVersion },
    ip: request.ip,
    // 办件回执: proof of what was handed in and when, available from the confirmation page on.
    effects: async (tx, updated) => void (await issueDocument(tx, ctx, 'RECEIPT', updated, 'system:submission')),
    set: {
      applyNo: `${shanghaiDate(now).replaceAll('-', '')}${n.padStart(6, '0')}`,
      submittedAt: now,
      handlingAuthorityCode,
      promisedDays: await promisedDaysFor(ctx.db, handlingAuthorityCode, service),
      mailingAddressSnapshotEnc: snapshot ? ctx.cipher.encrypt(JSON.stringify(snapshot)) : null,
    },
  });
}

/**
 * 原发证机关 handles the application, except 服务单位变更: the authority of the new employer's area (the division
 * code inside its 统一社会信用代码, characters 3–8) where Yunzheng has one — county, else city, else province.
 */
async function handlingAuthority(ctx: AppContext, draft: ApplicationRow, issuingAuthorityCode: string): Promise<string> {
  const uscc = draft.variant === 'CHANGE_EMPLOYER' ? String(draft.serviceFields.employerUscc ?? '') : '';
  if (uscc.length !== 18) return issuingAuthorityCode;
  const division = uscc.slice(2, 8);
  const all = await ctx.db.select({ code: authorities.code, divisionCode: authorities.divisionCode }).from(authorities);
  for (const candidate of [division, `${division.slice(0, 4)}00`, `${division.slice(0, 2)}0000`]) {
    const match = all.find((a) => a.divisionCode === candidate);
    if (match) return match.code;
  }
  return issuingAuthorityCode;
}

/** 撤回: allowed by the status machine before acceptance only. */
export async function withdrawApplication(ctx: AppContext, request: FastifyRequest, citizenId: string, id: string) {
  const row = await ownApplication(ctx.db, citizenId, id);
  const status = row.status as ApplicationStatus;
  let to: ApplicationStatus;
  try {
    to = nextStatus(status, row.service as ServiceCode, 'WITHDRAW', { kind: 'CITIZEN' });
  } catch {
    throw new AppError('YZ-GEN-409', '该办件已受理或已办结，不能撤回；如需撤回请联系办理部门');
  }
  return recordTransition(ctx, row, { action: 'WITHDRAW', from: status, to, actor: { type: 'CITIZEN', id: citizenId }, ip: request.ip });
}
