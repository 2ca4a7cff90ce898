/**
 * Business dates are calendar dates in Asia/Shanghai, written `YYYY-MM-DD`.
 * Plain strings keep them free of time zones; these helpers do the little arithmetic the rules need.
 */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDateParts({ year, month, day }: DateParts): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function toLocalDate({ year, month, day }: DateParts): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD`; undefined for anything that is not a real calendar date. */
export function parseLocalDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidDateParts(parts) ? parts : undefined;
}

export function isLocalDate(text: string): boolean {
  return parseLocalDate(text) !== undefined;
}

function mustParse(date: LocalDate): DateParts {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  return parts;
}

/** Adds whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const { year, month, day } = mustParse(date);
  const targetYear = year + years;
  return toLocalDate({ year: targetYear, month, day: Math.min(day, daysInMonth(targetYear, month)) });
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return toLocalDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = mustParse(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return toLocalDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = mustParse(from);
  const b = mustParse(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Completed years of age on `on` for someone born on `birth` (the day of the birthday counts). */
export function ageOn(birth: LocalDate, on: LocalDate): number {
  const b = mustParse(birth);
  const d = mustParse(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** Today's calendar date in Asia/Shanghai (UTC+8, no daylight saving) for an instant. */
/** The first instant of a Beijing calendar day (UTC+8, no daylight saving), for queries over timestamps. */
export const shanghaiDayStart = (date: LocalDate): Date => new Date(`${date}T00:00:00+08:00`);
/** The first instant of the next Beijing day: a day's timestamps are [start, end). */
export const shanghaiDayEnd = (date: LocalDate): Date => new Date(shanghaiDayStart(date).getTime() + 86_400_000);

export function shanghaiDate(instant: Date): LocalDate {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return toLocalDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}
