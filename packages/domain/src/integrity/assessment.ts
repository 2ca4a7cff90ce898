import { addDays, addMonths, type LocalDate } from '../shared/local-date';

/**
 * Integrity assessment of drivers (诚信考核, domain.md §5): 12-month cycles from the first issue date, repeating on
 * its anniversaries; points per event 1/3/5/10/20; the grade from the cycle's total by a configurable rule table
 * (default 0 → AAA, 1–9 → AA, 10–19 → A, 20 and more → B).
 */
export const POINT_VALUES = [1, 3, 5, 10, 20] as const;
export type PointValue = (typeof POINT_VALUES)[number];

export const GRADES = ['AAA', 'AA', 'A', 'B'] as const;
export type Grade = (typeof GRADES)[number];

export const gradeNames: Record<Grade, string> = { AAA: 'AAA（优良）', AA: 'AA（合格）', A: 'A（基本合格）', B: 'B（不合格）' };

/** Ascending upper bounds; a total above the last bound is B. */
export type GradeRuleTable = readonly { maxPointsInclusive: number; grade: Exclude<Grade, 'B'> }[];

export const DEFAULT_GRADE_RULES: GradeRuleTable = [
  { maxPointsInclusive: 0, grade: 'AAA' },
  { maxPointsInclusive: 9, grade: 'AA' },
  { maxPointsInclusive: 19, grade: 'A' },
];

export function gradeFor(totalPoints: number, rules: GradeRuleTable = DEFAULT_GRADE_RULES): Grade {
  return rules.find((rule) => totalPoints <= rule.maxPointsInclusive)?.grade ?? 'B';
}

export interface AssessmentCycle {
  number: number;
  start: LocalDate;
  end: LocalDate;
}

/** Cycle n (from 1): first issue 2019-08-15 ⇒ cycle 1 = 2019-08-15 … 2020-08-14, cycle 5 = 2023-08-15 … 2024-08-14. */
export function assessmentCycle(firstIssueDate: LocalDate, number: number): AssessmentCycle {
  const start = addMonths(firstIssueDate, 12 * (number - 1));
  return { number, start, end: addDays(addMonths(firstIssueDate, 12 * number), -1) };
}

/** The cycle that contains `today`, or undefined before the first issue date. */
export function cycleContaining(firstIssueDate: LocalDate, today: LocalDate): AssessmentCycle | undefined {
  if (today < firstIssueDate) return undefined;
  let n = Math.max(1, Number(today.slice(0, 4)) - Number(firstIssueDate.slice(0, 4)));
  while (assessmentCycle(firstIssueDate, n).start > today) n--;
  while (assessmentCycle(firstIssueDate, n).end < today) n++;
  return assessmentCycle(firstIssueDate, n);
}

/** The most recent cycle that has ended (the one a driver can apply to have assessed), if any. */
export function lastEndedCycle(firstIssueDate: LocalDate, today: LocalDate): AssessmentCycle | undefined {
  const current = cycleContaining(firstIssueDate, today);
  if (!current || current.number === 1) return undefined;
  return assessmentCycle(firstIssueDate, current.number - 1);
}

/** Grades are traditionally endorsed within 20 days after the cycle ends; later filings are flagged late. */
export const ASSESSMENT_DUE_DAYS = 20;
export function assessmentDueDate(cycle: AssessmentCycle): LocalDate {
  return addDays(cycle.end, ASSESSMENT_DUE_DAYS);
}

export interface PointRecordLike {
  occurredOn: LocalDate;
  points: number;
  status: 'VALID' | 'REVOKED';
}

/** The cycle's total: valid records dated inside it (revoked ones, e.g. after an appeal, do not count). */
export function totalPointsIn(cycle: AssessmentCycle, records: readonly PointRecordLike[]): number {
  return records.filter((r) => r.status === 'VALID' && r.occurredOn >= cycle.start && r.occurredOn <= cycle.end).reduce((sum, r) => sum + r.points, 0);
}
