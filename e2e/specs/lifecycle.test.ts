import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startServer } from '../support/server';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('server lifecycle (npm run serve)', () => {
  it('creates and migrates the embedded database on first start, and a second start on the same data fails at once', async () => {
    const server = await startServer();
    try {
      assert.ok(fs.existsSync(path.join(server.dataDir, 'pglite')), 'PGlite data directory created');
      assert.ok(fs.existsSync(path.join(server.dataDir, 'yunzheng.lock')));
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: server.dataDir, PORT: '0' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(second.status, 1);
      assert.match(second.stderr, /Cannot start\. The data directory is in use by another Yunzheng process \(PID \d+\)/);
      // The first server is untouched.
      assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('stops cleanly on Ctrl-C (SIGINT): exit code 0, lock released, data kept for the next start', async () => {
    const server = await startServer();
    const exitCode = await server.stop('SIGINT');
    assert.equal(exitCode, 0, server.output());
    assert.equal(fs.existsSync(path.join(server.dataDir, 'yunzheng.lock')), false);
    const again = await startServer({ DATA_DIR: server.dataDir });
    assert.equal((await fetch(`${again.url}/api/health`)).status, 200);
    assert.equal(await again.stop('SIGTERM'), 0);
  });

  it('refuses to start with a bad configuration, naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Invalid configuration:\n\s+- PORT:/);
  });

  it('refuses to start in production without real secrets', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /YZ_SESSION_SECRET: required in production/);
  });

  it('runs on a real PostgreSQL from DATABASE_URL, migrating on start', { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL not set' }, async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `yz_e2e_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const server = await startServer({ DATABASE_URL: url.toString() });
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: { kind: string } };
      assert.equal(health.database.kind, 'postgres');
      assert.equal(await server.stop(), 0);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const tables = await check.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'settings'`);
      await check.end();
      assert.equal(tables.rows[0].n, 1);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
