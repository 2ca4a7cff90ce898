import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Queryable } from '../../db/transaction';
import { sm3 } from '../../adapters/crypto/tokens';

/**
 * The audit log (standards S7, MLPS 8.1.4.3): append-only rows, each carrying the SM3 hash of its own content and
 * the previous row's hash, so an edited, removed or inserted row breaks the chain from there on. The database also
 * refuses UPDATE and DELETE on the table (migration 0001). Never put passwords, codes or full ID numbers in details.
 */
export type ActorType = 'CITIZEN' | 'STAFF' | 'SYSTEM' | 'ANONYMOUS';

export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome: 'SUCCESS' | 'FAILURE';
  ip?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises writers so that each row links to the one before it (transaction-scoped advisory lock). */
const AUDIT_LOCK_KEY = 73_190_001;

function canonical(row: { at: Date; prevHash: string } & Required<Omit<AuditEntry, 'details'>> & { details: Record<string, unknown> }): string {
  const sortedDetails = Object.fromEntries(Object.entries(row.details).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([row.prevHash, row.at.toISOString(), row.actorType, row.actorId, row.action, row.objectType, row.objectId, row.outcome, row.ip, sortedDetails]);
}

/** Appends one entry; call it inside the transaction of the change it records. */
export async function appendAudit(tx: Queryable, entry: AuditEntry, at: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const row = {
    at,
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...row, hash: sm3(canonical(row)) });
}

export interface ChainReport {
  rowsChecked: number;
  firstBrokenId: number | undefined;
}

/** Walks the whole chain in order and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 1_000): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let lastId = 0;
  let rowsChecked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    for (const row of rows) {
      const expected = sm3(canonical({ ...row, details: row.details }));
      if (row.prevHash !== previous || row.hash !== expected) return { rowsChecked, firstBrokenId: row.id };
      previous = row.hash;
      rowsChecked++;
    }
    if (rows.length < batchSize) return { rowsChecked, firstBrokenId: undefined };
    lastId = rows[rows.length - 1]!.id;
  }
}

/** Records an event that has no business transaction of its own (a failed sign-in, a lockout). */
export async function recordAudit(db: Db, entry: AuditEntry, at: Date): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, entry, at));
}
