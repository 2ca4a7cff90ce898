import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { DEMO_RESIDENTS } from '../src/demo/demo-data';
import { createTestApp, type TestApp } from './support/app';
import { verifiedCitizen } from './support/accounts';
import { seed } from './support/accounts';
import { testDatabaseKinds } from './support/databases';

/** Every row of every table, as text: what someone who copied the database would read. */
async function logicalDump(t: TestApp): Promise<string> {
  const tables = await t.ctx.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`);
  const names = (tables as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
  let dump = '';
  for (const name of names) {
    const rows = await t.ctx.db.execute(sql.raw(`select t::text as line from "${name}" t`));
    dump += (rows as unknown as { rows: { line: string }[] }).rows.map((r) => r.line).join('\n');
  }
  return dump;
}

for (const kind of testDatabaseKinds()) {
  describe(`personal data at rest on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
      await seed(t);
    });
    after(async () => t.close());

    it('a raw dump of the database shows no ID number and no mobile number in plain text', async () => {
      const { mobile, resident } = await verifiedCitizen(t, 0);
      const secrets = [mobile, resident.idNumber, ...DEMO_RESIDENTS.map((r) => r.idNumber)];
      const dump = await logicalDump(t);
      assert.ok(dump.includes(resident.name), 'the dump is real: it contains the name');
      for (const secret of secrets) assert.ok(!dump.includes(secret), `plain text found in the dump`);
      if (kind === 'postgres') {
        const url = (t.database as unknown as { url?: string }).url;
        if (url) {
          const pgDump = execFileSync('pg_dump', ['--data-only', url], { encoding: 'utf8' });
          for (const secret of secrets) assert.ok(!pgDump.includes(secret));
        }
      }
    });
  });
}
