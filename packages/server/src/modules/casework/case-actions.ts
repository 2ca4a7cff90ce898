import type { FastifyRequest } from 'fastify';
import {
  addWorkingDays,
  allowedActions,
  applicationActionNames,
  decideGrade,
  decideStaffAction,
  DEFAULT_CORRECTION_REPLY_WORKING_DAYS,
  GRADES,
  gradeNames,
  LEGAL_DEADLINE_WORKING_DAYS,
  nextStatus,
  shanghaiDate,
  type ApplicationAction,
  type ApplicationStatus,
  type Grade,
  type ServiceCode,
} from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { assessmentResults } from '../../db/schema';
import { AppError, notFound, fieldError } from '../../http/problem';
import type { StaffActor } from '../staff/staff-auth';
import { requiredMaterials } from '../applications/drafts';
import { recordTransition, type Transition } from '../applications/record-transition';
import type { ApplicationRow } from '../applications/application-repo';
import { caseFor } from './case-access';
import { gradingView } from './grading';
import { applyCompletionEffects } from './registry-effects';
import { issueDocument } from '../documents/issue-document';

/**
 * A case worker's action on a case: the domain decides whether it is theirs to take (404 if not: another authority,
 * or an action their role never takes) and whether it may follow now (409 with what they can do); the case must be
 * claimed by them. Status, action row, audit row, registry effects and the applicant's 站内信 commit together.
 */
export const STAFF_CASE_ACTIONS = ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION', 'START_REVIEW', 'APPROVE', 'DENY', 'GRADE', 'PRODUCE', 'READY_FOR_PICKUP', 'MAIL', 'COLLECT', 'COMPLETE'] as const satisfies readonly ApplicationAction[];
export type StaffCaseAction = (typeof STAFF_CASE_ACTIONS)[number];

export interface CaseActionInput {
  action: StaffCaseAction;
  opinion?: string | undefined;
  correctionItems?: { materialCode: string; note: string }[] | undefined;
  /** 补正 reply deadline; default 15 working days. */
  correctionDeadline?: string | undefined;
  courier?: string | undefined;
  trackingNo?: string | undefined;
  grade?: Grade | undefined;
}


/** The details, columns and effects one action needs beyond the status change; throws for a missing or bad input. */
async function stepSpecifics(ctx: AppContext, row: ApplicationRow, input: CaseActionInput, today: string, issuedBy: string): Promise<Pick<Transition, 'details' | 'set' | 'effects' | 'message'>> {
  const opinion = input.opinion?.trim();
  switch (input.action) {
    case 'REJECT':
    case 'DENY':
      if (!opinion) throw fieldError('opinion', `${applicationActionNames[input.action]}须写明理由`);
      return {};
    case 'ACCEPT':
      // 受理 starts the clock: 20 working days by law, and the authority's promise.
      return { set: { acceptedAt: ctx.clock.now(), legalDeadline: addWorkingDays(today, LEGAL_DEADLINE_WORKING_DAYS), promisedDeadline: addWorkingDays(today, row.promisedDays ?? LEGAL_DEADLINE_WORKING_DAYS) } };
    case 'REQUEST_CORRECTION': {
      const known = requiredMaterials(row).map((m) => m.code as string);
      const items = input.correctionItems ?? [];
      if (items.length === 0) throw fieldError('correctionItems', '请一次性列出需要补正的全部材料');
      if (items.some((i) => !known.includes(i.materialCode) || !i.note.trim())) throw fieldError('correctionItems', '补正项目须是本申请的材料，并写明补正要求');
      if (new Set(items.map((i) => i.materialCode)).size !== items.length) throw fieldError('correctionItems', '同一材料只需列出一次');
      const deadline = input.correctionDeadline ?? addWorkingDays(today, DEFAULT_CORRECTION_REPLY_WORKING_DAYS);
      if (deadline <= today) throw fieldError('correctionDeadline', '补正期限须晚于今天');
      return { details: { correctionItems: items, correctionDeadline: deadline }, set: { correctionDeadline: deadline } };
    }
    case 'MAIL': {
      const trackingNo = input.trackingNo?.trim();
      const courier = input.courier?.trim();
      if (!courier) throw fieldError('courier', '请填写快递公司');
      if (!trackingNo || !/^[A-Za-z0-9-]{6,40}$/.test(trackingNo)) throw fieldError('trackingNo', '请填写邮寄单号（6至40位字母或数字）');
      return { details: { courier, trackingNo }, set: { result: { ...row.result, courier, trackingNo } }, message: { trackingNo: `${courier} ${trackingNo}` } };
    }
    case 'GRADE': {
      const grading = await gradingView(ctx, row);
      if (!grading) throw new AppError('YZ-GEN-409', '找不到本办件对应的考核周期');
      if (!input.grade) throw fieldError('grade', `请选择考核等级：${GRADES.join('、')}`);
      const decision = decideGrade(grading.totalPoints, input.grade, opinion);
      if ('error' in decision) throw fieldError('opinion', decision.error);
      const graded = { grade: decision.grade, suggestedGrade: decision.suggested, totalPoints: grading.totalPoints, cycleNo: grading.cycle.number, cycleStart: grading.cycle.start, cycleEnd: grading.cycle.end, continuingEducationRequired: decision.continuingEducationRequired };
      return {
        details: graded,
        set: { result: { ...row.result, ...graded } },
        message: { grade: gradeNames[decision.grade] },
        effects: async (tx, updated) => {
          const inserted = await tx
            .insert(assessmentResults)
            .values({
              certificateId: updated.certificateId!,
              categoryCode: grading.categoryCode,
              cycleNo: grading.cycle.number,
              cycleStart: grading.cycle.start,
              cycleEnd: grading.cycle.end,
              totalPoints: grading.totalPoints,
              grade: decision.grade,
              gradedOn: today,
              authorityCode: updated.handlingAuthorityCode!,
              applicationId: updated.id,
              suggestedGrade: decision.suggested,
              gradeReason: decision.overridden ? (opinion ?? null) : null,
              gradedBy: updated.claimedBy,
              continuingEducationRequired: decision.continuingEducationRequired,
            })
            .onConflictDoNothing()
            .returning();
          if (inserted.length === 0) throw new AppError('YZ-GEN-409', '该考核周期已评级');
          // 已评级 ⇒ the voucher is there to download (seed guide: 当办理进度是"已评级"时，可进行凭证下载).
          await issueDocument(tx, ctx, 'VOUCHER', updated, issuedBy);
        },
      };
    }
    case 'COLLECT':
    case 'COMPLETE':
      return {
        effects: async (tx, updated) => {
          const outcome = await applyCompletionEffects(tx, ctx, updated, today);
          // A new card ⇒ its electronic counterpart (电子从业资格证); 注销 issues none.
          if (outcome.cardSerialNo) await issueDocument(tx, ctx, 'E_CERTIFICATE', updated, issuedBy);
          return outcome;
        },
      };
    default:
      return {};
  }
}

export async function takeCaseAction(ctx: AppContext, request: FastifyRequest, actor: StaffActor, applicationId: string, input: CaseActionInput) {
  const { row, access } = await caseFor(ctx, actor, applicationId, 'READ');
  const from = row.status as ApplicationStatus;
  const service = row.service as ServiceCode;
  const staffActor = { kind: 'STAFF' as const, roles: actor.roles };
  const decision = decideStaffAction(access, actor.roles, service, from, input.action);
  if (decision === 'NOT_FOUND') throw notFound('办件不存在');
  if (decision === 'WRONG_STATUS') {
    const allowed = allowedActions(from, service, staffActor).map((a) => applicationActionNames[a]).join('、') || '无';
    throw new AppError('YZ-GEN-409', `当前状态下不能“${applicationActionNames[input.action]}”。您可以进行的操作：${allowed}`);
  }
  if (row.claimedBy !== actor.staff.id) throw new AppError('YZ-GEN-409', row.claimedBy ? '该办件已由他人认领，您不能办理' : '请先认领该办件再办理');
  const to = nextStatus(from, service, input.action, staffActor);
  const today = shanghaiDate(ctx.clock.now());
  const specifics = await stepSpecifics(ctx, row, input, today, `staff:${actor.staff.id}`);
  // The claim stays with a worker who also takes the next step (e.g. 开始审核 → 审核通过), else returns to the queue.
  const keepsClaim = allowedActions(to, service, staffActor).length > 0;
  return recordTransition(
    ctx,
    row,
    {
      ...specifics,
      set: { ...specifics.set, ...(!keepsClaim && { claimedBy: null, claimedAt: null }) },
      action: input.action,
      from,
      to,
      actor: { type: 'STAFF', id: actor.staff.id, authorityCode: actor.staff.authorityCode },
      opinion: input.opinion?.trim() || null,
      claimedBy: actor.staff.id,
      ip: request.ip,
    },
    request.log,
  );
}
