import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  assessmentCycle,
  assessmentDueDate,
  checkUscc,
  cycleContaining,
  deriveValidityState,
  gradeFor,
  isInRenewalWindow,
  lastEndedCycle,
  nextStepHint,
  renewalWindow,
  totalPointsIn,
  usccCheckCharacter,
} from '../src/index';

const VALID_TO = '2025-06-30';
const day = (offset: number) => addDays(VALID_TO, offset);

describe('certificate validity state (domain.md §12.4)', () => {
  it('is 有效 more than 30 days before expiry', () => assert.equal(deriveValidityState('VALID', VALID_TO, day(-31)), 'VALID'));
  it('is 即将到期 from 30 days before expiry to the last day', () => {
    assert.equal(deriveValidityState('VALID', VALID_TO, day(-30)), 'EXPIRING_SOON');
    assert.equal(deriveValidityState('VALID', VALID_TO, day(0)), 'EXPIRING_SOON');
  });
  it('is 已过期 (renewable) up to 180 days after, then lapsed', () => {
    assert.equal(deriveValidityState('VALID', VALID_TO, day(1)), 'EXPIRED');
    assert.equal(deriveValidityState('VALID', VALID_TO, day(180)), 'EXPIRED');
    assert.equal(deriveValidityState('VALID', VALID_TO, day(181)), 'LAPSED');
  });
  it('lets a recorded status win over the dates', () => {
    assert.equal(deriveValidityState('CANCELLED', VALID_TO, day(-100)), 'CANCELLED');
    assert.equal(deriveValidityState('REVOKED', VALID_TO, day(-100)), 'REVOKED');
    assert.equal(deriveValidityState('VOID', VALID_TO, day(-100)), 'VOID');
  });
});

describe('renewal window (−30 … +180 days)', () => {
  it('matches the test vector of domain.md §14', () => assert.deepEqual(renewalWindow(VALID_TO), { opensOn: '2025-05-31', closesOn: '2025-12-27' }));
  for (const [offset, open] of [[-31, false], [-30, true], [0, true], [180, true], [181, false]] as const) {
    it(`is ${open ? 'open' : 'closed'} at ${offset} days`, () => assert.equal(isInRenewalWindow(VALID_TO, day(offset)), open));
  }
  it('tells the holder what to do next', () => {
    assert.equal(nextStepHint('VALID', VALID_TO, day(-60)), '证件有效期至 2025-06-30，2025-05-31 起可办理换发');
    assert.match(nextStepHint('VALID', VALID_TO, day(-10)), /可办理换发/);
    assert.match(nextStepHint('VALID', VALID_TO, day(30)), /2025-12-27 前办理换发/);
    assert.match(nextStepHint('VALID', VALID_TO, day(200)), /不能再换发/);
  });
});

describe('integrity assessment cycles and grades (domain.md §5)', () => {
  it('computes 12-month cycles from the first issue date', () => {
    assert.deepEqual(assessmentCycle('2019-08-15', 1), { number: 1, start: '2019-08-15', end: '2020-08-14' });
    assert.deepEqual(assessmentCycle('2019-08-15', 5), { number: 5, start: '2023-08-15', end: '2024-08-14' });
  });
  it('finds the cycle containing a day, on both sides of an anniversary', () => {
    assert.equal(cycleContaining('2019-08-15', '2024-08-14')!.number, 5);
    assert.equal(cycleContaining('2019-08-15', '2024-08-15')!.number, 6);
    assert.equal(cycleContaining('2019-08-15', '2019-08-15')!.number, 1);
    assert.equal(cycleContaining('2019-08-15', '2019-08-14'), undefined);
  });
  it('gives the last ended cycle, fileable from the day after it ends', () => {
    assert.equal(lastEndedCycle('2019-08-15', '2024-08-14')!.number, 4);
    assert.equal(lastEndedCycle('2019-08-15', '2024-08-15')!.number, 5);
    assert.equal(lastEndedCycle('2019-08-15', '2020-01-01'), undefined);
  });
  it('recommends filing within 20 days of the cycle end', () => assert.equal(assessmentDueDate(assessmentCycle('2019-08-15', 5)), '2024-09-03'));
  it('handles a first issue on 29 February', () => assert.deepEqual(assessmentCycle('2016-02-29', 2), { number: 2, start: '2017-02-28', end: '2018-02-27' }));
  it('grades by the default rule table', () => {
    assert.deepEqual([0, 1, 9, 10, 19, 20, 45].map((p) => gradeFor(p)), ['AAA', 'AA', 'AA', 'A', 'A', 'B', 'B']);
  });
  it('takes another rule table when a province configures one', () => assert.equal(gradeFor(5, [{ maxPointsInclusive: 5, grade: 'AAA' }]), 'AAA'));
  it('counts only valid points dated inside the cycle', () => {
    const cycle = assessmentCycle('2019-08-15', 5);
    const total = totalPointsIn(cycle, [
      { occurredOn: '2023-08-15', points: 3, status: 'VALID' },
      { occurredOn: '2024-08-14', points: 5, status: 'VALID' },
      { occurredOn: '2024-08-15', points: 10, status: 'VALID' },
      { occurredOn: '2024-01-01', points: 20, status: 'REVOKED' },
    ]);
    assert.equal(total, 8);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts a code with the right check character', () => {
    const first17 = '91330106MA2AXXXX1'.replace(/X/g, '0');
    assert.equal(checkUscc(first17 + usccCheckCharacter(first17)), undefined);
    assert.equal(checkUscc('91350100M000100Y43'), undefined);
  });
  it('rejects wrong length, forbidden letters and a wrong check character', () => {
    assert.equal(checkUscc('91350100M000100Y4'), 'LENGTH');
    assert.equal(checkUscc('91350100M000100I43'), 'CHARACTERS');
    assert.equal(checkUscc('91350100M000100Y44'), 'CHECK_CHARACTER');
  });
});
