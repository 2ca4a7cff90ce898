import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../src/http/problem';
import { withIdempotencyKey } from '../src/http/idempotency';
import { createTestApp, type TestApp } from './support/app';
import { testDatabaseKinds } from './support/databases';

const KEY = 'a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

for (const kind of testDatabaseKinds()) {
  describe(`idempotency keys on ${kind}`, () => {
    let t: TestApp;
    before(async () => (t = await createTestApp(kind)));
    after(async () => t.close());

    it('runs 100 concurrent requests with one key exactly once, and replays the answer to the others', async () => {
      let executions = 0;
      const work = async () => {
        executions++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { status: 201, body: { applyNo: `N${executions}` } };
      };
      const attempts = await Promise.allSettled(Array.from({ length: 100 }, () => withIdempotencyKey(t.ctx, { subject: 'citizen-1', key: KEY, request: { service: 'RENEW', n: 1 } }, work)));
      assert.equal(executions, 1);
      const answered = attempts.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<{ body: { applyNo: string } }>).value.body.applyNo);
      const inFlight = attempts.filter((a) => a.status === 'rejected').map((a) => ((a as PromiseRejectedResult).reason as AppError).code);
      assert.ok(answered.every((n) => n === 'N1'));
      assert.ok(inFlight.every((code) => code === 'YZ-IDM-001'));
      const replay = await withIdempotencyKey(t.ctx, { subject: 'citizen-1', key: KEY, request: { n: 1, service: 'RENEW' } }, work);
      assert.deepEqual([replay.status, replay.body, replay.replayed, executions], [201, { applyNo: 'N1' }, true, 1]);
    });

    it('refuses the same key with another body', async () => {
      await assert.rejects(
        withIdempotencyKey(t.ctx, { subject: 'citizen-1', key: KEY, request: { service: 'REISSUE' } }, async () => ({ status: 201, body: {} })),
        (error: AppError) => error.code === 'YZ-IDM-002' && error.status === 422,
      );
    });

    it('keeps keys of different callers apart', async () => {
      const other = await withIdempotencyKey(t.ctx, { subject: 'citizen-2', key: KEY, request: { service: 'REISSUE' } }, async () => ({ status: 201, body: { who: 2 } }));
      assert.equal(other.replayed, false);
    });

    it('stores nothing when the work fails, so the corrected request may reuse the key', async () => {
      const key = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
      await assert.rejects(withIdempotencyKey(t.ctx, { subject: 'citizen-1', key, request: { x: 1 } }, async () => Promise.reject(new AppError('YZ-GEN-422', 'bad'))));
      const retry = await withIdempotencyKey(t.ctx, { subject: 'citizen-1', key, request: { x: 2 } }, async () => ({ status: 201, body: { ok: true } }));
      assert.equal(retry.replayed, false);
    });

    it('forgets keys after 24 hours', async () => {
      const key = 'c3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
      await withIdempotencyKey(t.ctx, { subject: 'citizen-3', key, request: { x: 1 } }, async () => ({ status: 201, body: { n: 1 } }));
      t.clock.minutes(24 * 60 + 1);
      const fresh = await withIdempotencyKey(t.ctx, { subject: 'citizen-3', key, request: { x: 9 } }, async () => ({ status: 201, body: { n: 2 } }));
      assert.deepEqual([fresh.replayed, fresh.body], [false, { n: 2 }]);
    });

    it('refuses a malformed key', async () => {
      await assert.rejects(withIdempotencyKey(t.ctx, { subject: 's', key: 'short', request: {} }, async () => ({ status: 200, body: {} })), /Idempotency-Key/);
    });
  });
}
