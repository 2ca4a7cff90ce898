import type { ServiceCode } from '../catalogue/services';
import type { StaffRole } from '../accounts/staff-roles';

/**
 * The application (办件) as an append-only action log (design.md §1, domain.md §12.1, §12.3): its status is folded
 * from the actions, and one typed table says which action may follow which status, who may take it, and where it
 * leads. An action the table does not allow is refused with the current status and the allowed actions.
 */
export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'WITHDRAWN',
  'CORRECTION_REQUIRED',
  'NOT_ACCEPTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'DENIED',
  'APPROVED',
  'RATED',
  'PRODUCING',
  'AWAITING_PICKUP',
  'MAILED',
  'COMPLETED',
  'CLOSED',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The names a citizen understands (issue 5); 审核通过/制证中/已关闭 complete the set for the back office. */
export const applicationStatusNames: Record<ApplicationStatus, string> = {
  DRAFT: '暂存',
  SUBMITTED: '已提交（待受理）',
  WITHDRAWN: '已撤回',
  CORRECTION_REQUIRED: '待补正',
  NOT_ACCEPTED: '不予受理',
  ACCEPTED: '已受理',
  UNDER_REVIEW: '审核中',
  DENIED: '不予许可',
  APPROVED: '审核通过',
  RATED: '已评级',
  PRODUCING: '制证中',
  AWAITING_PICKUP: '待领取',
  MAILED: '已寄出',
  COMPLETED: '已办结',
  CLOSED: '已关闭（逾期未补正）',
};

export const APPLICATION_ACTIONS = [
  'SUBMIT',
  'WITHDRAW',
  'REQUEST_CORRECTION',
  'RESUBMIT',
  'REJECT',
  'ACCEPT',
  'START_REVIEW',
  'APPROVE',
  'DENY',
  'GRADE',
  'PRODUCE',
  'READY_FOR_PICKUP',
  'MAIL',
  'COLLECT',
  'COMPLETE',
  'CLOSE',
  'EVALUATE',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const applicationActionNames: Record<ApplicationAction, string> = {
  SUBMIT: '提交申请',
  WITHDRAW: '撤回',
  REQUEST_CORRECTION: '补正告知',
  RESUBMIT: '补正后重新提交',
  REJECT: '不予受理',
  ACCEPT: '受理',
  START_REVIEW: '开始审核',
  APPROVE: '审核通过',
  DENY: '不予许可',
  GRADE: '评级',
  PRODUCE: '制证',
  READY_FOR_PICKUP: '通知领取',
  MAIL: '邮寄',
  COLLECT: '已领取',
  COMPLETE: '办结',
  CLOSE: '逾期未补正，关闭',
  EVALUATE: '好差评',
};

export type Actor = { kind: 'CITIZEN' } | { kind: 'STAFF'; roles: readonly StaffRole[] } | { kind: 'SYSTEM' };

interface Transition {
  to: ApplicationStatus | 'UNCHANGED';
  by: 'CITIZEN' | 'SYSTEM' | StaffRole;
  /** Limits the step to some services (e.g. 评级 for 诚信考核 only). */
  services?: readonly ServiceCode[];
}

const PRODUCED: readonly ServiceCode[] = ['REISSUE', 'RENEW', 'CHANGE'];

export const TRANSITIONS: Readonly<Partial<Record<ApplicationStatus, Partial<Record<ApplicationAction, Transition>>>>> = {
  DRAFT: { SUBMIT: { to: 'SUBMITTED', by: 'CITIZEN' } },
  SUBMITTED: {
    WITHDRAW: { to: 'WITHDRAWN', by: 'CITIZEN' },
    REQUEST_CORRECTION: { to: 'CORRECTION_REQUIRED', by: 'INTAKE' },
    REJECT: { to: 'NOT_ACCEPTED', by: 'INTAKE' },
    ACCEPT: { to: 'ACCEPTED', by: 'INTAKE' },
  },
  CORRECTION_REQUIRED: {
    RESUBMIT: { to: 'SUBMITTED', by: 'CITIZEN' },
    WITHDRAW: { to: 'WITHDRAWN', by: 'CITIZEN' },
    CLOSE: { to: 'CLOSED', by: 'SYSTEM' },
  },
  ACCEPTED: { START_REVIEW: { to: 'UNDER_REVIEW', by: 'REVIEWER' } },
  UNDER_REVIEW: {
    APPROVE: { to: 'APPROVED', by: 'REVIEWER', services: ['REISSUE', 'RENEW', 'CHANGE', 'CANCEL'] },
    DENY: { to: 'DENIED', by: 'REVIEWER' },
    GRADE: { to: 'RATED', by: 'REVIEWER', services: ['INTEGRITY_ASSESSMENT'] },
  },
  APPROVED: {
    PRODUCE: { to: 'PRODUCING', by: 'PRODUCER', services: PRODUCED },
    COMPLETE: { to: 'COMPLETED', by: 'PRODUCER', services: ['CANCEL'] },
  },
  PRODUCING: {
    READY_FOR_PICKUP: { to: 'AWAITING_PICKUP', by: 'PRODUCER', services: PRODUCED },
    MAIL: { to: 'MAILED', by: 'PRODUCER', services: PRODUCED },
  },
  AWAITING_PICKUP: { COLLECT: { to: 'COMPLETED', by: 'PRODUCER', services: PRODUCED } },
  MAILED: { COMPLETE: { to: 'COMPLETED', by: 'PRODUCER', services: PRODUCED } },
  COMPLETED: { EVALUATE: { to: 'UNCHANGED', by: 'CITIZEN' } },
  RATED: { EVALUATE: { to: 'UNCHANGED', by: 'CITIZEN' } },
};

/** Statuses after which nothing more happens to the case (an evaluation may still be attached). */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['WITHDRAWN', 'NOT_ACCEPTED', 'DENIED', 'RATED', 'COMPLETED', 'CLOSED'];

export function isOpen(status: ApplicationStatus): boolean {
  return status !== 'DRAFT' && !FINAL_STATUSES.includes(status);
}

function actorMay(actor: Actor, by: Transition['by']): boolean {
  if (by === 'CITIZEN' || by === 'SYSTEM') return actor.kind === by;
  return actor.kind === 'STAFF' && actor.roles.includes(by);
}

/** The actions this actor may take on an application of this service in this status. */
export function allowedActions(status: ApplicationStatus, service: ServiceCode, actor?: Actor): ApplicationAction[] {
  const row = TRANSITIONS[status] ?? {};
  return (Object.entries(row) as [ApplicationAction, Transition][])
    .filter(([, t]) => !t.services || t.services.includes(service))
    .filter(([, t]) => !actor || actorMay(actor, t.by))
    .map(([action]) => action);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly status: ApplicationStatus,
    readonly action: ApplicationAction,
    readonly allowed: ApplicationAction[],
  ) {
    super(`“${applicationActionNames[action]}” is not allowed while the application is ${status}`);
    this.name = 'IllegalTransitionError';
  }
}

/** Where the action leads; throws IllegalTransitionError when the table does not allow it for this actor. */
export function nextStatus(status: ApplicationStatus, service: ServiceCode, action: ApplicationAction, actor: Actor): ApplicationStatus {
  const transition = TRANSITIONS[status]?.[action];
  if (!transition || (transition.services && !transition.services.includes(service)) || !actorMay(actor, transition.by)) {
    throw new IllegalTransitionError(status, action, allowedActions(status, service, actor));
  }
  return transition.to === 'UNCHANGED' ? status : transition.to;
}

/** The status of an action log, replayed from 暂存; an impossible log throws. */
export function foldStatus(service: ServiceCode, log: readonly { action: ApplicationAction; actor: Actor }[]): ApplicationStatus {
  return log.reduce<ApplicationStatus>((status, entry) => nextStatus(status, service, entry.action, entry.actor), 'DRAFT');
}
