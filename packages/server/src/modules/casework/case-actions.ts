import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { addWorkingDays, applicationActionNames, IllegalTransitionError, LEGAL_DEADLINE_WORKING_DAYS, nextStatus, shanghaiDate, type ApplicationAction, type ApplicationStatus, type ServiceCode } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { applications } from '../../db/schema';
import { AppError, notFound } from '../../http/problem';
import type { StaffActor } from '../staff/staff-auth';
import { allAuthorities, subtreeCodes } from '../staff/staff-repo';
import { requiredMaterials } from '../applications/drafts';
import { recordTransition } from '../applications/record-transition';

/**
 * A case worker's action on an application (the first piece of the back office, issue 6): the status machine
 * decides whether the action may follow and whether the worker's role may take it; the application must be handled
 * by the worker's authority or one below it (else 404). State change, action row and audit row commit together.
 */
export const STAFF_CASE_ACTIONS = ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION', 'START_REVIEW', 'APPROVE', 'DENY', 'PRODUCE', 'READY_FOR_PICKUP', 'MAIL', 'COLLECT', 'COMPLETE'] as const satisfies readonly ApplicationAction[];
export type StaffCaseAction = (typeof STAFF_CASE_ACTIONS)[number];

export interface CaseActionInput {
  action: StaffCaseAction;
  opinion?: string | undefined;
  correctionItems?: { materialCode: string; note: string }[] | undefined;
  trackingNo?: string | undefined;
}

const invalid = (field: string, message: string) => new AppError('YZ-GEN-422', message, [{ field, message }]);

export async function takeCaseAction(ctx: AppContext, request: FastifyRequest, actor: StaffActor, applicationId: string, input: CaseActionInput) {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId));
  const reachable = subtreeCodes(await allAuthorities(ctx.db), actor.staff.authorityCode);
  if (!row || !row.handlingAuthorityCode || !reachable.has(row.handlingAuthorityCode)) throw notFound('办件不存在');
  const from = row.status as ApplicationStatus;
  let to: ApplicationStatus;
  try {
    to = nextStatus(from, row.service as ServiceCode, input.action, { kind: 'STAFF', roles: actor.roles });
  } catch (error) {
    if (!(error instanceof IllegalTransitionError)) throw error;
    const allowed = error.allowed.map((a) => applicationActionNames[a]).join('、') || '无';
    throw new AppError('YZ-GEN-409', `当前状态下不能“${applicationActionNames[input.action]}”。您可以进行的操作：${allowed}`);
  }
  if ((input.action === 'REJECT' || input.action === 'DENY') && !input.opinion?.trim()) throw invalid('opinion', `${applicationActionNames[input.action]}须写明理由`);
  const details: Record<string, unknown> = {};
  if (input.action === 'REQUEST_CORRECTION') {
    const known = requiredMaterials(row).map((m) => m.code as string);
    const items = input.correctionItems ?? [];
    if (items.length === 0) throw invalid('correctionItems', '请一次性列出需要补正的全部材料');
    if (items.some((i) => !known.includes(i.materialCode) || !i.note.trim())) throw invalid('correctionItems', '补正项目须是本申请的材料，并写明补正要求');
    details.correctionItems = items;
  }
  if (input.action === 'MAIL') {
    if (!input.trackingNo?.trim()) throw invalid('trackingNo', '请填写邮寄单号');
    details.trackingNo = input.trackingNo.trim();
  }
  // 受理 starts the clock: 20 working days by law, and the authority's promise.
  const today = shanghaiDate(ctx.clock.now());
  const set =
    input.action === 'ACCEPT'
      ? { acceptedAt: ctx.clock.now(), legalDeadline: addWorkingDays(today, LEGAL_DEADLINE_WORKING_DAYS), promisedDeadline: addWorkingDays(today, row.promisedDays ?? LEGAL_DEADLINE_WORKING_DAYS) }
      : undefined;
  return recordTransition(ctx, row, {
    ...(set && { set }),
    action: input.action,
    from,
    to,
    actor: { type: 'STAFF', id: actor.staff.id, authorityCode: actor.staff.authorityCode },
    opinion: input.opinion?.trim() || null,
    details,
    ip: request.ip,
  });
}
