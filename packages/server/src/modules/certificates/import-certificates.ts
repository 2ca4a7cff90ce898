import { shanghaiDate } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { authorities } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit-log';
import { decodeCsv, parseCertificateCsv, type RejectedRow } from './import-csv';
import { upsertCertificate } from './registry';

export interface ImportSummary {
  created: number;
  updated: number;
  rowsImported: number;
  rejected: RejectedRow[];
}

/**
 * Imports a legacy export: every row checked first, then each certificate in its own transaction (its rows and
 * its audit row together), so a failure part-way leaves whole certificates only. Re-running updates, never duplicates.
 */
export async function importCertificates(ctx: AppContext, bytes: Uint8Array, source: string): Promise<ImportSummary> {
  const known = new Set((await ctx.db.select({ code: authorities.code }).from(authorities)).map((a) => a.code));
  const now = ctx.clock.now();
  const { certificates, rejected } = parseCertificateCsv(decodeCsv(bytes), shanghaiDate(now), known);
  const summary: ImportSummary = { created: 0, updated: 0, rowsImported: 0, rejected };
  for (const { lines, record } of certificates) {
    const { created, id } = await inTransaction(ctx.db, async (tx) => {
      const result = await upsertCertificate(tx, ctx, record, now);
      await appendAudit(tx, { actorType: 'SYSTEM', action: result.created ? 'CERTIFICATE_IMPORT_CREATE' : 'CERTIFICATE_IMPORT_UPDATE', objectType: 'certificate', objectId: result.id, outcome: 'SUCCESS', details: { source, lines } }, now);
      return result;
    });
    if (id) summary[created ? 'created' : 'updated']++;
    summary.rowsImported += lines.length;
  }
  return summary;
}
