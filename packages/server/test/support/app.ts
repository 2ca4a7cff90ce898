import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, createContext } from '../../src/app';
import type { AppContext } from '../../src/context';
import type { IdentityVerifier } from '../../src/adapters/identity/identity-verifier';
import type { SmsSender } from '../../src/adapters/sms/sms-sender';
import { FakeClock } from './fakes';
import { loadConfig, type Config } from '../../src/config';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** The same context the routes use, for setting up data and reading what they wrote. */
  ctx: AppContext;
  clock: FakeClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  identity?: IdentityVerifier;
  sms?: SmsSender;
  /** Start the background jobs (pg-boss) as main.ts does. */
  jobs?: boolean;
}

/** The real application on a fresh test database, with test secrets and quiet logs. */
export async function createTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const env = options.env ?? {};
  const clock = new FakeClock();
  const database = await createTestDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'yz-api-')), ...env });
  const secrets = { sessionSecret: randomBytes(32).toString('hex'), fieldKey: randomBytes(32).toString('hex'), signingKey: randomBytes(32).toString('hex') };
  const overrides = { clock, ...(options.identity && { identity: options.identity }), ...(options.sms && { sms: options.sms }) };
  const app = await buildApp({ config, secrets, database, ...overrides, jobs: options.jobs ?? false });
  return {
    app,
    database,
    config,
    ctx: createContext({ config, secrets, database, ...overrides }),
    clock,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
