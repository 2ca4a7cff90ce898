import { addDays, parseLocalDate, type LocalDate } from '../shared/local-date';
import { OFFICIAL_CALENDAR, type OfficialYear } from './official-holidays';

/**
 * Working days (工作日) for the legal deadlines (行政许可法 第八十二条): Monday to Friday, except official holidays,
 * plus the weekend days declared working days (调休).
 */
function weekday(date: LocalDate): number {
  const p = parseLocalDate(date);
  if (!p) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

function yearOf(date: LocalDate, calendar: Readonly<Record<number, OfficialYear>>): OfficialYear | undefined {
  return calendar[Number(date.slice(0, 4))];
}

/** True when the year's State Council notice is in the data (a provisional year has the statutory days only). */
export function hasOfficialCalendar(year: number, calendar = OFFICIAL_CALENDAR): boolean {
  return calendar[year] !== undefined && !calendar[year].provisional;
}

export function isWorkingDay(date: LocalDate, calendar = OFFICIAL_CALENDAR): boolean {
  const year = yearOf(date, calendar);
  if (year?.makeUpWorkdays.includes(date)) return true;
  if (year?.holidays.some(([from, to]) => date >= from && date <= to)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The date `count` working days after `start` (the start day itself not counted): a deadline of 20 working days
 * from an acceptance on `start`. A start on a non-working day counts from the next working day.
 */
export function addWorkingDays(start: LocalDate, count: number, calendar = OFFICIAL_CALENDAR): LocalDate {
  let date = start;
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier (overdue). */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar = OFFICIAL_CALENDAR): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date, calendar)) count++;
  return count;
}
