/**
 * Benchmark (issue 7): issue 1,000 诚信考核凭证 through the real path — facts read from the database, canonical
 * content, SM2 signature, PDF with the CJK font subset and the QR code, encrypted storage, the document row and its
 * audit row, one transaction each — and print p50/p95 per document and documents per second.
 * Target on the 2-core development machine: p95 ≤ 50 ms. A benchmark, not a test: run `npm run bench:documents`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../packages/server/src/config';
import { createContext } from '../packages/server/src/app';
import { openPglite } from '../packages/server/src/db/client';
import { applications, certificates } from '../packages/server/src/db/schema';
import { inTransaction } from '../packages/server/src/db/transaction';
import { seedDemo } from '../packages/server/src/demo/seed';
import { DEMO_RESIDENTS } from '../packages/server/src/demo/demo-data';
import { issueDocument } from '../packages/server/src/modules/documents/issue-document';

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-'));
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
const database = await openPglite(undefined);
await database.migrate();
const ctx = createContext({ config, database, secrets: { sessionSecret: randomBytes(32).toString('hex'), fieldKey: randomBytes(32).toString('hex'), signingKey: randomBytes(32).toString('hex') } });
await seedDemo(ctx, { withStaff: false, practitioners: 10 });

// One graded 诚信考核 of 张建国, written directly: the benchmark measures issuing, not the case workflow.
const [cert] = await ctx.db.select().from(certificates).where(eq(certificates.holderIdBidx, ctx.cipher.blindIndex('id', DEMO_RESIDENTS[0]!.idNumber)));
const citizen = await ctx.db.execute(`insert into citizens (mobile_enc, mobile_bidx, password_hash, agreements, name) values ('x', 'bench', 'x', '[]', '张建国') returning id`);
const citizenId = (citizen as unknown as { rows: { id: string }[] }).rows[0]!.id;
const now = new Date();
const [row] = await ctx.db
  .insert(applications)
  .values({
    applyNo: '20261124999999',
    citizenId,
    service: 'INTEGRITY_ASSESSMENT',
    status: 'RATED',
    noticeVersion: 'bench',
    noticeAgreedAt: now,
    certificateId: cert!.id,
    categoryCodes: ['FREIGHT_DRIVER'],
    handlingAuthorityCode: cert!.issuingAuthorityCode,
    submittedAt: now,
    completedAt: now,
    result: { grade: 'AA', totalPoints: 8, cycleNo: 9, cycleStart: '2025-11-21', cycleEnd: '2026-11-20', continuingEducationRequired: false },
    createdAt: now,
    updatedAt: now,
  })
  .returning();

// Warm-up: the font is parsed once per process (about 100 ms), as in the server.
await inTransaction(ctx.db, (tx) => issueDocument(tx, ctx, 'VOUCHER', row!, 'system:bench'));

const times: number[] = [];
const started = performance.now();
for (let i = 0; i < COUNT; i++) {
  const t0 = performance.now();
  await inTransaction(ctx.db, (tx) => issueDocument(tx, ctx, 'VOUCHER', row!, 'system:bench'));
  times.push(performance.now() - t0);
}
const elapsed = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
const sizes = fs.readdirSync(path.join(dataDir, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
console.log(`vouchers issued: ${COUNT} (${sizes} stored files)`);
console.log(`per document: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
console.log(`throughput: ${(COUNT / elapsed).toFixed(1)} documents/s on one process`);
console.log(`target p95 ≤ 50 ms: ${Number(at(0.95)) <= 50 ? 'met' : 'NOT met'}`);
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
