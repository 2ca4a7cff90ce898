import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/app';
import { testDatabaseKinds } from './support/databases';

for (const kind of testDatabaseKinds()) {
  describe(`background jobs (pg-boss) on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind, { jobs: true });
    });
    after(async () => t.close());

    it('installs its schema, schedules the daily overdue sweep at 00:15 Beijing time and runs it once at start', async () => {
      const schedule = await t.database.executeSql("select name, cron, timezone from pgboss.schedule where name = 'overdue-sweep'");
      assert.deepEqual(schedule.rows, [{ name: 'overdue-sweep', cron: '15 0 * * *', timezone: 'Asia/Shanghai' }]);
      const deadline = Date.now() + 15_000;
      let state = '';
      while (Date.now() < deadline) {
        const jobs = await t.database.executeSql("select state, output from pgboss.job where name = 'overdue-sweep'");
        state = jobs.rows[0]?.state ?? '';
        if (state === 'completed') {
          assert.deepEqual(jobs.rows[0].output, { flagged: 0, closed: 0 });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.fail(`the start-up sweep did not complete (state: ${state || 'none'})`);
    });
  });
}
