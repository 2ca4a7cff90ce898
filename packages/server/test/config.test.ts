import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from '../src/config';
import { DataDirLockedError, lockDataDir } from '../src/lock';
import { resolveSecrets } from '../src/secrets';

const KEY = 'ab'.repeat(32);

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    assert.equal(config.env, 'development');
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
  });
  it('names the variable that is wrong', () => {
    assert.match(problems({ PORT: 'eighty' }).join(), /^PORT:/);
    assert.match(problems({ PORT: '70000' }).join(), /^PORT:/);
    assert.match(problems({ DATABASE_URL: 'mysql://x/y' }).join(), /^DATABASE_URL: .*postgres/);
    assert.match(problems({ LOG_LEVEL: 'loud' }).join(), /^LOG_LEVEL:/);
    assert.match(problems({ YZ_FIELD_KEY: 'short' }).join(), /^YZ_FIELD_KEY: must be 64 hexadecimal/);
    assert.match(problems({ NODE_ENV: 'staging' }).join(), /^NODE_ENV:/);
  });
  it('lists every problem at once', () => assert.equal(problems({ PORT: 'x', LOG_LEVEL: 'y' }).length, 2));
  it('treats an empty variable as unset', () => assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined));
  it('refuses production without real secrets', () => {
    const found = problems({ NODE_ENV: 'production' });
    assert.deepEqual(found.map((p) => p.split(':')[0]), ['YZ_SESSION_SECRET', 'YZ_FIELD_KEY', 'YZ_SIGNING_KEY']);
    assert.deepEqual(problems({ NODE_ENV: 'production', YZ_SESSION_SECRET: KEY, YZ_FIELD_KEY: KEY, YZ_SIGNING_KEY: KEY }), []);
    assert.match(problems({ NODE_ENV: 'production', YZ_SESSION_SECRET: KEY, YZ_FIELD_KEY: KEY, YZ_SIGNING_KEY: KEY, CLOCK_OFFSET_DAYS: '3' }).join(), /CLOCK_OFFSET_DAYS: not allowed in production/);
  });
});

describe('development secrets', () => {
  it('are generated once into the data directory and reused', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-secrets-'));
    const warnings: string[] = [];
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = resolveSecrets(config, (m) => warnings.push(m));
    const second = resolveSecrets(config, (m) => warnings.push(m));
    assert.deepEqual(first, second);
    assert.match(first.fieldKey, /^[0-9a-f]{64}$/);
    assert.equal(warnings.length, 1);
    assert.equal(fs.statSync(path.join(dataDir, 'dev-secrets.json')).mode & 0o777, 0o600);
  });
  it('come from the environment when given', () => {
    const config = loadConfig({ DATA_DIR: '/nonexistent', YZ_SESSION_SECRET: KEY, YZ_FIELD_KEY: KEY, YZ_SIGNING_KEY: KEY });
    assert.deepEqual(resolveSecrets(config, () => assert.fail('no warning expected')), { sessionSecret: KEY, fieldKey: KEY, signingKey: KEY });
  });
});

describe('data directory lock', () => {
  it('lets one process in and tells the second who holds it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-lock-'));
    // Another live process holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    fs.writeFileSync(path.join(dataDir, 'yunzheng.lock'), String(holder.pid));
    try {
      assert.throws(() => lockDataDir(dataDir), (error: unknown) => error instanceof DataDirLockedError && error.ownerPid === holder.pid && /in use/.test(error.message));
    } finally {
      holder.kill();
    }
  });
  it('takes over a lock whose process is gone, and releases it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-lock-'));
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    fs.writeFileSync(path.join(dataDir, 'yunzheng.lock'), String(gone.pid));
    const lock = lockDataDir(dataDir);
    assert.equal(fs.readFileSync(path.join(dataDir, 'yunzheng.lock'), 'utf8'), String(process.pid));
    lock.release();
    assert.equal(fs.existsSync(path.join(dataDir, 'yunzheng.lock')), false);
  });
});
