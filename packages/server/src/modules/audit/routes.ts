import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { isLocalDate, shanghaiDayEnd, shanghaiDayStart } from '@yunzheng/domain';
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
          querystring: z
            .object({
              before: z.coerce.number().int().positive().optional(),
              action: z.string().max(64).optional(),
              actorId: z.string().max(64).optional(),
              objectId: z.string().max(64).optional(),
              outcome: z.enum(['SUCCESS', 'FAILURE'], { error: '结果应为 SUCCESS 或 FAILURE' }).optional(),
              from: z.string().refine(isLocalDate, '起始日期格式应为YYYY-MM-DD').optional(),
              to: z.string().refine(isLocalDate, '截止日期格式应为YYYY-MM-DD').optional(),
            })
            .strict(),
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
        const q = request.query;
        if (q.action) conditions.push(eq(auditLog.action, q.action.trim().toUpperCase()));
        if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId.trim()));
        if (q.objectId) conditions.push(eq(auditLog.objectId, q.objectId.trim()));
        if (q.outcome) conditions.push(eq(auditLog.outcome, q.outcome));
        if (q.from) conditions.push(gte(auditLog.at, shanghaiDayStart(q.from)));
        if (q.to) conditions.push(lt(auditLog.at, shanghaiDayEnd(q.to)));
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
