import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPLICATION_STATUSES,
  IllegalTransitionError,
  allowedActions,
  applicationStatusNames,
  cancellationProblem,
  categoryEligibility,
  foldStatus,
  isOpen,
  nextStatus,
  type Actor,
  type CategoryFacts,
} from '../src/index';

const citizen: Actor = { kind: 'CITIZEN' };
const intake: Actor = { kind: 'STAFF', roles: ['INTAKE'] };
const reviewer: Actor = { kind: 'STAFF', roles: ['REVIEWER'] };
const producer: Actor = { kind: 'STAFF', roles: ['PRODUCER'] };

describe('application status machine (domain.md §12)', () => {
  it('walks 补发 from 暂存 to 已办结 by mail', () => {
    const log = [
      { action: 'SUBMIT', actor: citizen },
      { action: 'ACCEPT', actor: intake },
      { action: 'START_REVIEW', actor: reviewer },
      { action: 'APPROVE', actor: reviewer },
      { action: 'PRODUCE', actor: producer },
      { action: 'MAIL', actor: producer },
      { action: 'COMPLETE', actor: producer },
      { action: 'EVALUATE', actor: citizen },
    ] as const;
    assert.equal(foldStatus('REISSUE', log), 'COMPLETED');
  });
  it('walks 诚信考核 to 已评级', () => {
    assert.equal(
      foldStatus('INTEGRITY_ASSESSMENT', [
        { action: 'SUBMIT', actor: citizen },
        { action: 'ACCEPT', actor: intake },
        { action: 'START_REVIEW', actor: reviewer },
        { action: 'GRADE', actor: reviewer },
      ]),
      'RATED',
    );
  });
  it('lets 注销 complete right after approval, with no card to produce', () => {
    assert.deepEqual(allowedActions('APPROVED', 'CANCEL'), ['COMPLETE']);
    assert.deepEqual(allowedActions('APPROVED', 'RENEW'), ['PRODUCE']);
  });
  it('sends a 补正 back to the queue when the applicant resubmits', () => {
    assert.equal(foldStatus('RENEW', [{ action: 'SUBMIT', actor: citizen }, { action: 'REQUEST_CORRECTION', actor: intake }, { action: 'RESUBMIT', actor: citizen }]), 'SUBMITTED');
  });
  it('allows withdrawal before acceptance only', () => {
    assert.equal(nextStatus('SUBMITTED', 'RENEW', 'WITHDRAW', citizen), 'WITHDRAWN');
    assert.throws(() => nextStatus('ACCEPTED', 'RENEW', 'WITHDRAW', citizen), IllegalTransitionError);
  });
  it('keeps each step to its actor', () => {
    assert.throws(() => nextStatus('SUBMITTED', 'RENEW', 'ACCEPT', citizen), IllegalTransitionError);
    assert.throws(() => nextStatus('SUBMITTED', 'RENEW', 'ACCEPT', reviewer), IllegalTransitionError);
    assert.deepEqual(allowedActions('SUBMITTED', 'RENEW', citizen), ['WITHDRAW']);
    assert.deepEqual(allowedActions('SUBMITTED', 'RENEW', intake).sort(), ['ACCEPT', 'REJECT', 'REQUEST_CORRECTION']);
  });
  it('refuses grading outside 诚信考核 and approval inside it', () => {
    assert.throws(() => nextStatus('UNDER_REVIEW', 'RENEW', 'GRADE', reviewer), IllegalTransitionError);
    assert.throws(() => nextStatus('UNDER_REVIEW', 'INTEGRITY_ASSESSMENT', 'APPROVE', reviewer), IllegalTransitionError);
  });
  it('reports the allowed actions with a refusal', () => {
    try {
      nextStatus('COMPLETED', 'RENEW', 'MAIL', producer);
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(error instanceof IllegalTransitionError);
      assert.deepEqual(error.allowed, []);
    }
  });
  it('names every status in Chinese and tells open from final', () => {
    for (const s of APPLICATION_STATUSES) assert.match(applicationStatusNames[s], /[\u4e00-\u9fff]/);
    assert.equal(isOpen('SUBMITTED'), true);
    assert.equal(isOpen('CORRECTION_REQUIRED'), true);
    assert.equal(isOpen('COMPLETED'), false);
    assert.equal(isOpen('DRAFT'), false);
  });
});

/** A freight-driver category first issued 2019-11-20 (cycle 7 ended 2026-11-19), valid to 2029-03-01. */
const freight = (overrides: Partial<CategoryFacts> = {}): CategoryFacts => ({ code: 'FREIGHT_DRIVER', status: 'VALID', validTo: '2029-03-01', firstIssueDate: '2019-11-20', assessedCycles: [], ...overrides });

describe('eligibility per certificate category (domain.md §12.2, §12.3)', () => {
  const today = '2026-11-24';
  const context = { today, openApplications: [] };

  it('opens 换发 from 30 days before expiry to 180 days after, and says when otherwise', () => {
    assert.deepEqual(categoryEligibility('RENEW', freight({ validTo: '2027-03-01' }), context), { selectable: false, reason: '证件有效期至 2027-03-01，到期前30日内方可申请换发（2027-01-30 起）' });
    assert.deepEqual(categoryEligibility('RENEW', freight({ validTo: '2026-12-24' }), context), { selectable: true });
    assert.deepEqual(categoryEligibility('RENEW', freight({ validTo: '2026-05-28' }), context), { selectable: true });
    assert.equal((categoryEligibility('RENEW', freight({ validTo: '2026-05-27' }), context) as { reason: string }).reason, '证件过期已超过180日，不能换发，需重新申请从业资格');
  });
  it('allows 补发 and 变更 only for a certificate still valid', () => {
    assert.deepEqual(categoryEligibility('REISSUE', freight(), context), { selectable: true });
    assert.equal((categoryEligibility('REISSUE', freight({ validTo: '2026-10-01' }), context) as { reason: string }).reason, '证件已于 2026-10-01 过期，请先办理换发');
    assert.equal(categoryEligibility('CHANGE', freight({ validTo: '2026-10-01' }), context).selectable, false);
  });
  it('offers 诚信考核 to drivers whose cycle has ended and is not yet graded, flagging late filings', () => {
    const ok = categoryEligibility('INTEGRITY_ASSESSMENT', freight(), context);
    assert.equal(ok.selectable, true);
    assert.deepEqual(ok.selectable && ok.cycle, { number: 7, start: '2025-11-20', end: '2026-11-19' });
    assert.equal(ok.selectable && ok.late, false);
    const late = categoryEligibility('INTEGRITY_ASSESSMENT', freight({ firstIssueDate: '2019-10-20' }), context);
    assert.equal(late.selectable && late.late, true);
    assert.match((categoryEligibility('INTEGRITY_ASSESSMENT', freight({ assessedCycles: [7] }), context) as { reason: string }).reason, /已评级/);
    assert.equal((categoryEligibility('INTEGRITY_ASSESSMENT', freight({ code: 'DG_ESCORT' }), context) as { reason: string }).reason, '诚信考核只适用于驾驶员类别');
    assert.match((categoryEligibility('INTEGRITY_ASSESSMENT', freight({ firstIssueDate: '2026-01-01' }), context) as { reason: string }).reason, /首个考核周期尚未届满/);
  });
  it('refuses a second open application of the same service, naming the first', () => {
    const result = categoryEligibility('RENEW', freight({ validTo: '2026-12-24' }), { today, openApplications: [{ service: 'RENEW', applyNo: '20261124000012' }] });
    assert.deepEqual(result, { selectable: false, reason: '该证件已有正在办理的换发申请（办件编号 20261124000012），办结前不能重复申请' });
  });
  it('never offers cancelled, revoked or void categories', () => {
    assert.equal((categoryEligibility('CANCEL', freight({ status: 'CANCELLED' }), context) as { reason: string }).reason, '该类别已注销');
    assert.equal(categoryEligibility('REISSUE', freight({ status: 'VOID' }), context).selectable, false);
  });
  it('checks the 注销 selection', () => {
    assert.equal(cancellationProblem('PARTIAL', [], ['FREIGHT_DRIVER', 'DG_DRIVER']), '请至少勾选一个要注销的类别');
    assert.equal(cancellationProblem('PARTIAL', ['FREIGHT_DRIVER', 'DG_DRIVER'], ['FREIGHT_DRIVER', 'DG_DRIVER']), '已勾选全部类别，请选择注销类型“全部”');
    assert.equal(cancellationProblem('PARTIAL', ['DG_ESCORT'], ['FREIGHT_DRIVER', 'DG_DRIVER']), '所选类别不在该证件上或已注销');
    assert.equal(cancellationProblem('PARTIAL', ['DG_DRIVER'], ['FREIGHT_DRIVER', 'DG_DRIVER']), undefined);
    assert.equal(cancellationProblem('ALL', [], ['FREIGHT_DRIVER']), undefined);
  });
});
