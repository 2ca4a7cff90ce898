import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseResidentsCsv } from '../src/cli/index';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function cli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/index.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, YZ_SESSION_SECRET: 'ab'.repeat(32), YZ_FIELD_KEY: 'cd'.repeat(32), YZ_SIGNING_KEY: 'ef'.repeat(32), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('operator CLI', () => {
  it('reads the resident registry CSV (BOM, header, 长期) and rejects bad rows with their line numbers', () => {
    const csv = '\uFEFF姓名,身份证号,有效起始日期,有效截止日期\n张建国,330106196803150115,2015-06-20,长期\n李秀英,330110197508020228,2019-04-11,2039-04-11\n王志强,330212198211230332,2021-09-01,2031-09-01\n,330282199001300447,2018-07-15,2038-07-15\n';
    const { rows, rejected } = parseResidentsCsv(csv, '2026-11-24');
    assert.deepEqual(rows, [{ name: '张建国', idNumber: '330106196803150115', validFrom: '2015-06-20', validTo: 'LONG_TERM' }]);
    assert.deepEqual(rejected, [
      { line: 3, reason: '身份证号校验位不正确，请核对后重新输入' },
      { line: 4, reason: '有效期限与签发时的年龄不符，请核对证件背面的有效期限' },
      { line: 5, reason: '姓名为空' },
    ]);
  });

  it('creates the first administrator in production, with no default accounts, and verifies the audit chain', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-cli-'));
    const seeded = cli(dataDir, 'seed-demo');
    assert.equal(seeded.status, 0, seeded.stderr);
    const created = cli(dataDir, 'create-admin', '--authority', '330000', '--username', 'first.admin', '--name', '张管理');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Initial password \(shown once\): \S{16}/);
    const again = cli(dataDir, 'create-admin', '--authority', '330000', '--username', 'first.admin', '--name', '张管理');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /username first\.admin is taken/);
    const unknownAuthority = cli(dataDir, 'create-admin', '--authority', '999999', '--username', 'x.admin', '--name', '某某');
    assert.match(unknownAuthority.stderr, /no authority with code 999999/);
    const verified = cli(dataDir, 'audit-verify');
    assert.equal(verified.status, 0);
    assert.match(verified.stdout, /audit log intact: 2 rows checked/);
  });
});
