import { fail, ok, type Result } from '../shared/result';
import { isValidDateParts, toLocalDate, type LocalDate } from '../shared/local-date';
import { matchRegion, type RegionMatch } from './regions';

/**
 * The resident ID number of GB 11643-1999 (公民身份号码):
 * 6-digit address code + 8-digit birth date + 3-digit sequence (odd: male, even: female) + check character,
 * the check character being ISO 7064 MOD 11-2 over the first 17 digits.
 */
export interface ResidentIdNumber {
  /** 18 characters, check character upper-case. */
  number: string;
  addressCode: string;
  region: RegionMatch;
  birthDate: LocalDate;
  sex: 'M' | 'F';
}

export type IdNumberProblem =
  | 'EMPTY'
  | 'FIFTEEN_DIGITS'
  | 'LENGTH'
  | 'CHARACTERS'
  | 'ADDRESS_CODE'
  | 'BIRTH_DATE'
  | 'BIRTH_DATE_IN_FUTURE'
  | 'CHECK_CHARACTER';

export const idNumberMessages: Record<IdNumberProblem, string> = {
  EMPTY: '请输入身份证号',
  FIFTEEN_DIGITS: '15位身份证号已停止使用，请输入18位身份证号',
  LENGTH: '身份证号应为18位',
  CHARACTERS: '身份证号前17位应为数字，最后一位为数字或X',
  ADDRESS_CODE: '身份证号前6位不是有效的行政区划代码',
  BIRTH_DATE: '身份证号第7至14位不是有效的出生日期',
  BIRTH_DATE_IN_FUTURE: '身份证号中的出生日期晚于今天',
  CHECK_CHARACTER: '身份证号校验位不正确，请核对后重新输入',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
/** The oldest birth year the standard's own examples use (440524188001010014). */
const EARLIEST_BIRTH_YEAR = 1800;

/** The MOD 11-2 check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** Checks a typed ID number; spaces are ignored and a lower-case x is accepted (stored as X). */
export function parseResidentIdNumber(input: string, today: LocalDate): Result<ResidentIdNumber, IdNumberProblem> {
  const number = input.replace(/\s+/g, '').toUpperCase();
  if (number.length === 0) return fail('EMPTY');
  if (/^\d{15}$/.test(number)) return fail('FIFTEEN_DIGITS');
  if (number.length !== 18) return fail('LENGTH');
  if (!/^\d{17}[\dX]$/.test(number)) return fail('CHARACTERS');

  const addressCode = number.slice(0, 6);
  const region = matchRegion(addressCode);
  if (!region) return fail('ADDRESS_CODE');

  const parts = { year: Number(number.slice(6, 10)), month: Number(number.slice(10, 12)), day: Number(number.slice(12, 14)) };
  if (parts.year < EARLIEST_BIRTH_YEAR || !isValidDateParts(parts)) return fail('BIRTH_DATE');
  const birthDate = toLocalDate(parts);
  if (birthDate > today) return fail('BIRTH_DATE_IN_FUTURE');

  if (idCheckCharacter(number.slice(0, 17)) !== number[17]) return fail('CHECK_CHARACTER');

  const sequence = Number(number.slice(14, 17));
  return ok({ number, addressCode, region, birthDate, sex: sequence % 2 === 1 ? 'M' : 'F' });
}
