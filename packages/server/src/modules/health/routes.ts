import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  version: z.string(),
});

/** Liveness and readiness in one: 200 when the database answers, 503 when it does not. */
export function healthRoutes(database: Database, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查', response: { 200: healthSchema, 503: healthSchema } } }, async (request, reply) => {
      let ok = true;
      try {
        await database.db.execute(sql`select 1`);
      } catch (error) {
        ok = false;
        request.log.warn({ err: error }, 'database health check failed');
      }
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: { kind: database.kind, ok }, version });
    });
  };
}
