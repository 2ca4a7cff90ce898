import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { checkIdCardValidity, idCardValidityMessages, idNumberMessages, parseResidentIdNumber, shanghaiDate, type StaffRole } from '@yunzheng/domain';
import { createContext } from '../app';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/client';
import { inTransaction } from '../db/transaction';
import { lockDataDir } from '../lock';
import { resolveSecrets } from '../secrets';
import { upsertResidents, seedDemo } from '../demo/seed';
import type { DemoResident } from '../demo/demo-data';
import { appendAudit, verifyAuditChain } from '../modules/audit/audit-log';
import { insertStaff } from '../modules/staff/staff-admin';
import { findStaffByUsername } from '../modules/staff/staff-repo';
import { authorities } from '../db/schema';
import { importCertificates } from '../modules/certificates/import-certificates';
import { rejectedReport } from '../modules/certificates/import-csv';
import { eq } from 'drizzle-orm';

/**
 * Operator commands: `npm run cli -- <command> [options]`. They use the same configuration as the server
 * (DATA_DIR or DATABASE_URL); on the embedded database the server must be stopped first (the data directory lock
 * says so).
 */
const USAGE = `用法 / usage: npm run cli -- <command>
  seed-demo [--with-staff]                       load the demo authorities and residents (and demo staff)
  import-residents FILE.csv                      load the resident registry (姓名,身份证号,有效起始日期,有效截止日期)
  import-certificates FILE.csv [--report OUT.csv]
                                                 import certificates from a legacy export (UTF-8 or GBK; see
                                                 docs/import-certificates.md); rejected rows go to the report
  create-admin --authority CODE --username NAME --name 姓名
                                                 create an administrator; prints the initial password once
  audit-verify                                   check the audit log's hash chain; exit 1 at the first broken row`;

async function withContext<T>(work: (ctx: ReturnType<typeof createContext>, database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  const secrets = resolveSecrets(config, (m) => console.warn(m));
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await work(createContext({ config, secrets, database }), database);
  } finally {
    await database.close();
    lock?.release();
  }
}

/** Reads the registry CSV: UTF-8 with or without BOM, a header row, 长期 for long-term cards. */
export function parseResidentsCsv(text: string, today: string): { rows: DemoResident[]; rejected: { line: number; reason: string }[] } {
  const records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const rows: DemoResident[] = [];
  const rejected: { line: number; reason: string }[] = [];
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const [name = '', idNumber = '', validFrom = '', validToRaw = ''] = record;
    const validTo = validToRaw === '长期' ? 'LONG_TERM' : validToRaw;
    const id = parseResidentIdNumber(idNumber, today);
    if (!name) return rejected.push({ line, reason: '姓名为空' });
    if (!id.ok) return rejected.push({ line, reason: idNumberMessages[id.problem] });
    // Registry records are checked for consistency, not for expiry: an expired card stays on record.
    const validity = checkIdCardValidity({ birthDate: id.value.birthDate, validFrom, validTo, today: validFrom });
    if (!validity.ok) return rejected.push({ line, reason: idCardValidityMessages[validity.problem] });
    rows.push({ name, idNumber: id.value.number, validFrom, validTo });
  });
  return { rows, rejected };
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'seed-demo': {
      const { values } = parseArgs({ args: rest, options: { 'with-staff': { type: 'boolean', default: false } } });
      const result = await withContext((ctx) => seedDemo(ctx, { withStaff: values['with-staff'] ?? false }));
      console.log(`demo data loaded: ${result.certificates} certificates${result.staffCreated.length ? `; staff created: ${result.staffCreated.join(', ')}` : ''}`);
      return 0;
    }
    case 'import-residents': {
      const file = rest[0];
      if (!file || !fs.existsSync(file)) throw new Error(`file not found: ${file ?? '(none)'}`);
      const { rows, rejected } = parseResidentsCsv(fs.readFileSync(file, 'utf8'), shanghaiDate(new Date()));
      await withContext((ctx) => inTransaction(ctx.db, (tx) => upsertResidents(tx, ctx, rows)));
      console.log(`imported ${rows.length} residents, rejected ${rejected.length}`);
      for (const r of rejected) console.log(`  line ${r.line}: ${r.reason}`);
      return rejected.length > 0 ? 2 : 0;
    }
    case 'import-certificates': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { report: { type: 'string' } } });
      const file = positionals[0];
      if (!file || !fs.existsSync(file)) throw new Error(`file not found: ${file ?? '(none)'}`);
      const summary = await withContext((ctx) => importCertificates(ctx, fs.readFileSync(file), path.basename(file)));
      const report = values.report ?? file.replace(/(\.csv)?$/i, '.rejected.csv');
      fs.writeFileSync(report, rejectedReport(summary.rejected));
      console.log(`certificates created ${summary.created}, updated ${summary.updated} (${summary.rowsImported} rows); rejected rows ${summary.rejected.length}, listed in ${report}`);
      return summary.rejected.length > 0 ? 2 : 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { authority: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' } } });
      if (!values.authority || !values.username || !values.name) throw new Error('create-admin needs --authority, --username and --name');
      const roles: StaffRole[] = ['ADMIN'];
      const password = await withContext(async (ctx) => {
        const [authority] = await ctx.db.select().from(authorities).where(eq(authorities.code, values.authority!));
        if (!authority) throw new Error(`no authority with code ${values.authority}`);
        if (await findStaffByUsername(ctx.db, values.username!)) throw new Error(`username ${values.username} is taken`);
        return inTransaction(ctx.db, async (tx) => {
          const { row, initialPassword } = await insertStaff(tx, ctx, { username: values.username!, name: values.name!, authorityCode: authority.code, roles }, null);
          await appendAudit(tx, { actorType: 'SYSTEM', action: 'STAFF_CREATE', objectType: 'staff', objectId: row.id, outcome: 'SUCCESS', details: { username: row.username, roles, via: 'cli' } }, ctx.clock.now());
          return initialPassword;
        });
      });
      console.log(`administrator ${values.username} created. Initial password (shown once): ${password}`);
      console.log('At first sign-in at /admin they enrol an authenticator app (TOTP) and should change this password.');
      return 0;
    }
    case 'audit-verify': {
      const report = await withContext((ctx) => verifyAuditChain(ctx.db));
      if (report.firstBrokenId === undefined) {
        console.log(`audit log intact: ${report.rowsChecked} rows checked`);
        return 0;
      }
      console.log(`audit log BROKEN at row ${report.firstBrokenId} (${report.rowsChecked} rows before it are intact)`);
      return 1;
    }
    default:
      console.log(USAGE);
      return command ? 64 : 0;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`error: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
