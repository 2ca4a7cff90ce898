import { fail, ok, type Result } from '../shared/result';
import { addMonths, addYears, ageOn, isLocalDate, type LocalDate } from '../shared/local-date';

/**
 * The validity period printed on a resident ID card (居民身份证法 第五条): by age on the issue date,
 * under 16 → 5 years, 16–25 → 10 years, 26–45 → 20 years, 46 and over → 长期 (no end date).
 * The end date has the issue date's month and day (2016-03-04 → 2026-03-04).
 */
export const LONG_TERM = 'LONG_TERM' as const;
export type IdCardValidTo = LocalDate | typeof LONG_TERM;

export type ValidityBand = 5 | 10 | 20 | typeof LONG_TERM;

export interface IdCardValidityInput {
  birthDate: LocalDate;
  validFrom: string;
  validTo: string;
  today: LocalDate;
}

export type IdCardValidityProblem =
  | 'VALID_FROM_INVALID'
  | 'VALID_FROM_TOO_EARLY'
  | 'VALID_FROM_BEFORE_BIRTH'
  | 'VALID_FROM_IN_FUTURE'
  | 'VALID_TO_INVALID'
  | 'VALID_TO_NOT_AFTER_FROM'
  | 'TEMPORARY_CARD'
  | 'LONG_TERM_TOO_YOUNG'
  | 'LONG_TERM_EXPECTED'
  | 'TERM_MISMATCH'
  | 'EXPIRED';

export const idCardValidityMessages: Record<IdCardValidityProblem, string> = {
  VALID_FROM_INVALID: '有效起始日期不是有效的日期',
  VALID_FROM_TOO_EARLY: '有效起始日期不能早于1984年1月1日',
  VALID_FROM_BEFORE_BIRTH: '有效起始日期早于身份证号中的出生日期',
  VALID_FROM_IN_FUTURE: '有效起始日期不能晚于今天',
  VALID_TO_INVALID: '有效截止日期不是有效的日期，长期有效的身份证请选择“长期”',
  VALID_TO_NOT_AFTER_FROM: '有效截止日期应晚于有效起始日期',
  TEMPORARY_CARD: '临时居民身份证不能用于实名认证，请使用居民身份证',
  LONG_TERM_TOO_YOUNG: '签发时未满46周岁的身份证不是长期有效，请填写证件上的有效截止日期',
  LONG_TERM_EXPECTED: '签发时已满46周岁的身份证为长期有效，有效截止日期请选择“长期”',
  TERM_MISMATCH: '有效期限与签发时的年龄不符，请核对证件背面的有效期限',
  EXPIRED: '身份证已过有效期，请使用有效的身份证',
};

/** ID cards of the current series were first issued in 1984. */
export const EARLIEST_VALID_FROM: LocalDate = '1984-01-01';

/** The validity band the law sets for someone of this age on the issue date. */
export function validityBandForAge(ageAtIssue: number): ValidityBand {
  if (ageAtIssue < 16) return 5;
  if (ageAtIssue <= 25) return 10;
  if (ageAtIssue <= 45) return 20;
  return LONG_TERM;
}

/** The end date the law gives a card issued on `validFrom` to someone born on `birthDate`. */
export function expectedValidTo(birthDate: LocalDate, validFrom: LocalDate): IdCardValidTo {
  const band = validityBandForAge(ageOn(birthDate, validFrom));
  return band === LONG_TERM ? LONG_TERM : addYears(validFrom, band);
}

/** True where the end date is the issue date plus the band, allowing 1 March for a card issued on 29 February. */
function endMatchesBand(validFrom: LocalDate, validTo: LocalDate, years: number): boolean {
  if (addYears(validFrom, years) === validTo) return true;
  return validFrom.endsWith('-02-29') && validTo === `${Number(validFrom.slice(0, 4)) + years}-03-01`;
}

/** Local checks on the dates a person types from the back of the card, before asking the registry. */
export function checkIdCardValidity(input: IdCardValidityInput): Result<{ band: ValidityBand; validTo: IdCardValidTo }, IdCardValidityProblem> {
  const { birthDate, validFrom, validTo, today } = input;
  if (!isLocalDate(validFrom)) return fail('VALID_FROM_INVALID');
  if (validFrom < EARLIEST_VALID_FROM) return fail('VALID_FROM_TOO_EARLY');
  if (validFrom < birthDate) return fail('VALID_FROM_BEFORE_BIRTH');
  if (validFrom > today) return fail('VALID_FROM_IN_FUTURE');

  const band = validityBandForAge(ageOn(birthDate, validFrom));
  if (validTo === LONG_TERM) {
    if (band !== LONG_TERM) return fail('LONG_TERM_TOO_YOUNG');
    return ok({ band, validTo: LONG_TERM });
  }
  if (!isLocalDate(validTo)) return fail('VALID_TO_INVALID');
  if (validTo <= validFrom) return fail('VALID_TO_NOT_AFTER_FROM');
  // A 临时居民身份证 is valid for three months; nothing else is that short.
  if (validTo <= addMonths(validFrom, 3)) return fail('TEMPORARY_CARD');
  if (band === LONG_TERM) return fail('LONG_TERM_EXPECTED');
  if (!endMatchesBand(validFrom, validTo, band)) return fail('TERM_MISMATCH');
  if (validTo < today) return fail('EXPIRED');
  return ok({ band, validTo });
}
