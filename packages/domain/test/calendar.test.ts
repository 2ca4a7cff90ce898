import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingDays, hasOfficialCalendar, isWorkingDay, workingDaysBetween } from '../src/index';

describe('working-day calendar (行政许可法 第八十二条)', () => {
  it('counts Monday to Friday as working days', () => {
    assert.equal(isWorkingDay('2026-11-24'), true); // Tuesday
    assert.equal(isWorkingDay('2026-11-28'), false); // Saturday
    assert.equal(isWorkingDay('2026-11-29'), false); // Sunday
  });
  it('takes official holidays out, including weekdays inside them', () => {
    assert.equal(isWorkingDay('2026-02-16'), false); // 春节, Monday
    assert.equal(isWorkingDay('2026-10-05'), false); // 国庆, Monday
    assert.equal(isWorkingDay('2025-10-08'), false); // 国庆中秋, Wednesday
  });
  it('puts 调休 weekend working days in', () => {
    assert.equal(isWorkingDay('2026-02-14'), true); // Saturday
    assert.equal(isWorkingDay('2026-09-20'), true); // Sunday
    assert.equal(isWorkingDay('2025-04-27'), true); // Sunday
  });
  it('adds 20 working days across the Spring Festival', () => {
    // Accepted Friday 2026-02-06: 5 days to 02-13, then 02-14 (调休 Sat), holiday 02-15 … 02-23, resume 02-24.
    assert.equal(addWorkingDays('2026-02-06', 5), '2026-02-13');
    assert.equal(addWorkingDays('2026-02-06', 6), '2026-02-14');
    assert.equal(addWorkingDays('2026-02-06', 7), '2026-02-24');
    assert.equal(addWorkingDays('2026-02-06', 20), '2026-03-12');
  });
  it('adds 20 working days in an ordinary month', () => assert.equal(addWorkingDays('2026-11-24', 20), '2026-12-22'));
  it('counts days left, negative when overdue', () => {
    assert.equal(workingDaysBetween('2026-11-24', '2026-12-22'), 20);
    assert.equal(workingDaysBetween('2026-12-22', '2026-11-24'), -20);
    assert.equal(workingDaysBetween('2026-11-24', '2026-11-24'), 0);
  });
  it('counts 2027 statutory days off before the State Council notice (春节 from 除夕 02-05, 国庆 3 days), without 调休', () => {
    for (const day of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01']) assert.equal(isWorkingDay(day), false, day);
    for (const day of ['2027-02-09', '2027-10-04', '2027-12-31']) assert.equal(isWorkingDay(day), true, day);
    // Accepted on Thursday 2027-02-04: 除夕 (Fri), the weekend and 初三 (Mon) are off → 02-09…02-12, then Monday 02-15.
    assert.equal(addWorkingDays('2027-02-04', 5), '2027-02-15');
  });
  it('knows which years have published data', () => {
    assert.equal(hasOfficialCalendar(2025), true);
    assert.equal(hasOfficialCalendar(2026), true);
    assert.equal(hasOfficialCalendar(2027), false);
  });
  it('takes another calendar when given one', () => assert.equal(isWorkingDay('2027-01-01', { 2027: { source: 'test', holidays: [['2027-01-01', '2027-01-01']], makeUpWorkdays: [] } }), false));
});
