import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  APPLICATION_STATUSES,
  SERVICE_CODES,
  STAFF_ROLES,
  applicantMessage,
  caseAccess,
  deadlineStatus,
  decideGrade,
  decideStaffAction,
  queueOf,
  renewedValidity,
  statusesOf,
  QUEUES,
  type ApplicationAction,
  type ApplicationStatus,
  type AuthorityLevel,
  type ServiceCode,
  type StaffRole,
} from '../src/index';

const CASE_ACTIONS = ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION', 'START_REVIEW', 'APPROVE', 'DENY', 'GRADE', 'PRODUCE', 'READY_FOR_PICKUP', 'MAIL', 'COLLECT', 'COMPLETE'] as const satisfies readonly ApplicationAction[];

/**
 * An oracle written from issue 6's words, independently of the status machine's table: which role takes which step,
 * from which status, for which services.
 */
const STEP: Record<(typeof CASE_ACTIONS)[number], { role: StaffRole; from: (service: ServiceCode) => ApplicationStatus | undefined }> = {
  ACCEPT: { role: 'INTAKE', from: () => 'SUBMITTED' },
  REJECT: { role: 'INTAKE', from: () => 'SUBMITTED' },
  REQUEST_CORRECTION: { role: 'INTAKE', from: () => 'SUBMITTED' },
  START_REVIEW: { role: 'REVIEWER', from: () => 'ACCEPTED' },
  APPROVE: { role: 'REVIEWER', from: (s) => (s === 'INTEGRITY_ASSESSMENT' ? undefined : 'UNDER_REVIEW') },
  DENY: { role: 'REVIEWER', from: () => 'UNDER_REVIEW' },
  GRADE: { role: 'REVIEWER', from: (s) => (s === 'INTEGRITY_ASSESSMENT' ? 'UNDER_REVIEW' : undefined) },
  PRODUCE: { role: 'PRODUCER', from: (s) => (['REISSUE', 'RENEW', 'CHANGE'].includes(s) ? 'APPROVED' : undefined) },
  READY_FOR_PICKUP: { role: 'PRODUCER', from: (s) => (['REISSUE', 'RENEW', 'CHANGE'].includes(s) ? 'PRODUCING' : undefined) },
  MAIL: { role: 'PRODUCER', from: (s) => (['REISSUE', 'RENEW', 'CHANGE'].includes(s) ? 'PRODUCING' : undefined) },
  COLLECT: { role: 'PRODUCER', from: (s) => (['REISSUE', 'RENEW', 'CHANGE'].includes(s) ? 'AWAITING_PICKUP' : undefined) },
  COMPLETE: { role: 'PRODUCER', from: (s) => (s === 'CANCEL' ? 'APPROVED' : s === 'INTEGRITY_ASSESSMENT' ? undefined : 'MAILED') },
};

// A small authority tree: province 33 → cities 3301, 3302 → counties.
const TREE: Record<string, { level: AuthorityLevel; below: string[] }> = {
  '330000': { level: 'PROVINCE', below: ['330100', '330200', '330106', '330110', '330212'] },
  '330100': { level: 'CITY', below: ['330106', '330110'] },
  '330200': { level: 'CITY', below: ['330212'] },
  '330106': { level: 'COUNTY', below: [] },
  '330110': { level: 'COUNTY', below: [] },
  '330212': { level: 'COUNTY', below: [] },
};
const CODES = Object.keys(TREE);

function expected(staff: { authority: string; roles: StaffRole[] }, handling: string, service: ServiceCode, status: ApplicationStatus, action: (typeof CASE_ACTIONS)[number]) {
  const worksCases = staff.roles.some((r) => r !== 'AUDITOR');
  if (!worksCases || handling !== staff.authority) return 'NOT_FOUND';
  const step = STEP[action];
  const from = step.from(service);
  // COMPLETE for 注销 also belongs to the producer; everything else needs exactly the step's role.
  if (!staff.roles.includes(step.role) || !from) return 'NOT_FOUND';
  if (action === 'COMPLETE' && service !== 'CANCEL') return status === 'MAILED' ? 'ALLOWED' : 'WRONG_STATUS';
  return status === from ? 'ALLOWED' : 'WRONG_STATUS';
}

const staffArb = fc.record({ authority: fc.constantFrom(...CODES), roles: fc.subarray([...STAFF_ROLES], { minLength: 1 }) });

describe('case access (property)', () => {
  it('random staff × authority × role × service × status × action → the outcome issue 6 describes', () => {
    fc.assert(
      fc.property(staffArb, fc.constantFrom(...CODES), fc.constantFrom(...SERVICE_CODES), fc.constantFrom(...APPLICATION_STATUSES), fc.constantFrom(...CASE_ACTIONS), (staff, handling, service, status, action) => {
        const access = caseAccess({ authorityCode: staff.authority, authorityLevel: TREE[staff.authority]!.level, roles: staff.roles }, handling, new Set(TREE[staff.authority]!.below));
        assert.equal(decideStaffAction(access, staff.roles, service, status, action), expected(staff, handling, service, status, action));
      }),
      { numRuns: 5_000 },
    );
  });

  it('the province reads its subordinates read-only; a city or county sees nothing of another authority', () => {
    fc.assert(
      fc.property(staffArb, fc.constantFrom(...CODES), (staff, handling) => {
        const access = caseAccess({ authorityCode: staff.authority, authorityLevel: TREE[staff.authority]!.level, roles: staff.roles }, handling, new Set(TREE[staff.authority]!.below));
        const works = staff.roles.some((r) => r !== 'AUDITOR');
        const want = !works ? 'NONE' : handling === staff.authority ? 'ACT' : staff.authority === '330000' && TREE['330000']!.below.includes(handling) ? 'READ' : 'NONE';
        assert.equal(access, want);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('queues, deadlines, grading, messages', () => {
  it('puts every status of every service in at most one queue, and a queue holds exactly its statuses', () => {
    for (const service of SERVICE_CODES) {
      for (const status of APPLICATION_STATUSES) {
        const queue = queueOf(status, service);
        if (status === 'DRAFT') assert.equal(queue, undefined);
        else assert.ok(queue && statusesOf(queue).includes(status), `${service} ${status}`);
      }
    }
    assert.equal(queueOf('UNDER_REVIEW', 'INTEGRITY_ASSESSMENT'), 'TO_GRADE');
    assert.equal(queueOf('UNDER_REVIEW', 'RENEW'), 'IN_REVIEW');
    assert.equal(QUEUES.length, 7);
  });

  it('counts days left in working days: due soon on the last working day, overdue after', () => {
    // 2026-12-31 is a Thursday; 2027-01-01 a holiday, then a weekend.
    assert.deepEqual(deadlineStatus('2027-01-04', '2026-12-31'), { state: 'DUE_SOON', workingDaysLeft: 1 });
    assert.deepEqual(deadlineStatus('2027-01-05', '2026-12-31'), { state: 'ON_TIME', workingDaysLeft: 2 });
    assert.deepEqual(deadlineStatus('2026-12-31', '2026-12-31'), { state: 'DUE_SOON', workingDaysLeft: 0 });
    assert.deepEqual(deadlineStatus('2026-12-30', '2026-12-31'), { state: 'OVERDUE', workingDaysLeft: -1 });
  });

  it('suggests a grade from the points and wants a reason to choose another; B carries continuing education', () => {
    assert.deepEqual(decideGrade(8, 'AA', undefined), { grade: 'AA', suggested: 'AA', overridden: false, continuingEducationRequired: false });
    assert.deepEqual(decideGrade(8, 'AAA', ' '), { error: '所选等级与按计分建议的等级（AA）不同，请写明理由' });
    assert.deepEqual(decideGrade(8, 'AAA', '复议撤销'), { grade: 'AAA', suggested: 'AA', overridden: true, continuingEducationRequired: false });
    assert.equal((decideGrade(20, 'B', undefined) as { continuingEducationRequired: boolean }).continuingEducationRequired, true);
  });

  it('renews for 6 years from the issue date by default, or from the old expiry when configured', () => {
    assert.deepEqual(renewedValidity('2026-11-24', '2026-12-04'), { issueDate: '2026-11-24', validTo: '2032-11-24' });
    assert.deepEqual(renewedValidity('2026-11-24', '2026-12-04', 'OLD_EXPIRY'), { issueDate: '2026-11-24', validTo: '2032-12-04' });
    // Renewed after expiry, the old expiry is in the past: the new card counts from its issue date.
    assert.deepEqual(renewedValidity('2026-11-24', '2026-10-01', 'OLD_EXPIRY'), { issueDate: '2026-11-24', validTo: '2032-11-24' });
  });

  it('texts the applicant for 受理, 补正, 办结, 已评级 and 不予受理, in one SMS each', () => {
    const facts = { applyNo: '20261124000001', serviceName: '道路运输从业人员从业资格证换发', authorityName: '杭州市余杭区道路运输管理所', grade: 'AA（合格）', opinion: '材料不属于本机关受理范围' };
    const sms = (['ACCEPT', 'REQUEST_CORRECTION', 'COMPLETE', 'COLLECT', 'GRADE', 'REJECT'] as const).map((a) => applicantMessage(a, facts)!);
    assert.ok(sms.every((m) => m.sms && Array.from(`【运政通】${m.body}`).length <= 120));
    assert.equal(applicantMessage('START_REVIEW', facts)!.sms, false);
    assert.equal(applicantMessage('EVALUATE', facts), undefined);
  });
});
