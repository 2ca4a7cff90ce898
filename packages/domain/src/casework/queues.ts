import type { ServiceCode } from '../catalogue/services';
import { FINAL_STATUSES, type ApplicationStatus } from '../application/status-machine';

/**
 * The back office's work queues (issue 6): each open status belongs to exactly one queue, so the counts add up.
 * 诚信考核 goes to 待评级 rather than 审核中 from 受理 on, since its review ends in a grade, not a permit.
 */
export const QUEUES = ['TO_ACCEPT', 'AWAITING_CORRECTION', 'IN_REVIEW', 'TO_GRADE', 'TO_PRODUCE', 'TO_ISSUE', 'DONE'] as const;
export type QueueCode = (typeof QUEUES)[number];

/** Cross-queue views by deadline. */
export const DEADLINE_VIEWS = ['DUE_SOON', 'OVERDUE'] as const;
export type DeadlineView = (typeof DEADLINE_VIEWS)[number];

export const queueNames: Record<QueueCode | DeadlineView, string> = {
  TO_ACCEPT: '待受理',
  AWAITING_CORRECTION: '待补正',
  IN_REVIEW: '审核中',
  TO_GRADE: '待评级',
  TO_PRODUCE: '待制证',
  TO_ISSUE: '待发证/待邮寄',
  DONE: '已办结',
  DUE_SOON: '即将超期',
  OVERDUE: '已超期',
};

export function queueOf(status: ApplicationStatus, service: ServiceCode): QueueCode | undefined {
  switch (status) {
    case 'SUBMITTED':
      return 'TO_ACCEPT';
    case 'CORRECTION_REQUIRED':
      return 'AWAITING_CORRECTION';
    case 'ACCEPTED':
    case 'UNDER_REVIEW':
      return service === 'INTEGRITY_ASSESSMENT' ? 'TO_GRADE' : 'IN_REVIEW';
    case 'APPROVED':
      return 'TO_PRODUCE';
    case 'PRODUCING':
    case 'AWAITING_PICKUP':
    case 'MAILED':
      return 'TO_ISSUE';
    default:
      return FINAL_STATUSES.includes(status) ? 'DONE' : undefined;
  }
}

/** The statuses a queue holds, for a query (the service split of 审核中/待评级 is applied beside it). */
export function statusesOf(queue: QueueCode): ApplicationStatus[] {
  switch (queue) {
    case 'TO_ACCEPT':
      return ['SUBMITTED'];
    case 'AWAITING_CORRECTION':
      return ['CORRECTION_REQUIRED'];
    case 'IN_REVIEW':
    case 'TO_GRADE':
      return ['ACCEPTED', 'UNDER_REVIEW'];
    case 'TO_PRODUCE':
      return ['APPROVED'];
    case 'TO_ISSUE':
      return ['PRODUCING', 'AWAITING_PICKUP', 'MAILED'];
    case 'DONE':
      return [...FINAL_STATUSES];
  }
}
