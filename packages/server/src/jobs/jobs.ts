import PgBoss from 'pg-boss';
import type { AppContext } from '../context';
import type { Database } from '../db/client';
import { sweepOverdueCases } from '../modules/casework/overdue-sweep';

/**
 * Background jobs on pg-boss (design.md: jobs in the database, so an embedded install needs nothing more). On PGlite
 * pg-boss talks through the same connection as everything else (Database.executeSql).
 *
 * `overdue-sweep` runs every day at 00:15 Beijing time, and once at start so that a server that was down at that
 * hour catches up (the sweep is idempotent).
 */
export const OVERDUE_SWEEP = 'overdue-sweep';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs(ctx: AppContext, database: Database, log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void }): Promise<Jobs> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) }, schema: 'pgboss' });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(OVERDUE_SWEEP);
  await boss.schedule(OVERDUE_SWEEP, '15 0 * * *', {}, { tz: 'Asia/Shanghai' });
  await boss.work(OVERDUE_SWEEP, async () => {
    const outcome = await sweepOverdueCases(ctx);
    log.info(outcome, 'overdue sweep done');
    return outcome;
  });
  await boss.send(OVERDUE_SWEEP, {});
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
