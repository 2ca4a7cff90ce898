import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LONG_TERM, checkIdCardValidity, expectedValidTo, idCardValidityMessages, validityBandForAge } from '../src/index';

const TODAY = '2026-11-24';

function check(birthDate: string, validFrom: string, validTo: string, today = TODAY) {
  const result = checkIdCardValidity({ birthDate, validFrom, validTo, today });
  return result.ok ? result.value : result.problem;
}

describe('ID-card validity by age at issue (居民身份证法 第五条)', () => {
  it('maps each age band', () => {
    assert.equal(validityBandForAge(0), 5);
    assert.equal(validityBandForAge(15), 5);
    assert.equal(validityBandForAge(16), 10);
    assert.equal(validityBandForAge(25), 10);
    assert.equal(validityBandForAge(26), 20);
    assert.equal(validityBandForAge(45), 20);
    assert.equal(validityBandForAge(46), LONG_TERM);
    assert.equal(validityBandForAge(90), LONG_TERM);
  });

  it('computes the expected end date (2016-03-04 + 10 years → 2026-03-04)', () => {
    assert.equal(expectedValidTo('1995-06-01', '2016-03-04'), '2026-03-04');
    assert.equal(expectedValidTo('1960-06-01', '2016-03-04'), LONG_TERM);
  });

  it('accepts a 5-year card issued under 16', () => assert.deepEqual(check('2012-05-01', '2024-05-10', '2029-05-10'), { band: 5, validTo: '2029-05-10' }));
  it('accepts a 10-year card issued at 16 (birthday on the issue date)', () => assert.deepEqual(check('2008-01-10', '2024-01-10', '2034-01-10'), { band: 10, validTo: '2034-01-10' }));
  it('accepts a 20-year card issued at 26', () => assert.deepEqual(check('1990-03-01', '2016-03-01', '2036-03-01'), { band: 20, validTo: '2036-03-01' }));
  it('accepts 长期 issued at 46 or over', () => assert.deepEqual(check('1970-01-01', '2016-01-01', LONG_TERM), { band: LONG_TERM, validTo: LONG_TERM }));

  it('uses the age on the issue date, not today (the day before the 16th birthday is still 5 years)', () => {
    assert.equal(check('2008-01-10', '2024-01-09', '2034-01-09'), 'TERM_MISMATCH');
    assert.deepEqual(check('2008-01-10', '2024-01-09', '2029-01-09'), { band: 5, validTo: '2029-01-09' });
  });
  it('rejects a term that does not match the age', () => assert.equal(check('1990-03-01', '2016-03-01', '2026-03-01'), 'TERM_MISMATCH'));
  it('rejects an end date with another day of the month', () => assert.equal(check('1990-03-01', '2016-03-01', '2036-03-02'), 'TERM_MISMATCH'));
  it('accepts 28 February or 1 March for a card issued on 29 February', () => {
    assert.deepEqual(check('1995-01-01', '2016-02-29', '2026-02-28', '2026-01-01'), { band: 10, validTo: '2026-02-28' });
    assert.deepEqual(check('1995-01-01', '2016-02-29', '2026-03-01', '2026-01-01'), { band: 10, validTo: '2026-03-01' });
  });
  it('rejects 长期 for someone under 46 at issue', () => assert.equal(check('1990-03-01', '2016-03-01', LONG_TERM), 'LONG_TERM_TOO_YOUNG'));
  it('rejects an end date for someone 46 or over at issue', () => assert.equal(check('1960-03-01', '2016-03-01', '2036-03-01'), 'LONG_TERM_EXPECTED'));
  it('rejects an expired card', () => assert.equal(check('1980-03-01', '2005-03-01', '2015-03-01'), 'EXPIRED'));
  it('accepts a card whose last day is today', () => assert.deepEqual(check('1980-03-01', '2006-11-24', '2026-11-24'), { band: 20, validTo: '2026-11-24' }));
  it('rejects a temporary card (3 months)', () => assert.equal(check('1990-03-01', '2026-10-01', '2027-01-01'), 'TEMPORARY_CARD'));
  it('rejects an issue date before 1984', () => assert.equal(check('1930-03-01', '1983-12-31', LONG_TERM), 'VALID_FROM_TOO_EARLY'));
  it('rejects an issue date before birth', () => assert.equal(check('2012-05-01', '2012-04-01', '2017-04-01'), 'VALID_FROM_BEFORE_BIRTH'));
  it('rejects an issue date in the future', () => assert.equal(check('1990-03-01', '2026-11-25', '2046-11-25'), 'VALID_FROM_IN_FUTURE'));
  it('rejects dates that are not calendar dates', () => {
    assert.equal(check('1990-03-01', '2016-02-30', '2036-02-30'), 'VALID_FROM_INVALID');
    assert.equal(check('1990-03-01', '2016-03-01', '2036/03/01'), 'VALID_TO_INVALID');
  });
  it('rejects an end date not after the start', () => assert.equal(check('1990-03-01', '2016-03-01', '2016-03-01'), 'VALID_TO_NOT_AFTER_FROM'));
  it('has a zh-CN message for every problem', () => assert.equal(Object.keys(idCardValidityMessages).length, 11));
});
