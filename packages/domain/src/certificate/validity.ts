import { addDays, addYears, daysBetween, type LocalDate } from '../shared/local-date';

/**
 * Validity of one category of a 从业资格证 (domain.md §3, §12.4): 6 years; 换发 from 30 days before expiry until
 * 180 days after; past that the card is cancelled (逾期) rather than renewed. Recorded statuses (注销, 吊销, 作废)
 * win over the dates.
 */
export const CERTIFICATE_RULES = {
  validityYears: 6,
  expiringSoonDays: 30,
  renewBeforeDays: 30,
  renewAfterDays: 180,
} as const;

export const RECORDED_STATUSES = ['VALID', 'CANCELLED', 'REVOKED', 'VOID'] as const;
export type RecordedStatus = (typeof RECORDED_STATUSES)[number];

export type ValidityState = 'VALID' | 'EXPIRING_SOON' | 'EXPIRED' | 'LAPSED' | 'CANCELLED' | 'REVOKED' | 'VOID';

export const validityStateNames: Record<ValidityState, string> = {
  VALID: '有效',
  EXPIRING_SOON: '即将到期',
  EXPIRED: '已过期',
  LAPSED: '已过期（超过180日）',
  CANCELLED: '已注销',
  REVOKED: '已吊销',
  VOID: '已作废',
};

export function deriveValidityState(status: RecordedStatus, validTo: LocalDate, today: LocalDate): ValidityState {
  if (status !== 'VALID') return status;
  const daysLeft = daysBetween(today, validTo);
  if (daysLeft < 0) return -daysLeft <= CERTIFICATE_RULES.renewAfterDays ? 'EXPIRED' : 'LAPSED';
  return daysLeft <= CERTIFICATE_RULES.expiringSoonDays ? 'EXPIRING_SOON' : 'VALID';
}

export interface RenewalWindow {
  opensOn: LocalDate;
  closesOn: LocalDate;
}

/** validTo − 30 days … validTo + 180 days, both ends included (validTo 2025-06-30 ⇒ 2025-05-31 … 2025-12-27). */
export function renewalWindow(validTo: LocalDate): RenewalWindow {
  return { opensOn: addDays(validTo, -CERTIFICATE_RULES.renewBeforeDays), closesOn: addDays(validTo, CERTIFICATE_RULES.renewAfterDays) };
}

export function isInRenewalWindow(validTo: LocalDate, today: LocalDate): boolean {
  const { opensOn, closesOn } = renewalWindow(validTo);
  return today >= opensOn && today <= closesOn;
}

/** What the holder can do next with this category, in words, for 我的证件. */
export function nextStepHint(status: RecordedStatus, validTo: LocalDate, today: LocalDate): string {
  const state = deriveValidityState(status, validTo, today);
  const { opensOn, closesOn } = renewalWindow(validTo);
  switch (state) {
    case 'VALID':
      return `证件有效期至 ${validTo}，${opensOn} 起可办理换发`;
    case 'EXPIRING_SOON':
      return `证件即将到期，可办理换发（${closesOn} 前）`;
    case 'EXPIRED':
      return `证件已过期，请在 ${closesOn} 前办理换发，逾期将被注销`;
    case 'LAPSED':
      return '证件过期已超过180日，不能再换发，将由管理部门注销，需重新申请从业资格';
    case 'CANCELLED':
      return '该类别已注销';
    case 'REVOKED':
      return '该类别已被吊销';
    case 'VOID':
      return '该证件已作废（已补发或换发新证）';
  }
}

/**
 * 换发 (domain.md §12.2): the new card is valid 6 years, counted from its issue date or from the old expiry — which
 * one is NOT CONFIRMED, so it is a setting (default: the issue date, as printed cards read 发证日期 + 6 年).
 */
export const RENEWAL_BASES = ['ISSUE_DATE', 'OLD_EXPIRY'] as const;
export type RenewalBasis = (typeof RENEWAL_BASES)[number];

export function renewedValidity(issueDate: LocalDate, oldValidTo: LocalDate, basis: RenewalBasis = 'ISSUE_DATE', years: number = CERTIFICATE_RULES.validityYears): { issueDate: LocalDate; validTo: LocalDate } {
  // Renewed early (before expiry) from the old expiry, the holder keeps the days they had left.
  const from = basis === 'OLD_EXPIRY' && oldValidTo > issueDate ? oldValidTo : issueDate;
  return { issueDate, validTo: addYears(from, years) };
}
