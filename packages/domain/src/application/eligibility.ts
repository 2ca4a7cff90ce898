import { DRIVER_CATEGORIES, type CategoryCode } from '../certificate/categories';
import { deriveValidityState, renewalWindow, type RecordedStatus } from '../certificate/validity';
import { findService, type ServiceCode } from '../catalogue/services';
import { assessmentDueDate, lastEndedCycle, type AssessmentCycle } from '../integrity/assessment';
import type { LocalDate } from '../shared/local-date';

/**
 * Who may apply for what (domain.md §12.2, §12.3): per certificate category, either selectable or disabled with the
 * reason in words, so that 证照信息 can explain instead of hiding. The server applies the same function on submit.
 */
export interface CategoryFacts {
  code: CategoryCode;
  status: RecordedStatus;
  validTo: LocalDate;
  firstIssueDate: LocalDate;
  /** Cycle numbers already graded for this category. */
  assessedCycles: readonly number[];
}

export interface EligibilityContext {
  today: LocalDate;
  /** Open (submitted, not final) applications for this certificate. */
  openApplications: readonly { service: ServiceCode; applyNo: string }[];
}

export type CategoryEligibility =
  | { selectable: true; cycle?: AssessmentCycle; late?: boolean }
  | { selectable: false; reason: string };

const no = (reason: string): CategoryEligibility => ({ selectable: false, reason });

export function categoryEligibility(service: ServiceCode, category: CategoryFacts, context: EligibilityContext): CategoryEligibility {
  const open = context.openApplications.find((a) => a.service === service);
  if (open) return no(`该证件已有正在办理的${findService(service)?.shortName ?? ''}申请（办件编号 ${open.applyNo}），办结前不能重复申请`);
  const state = deriveValidityState(category.status, category.validTo, context.today);
  if (state === 'CANCELLED') return no('该类别已注销');
  if (state === 'REVOKED') return no('该类别已被吊销');
  if (state === 'VOID') return no('该证件已作废');

  switch (service) {
    case 'INTEGRITY_ASSESSMENT': {
      if (!DRIVER_CATEGORIES.includes(category.code)) return no('诚信考核只适用于驾驶员类别');
      const cycle = lastEndedCycle(category.firstIssueDate, context.today);
      if (!cycle) return no('首个考核周期尚未届满，周期届满后方可申请诚信考核');
      if (category.assessedCycles.includes(cycle.number)) return no(`${cycle.start}至${cycle.end}考核周期已评级，下一周期届满后方可申请`);
      return { selectable: true, cycle, late: context.today > assessmentDueDate(cycle) };
    }
    case 'RENEW': {
      const { opensOn, closesOn } = renewalWindow(category.validTo);
      if (context.today < opensOn) return no(`证件有效期至 ${category.validTo}，到期前30日内方可申请换发（${opensOn} 起）`);
      if (context.today > closesOn) return no('证件过期已超过180日，不能换发，需重新申请从业资格');
      return { selectable: true };
    }
    case 'REISSUE':
    case 'CHANGE':
      if (state === 'EXPIRED' || state === 'LAPSED') return no(`证件已于 ${category.validTo} 过期，请先办理换发`);
      return { selectable: true };
    case 'CANCEL':
      return { selectable: true };
  }
}

export type CancellationScope = 'ALL' | 'PARTIAL';

/** 注销类型: 全部 takes every category still held; 部分 needs at least one and not all of them. */
export function cancellationProblem(scope: CancellationScope, selected: readonly CategoryCode[], held: readonly CategoryCode[]): string | undefined {
  if (scope === 'ALL') return held.length === 0 ? '该证件没有可注销的类别' : undefined;
  if (selected.length === 0) return '请至少勾选一个要注销的类别';
  if (selected.some((c) => !held.includes(c))) return '所选类别不在该证件上或已注销';
  if (selected.length === held.length) return '已勾选全部类别，请选择注销类型“全部”';
  return undefined;
}
