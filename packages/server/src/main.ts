import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { DataDirLockedError, lockDataDir, type DataDirLock } from './lock';
import { resolveSecrets } from './secrets';
import { buildApp, createContext } from './app';
import { isEmpty, seedDemo } from './demo/seed';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from './demo/demo-data';

/**
 * `npm start`: check the configuration, lock the data directory (embedded database only), open and migrate the
 * database, serve. SIGINT/SIGTERM close the server (in-flight requests finish), then the database, then the lock.
 */
async function main() {
  const config = loadConfig({
    ...process.env,
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? path.resolve(import.meta.dirname, '../../web/dist'),
  });
  let lock: DataDirLock | undefined;
  if (!config.databaseUrl) lock = lockDataDir(config.dataDir);
  try {
    const secrets = resolveSecrets(config, (message) => console.warn(`[yunzheng] ${message}`));
    const database = await openDatabase(config);
    await database.migrate();
    if (config.env === 'development') {
      const ctx = createContext({ config, secrets, database });
      if (await isEmpty(ctx)) {
        await seedDemo(ctx, { withStaff: true });
        console.warn(`[yunzheng] Demo data loaded (development only): authorities, demo residents, staff accounts ${DEMO_STAFF.map((s) => s.username).join('/')} with password ${DEMO_STAFF_PASSWORD}. See README.`);
      }
    }
    const app = await buildApp({ config, secrets, database, jobs: config.jobs });

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'stopping: finishing in-flight requests');
      try {
        await app.close();
      } finally {
        lock?.release();
        app.log.info('stopped');
        process.exit(0);
      }
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));

    await app.listen({ host: config.host, port: config.port });
    app.log.info({ database: database.kind, dataDir: config.databaseUrl ? undefined : config.dataDir }, `运政通 Yunzheng is running`);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`[yunzheng] Cannot start. ${error.message}`);
  } else {
    console.error('[yunzheng] Cannot start:', error);
  }
  process.exit(1);
});
