import { addWorkingDays, workingDaysBetween } from '../calendar/working-days';
import type { LocalDate } from '../shared/local-date';
import type { ApplicationStatus } from '../application/status-machine';

/**
 * The clocks of a case (domain.md §4, 行政许可法 第三十二、四十二条), all in working days:
 * - after 提交 (and again after 补正 — the complete set restarts the clock) the authority has 5 days to accept or to
 *   tell all corrections at once;
 * - from 受理 the decision is due in 20 days by law; the authority promises fewer (承诺时限), and that promise is the
 *   due date its queues watch;
 * - a 补正 request gives the applicant a reply deadline (configurable; default 15 working days here, NOT CONFIRMED).
 */
export const ACCEPTANCE_WORKING_DAYS = 5;
export const DEFAULT_CORRECTION_REPLY_WORKING_DAYS = 15;
/** A case is "due soon" when no more than this many working days are left. */
export const DUE_SOON_WORKING_DAYS = 1;

export const acceptanceDeadline = (submittedOn: LocalDate) => addWorkingDays(submittedOn, ACCEPTANCE_WORKING_DAYS);

export type DeadlineState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Working days from today to the due date; negative once overdue. */
  workingDaysLeft: number;
}

export function deadlineStatus(dueDate: LocalDate, today: LocalDate): DeadlineStatus {
  const left = workingDaysBetween(today, dueDate);
  if (dueDate < today) return { state: 'OVERDUE', workingDaysLeft: left };
  return { state: left <= DUE_SOON_WORKING_DAYS ? 'DUE_SOON' : 'ON_TIME', workingDaysLeft: left };
}

export const deadlineStateNames: Record<DeadlineState, string> = { ON_TIME: '正常', DUE_SOON: '即将超期', OVERDUE: '已超期' };

/** The statuses in which the authority's clock runs: none once the case has left its hands. */
export const CLOCK_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'APPROVED', 'PRODUCING'];

export const clockRunsIn = (status: ApplicationStatus): boolean => CLOCK_STATUSES.includes(status);
