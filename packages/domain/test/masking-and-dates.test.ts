import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, addYears, ageOn, daysBetween, maskIdNumber, maskMobile, maskName, shanghaiDate } from '../src/index';

describe('masking (standards S10)', () => {
  it('keeps the first 3 and last 4 of an ID number', () => assert.equal(maskIdNumber('11010519491231002X'), '110***********002X'));
  it('keeps the first 3 and last 4 of a mobile number', () => assert.equal(maskMobile('13812345678'), '138****5678'));
  it('keeps only the surname', () => {
    assert.equal(maskName('张三丰'), '张**');
    assert.equal(maskName('李四'), '李*');
    assert.equal(maskName('王'), '*');
  });
  it('masks short values entirely', () => assert.equal(maskMobile('1234'), '****'));
});

describe('calendar dates', () => {
  it('adds years, clamping 29 February', () => {
    assert.equal(addYears('2016-03-04', 10), '2026-03-04');
    assert.equal(addYears('2016-02-29', 1), '2017-02-28');
  });
  it('adds months across years and month ends', () => {
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addMonths('2026-01-15', -2), '2025-11-15');
  });
  it('adds days and counts them', () => {
    assert.equal(addDays('2025-06-30', -30), '2025-05-31');
    assert.equal(addDays('2025-06-30', 180), '2025-12-27');
    assert.equal(daysBetween('2025-06-30', '2025-12-27'), 180);
  });
  it('computes age with the birthday counting', () => {
    assert.equal(ageOn('1965-03-10', '2025-03-09'), 59);
    assert.equal(ageOn('1965-03-10', '2025-03-10'), 60);
  });
  it('takes the date in Asia/Shanghai', () => assert.equal(shanghaiDate(new Date('2026-11-23T16:30:00Z')), '2026-11-24'));
});
