import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { auditLog } from '../../db/schema';
import { requireStaff } from '../staff/staff-auth';
import { verifyAuditChain } from './audit-log';

const PAGE_SIZE = 50;

/** The audit log, for the 审计员 only (reading it is itself audited as a read of personal data). */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志（审计员）',
          querystring: z.object({ before: z.coerce.number().int().positive().optional(), action: z.string().max(64).optional() }).strict(),
          response: {
            200: z.object({
              rows: z.array(
                z.object({
                  id: z.number(),
                  at: z.string(),
                  actorType: z.string(),
                  actorId: z.string().nullable(),
                  action: z.string(),
                  objectType: z.string().nullable(),
                  objectId: z.string().nullable(),
                  outcome: z.string(),
                  ip: z.string().nullable(),
                  details: z.record(z.string(), z.unknown()),
                }),
              ),
              nextBefore: z.number().nullable(),
            }),
          },
        },
      },
      async (request) => {
        await requireStaff(ctx, request, ['AUDITOR']);
        const conditions: SQL[] = [];
        if (request.query.before) conditions.push(lt(auditLog.id, request.query.before));
        if (request.query.action) conditions.push(eq(auditLog.action, request.query.action));
        const rows = await ctx.db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(PAGE_SIZE);
        return {
          rows: rows.map(({ prevHash: _p, hash: _h, ...row }) => ({ ...row, at: row.at.toISOString() })),
          nextBefore: rows.length === PAGE_SIZE ? rows[rows.length - 1]!.id : null,
        };
      },
    );

    app.get(
      '/api/admin/audit/verify',
      { schema: { tags: ['audit'], summary: '校验审计日志哈希链（审计员）', response: { 200: z.object({ rowsChecked: z.number(), intact: z.boolean(), firstBrokenId: z.number().nullable() }) } } },
      async (request) => {
        await requireStaff(ctx, request, ['AUDITOR']);
        const report = await verifyAuditChain(ctx.db);
        return { rowsChecked: report.rowsChecked, intact: report.firstBrokenId === undefined, firstBrokenId: report.firstBrokenId ?? null };
      },
    );
  };
}
