import { desc } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { smsOutbox } from '../../db/schema';

/**
 * Development only (never registered in production): the SMS outbox, so a person trying the system can read the
 * verification codes the embedded SMS adapter "sent".
 */
export function devRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dev/sms',
      { schema: { tags: ['development'], summary: '开发环境：短信发件箱', response: { 200: z.array(z.object({ id: z.string(), mobile: z.string(), text: z.string(), createdAt: z.string() })) } } },
      async () => {
        const rows = await ctx.db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(50);
        return rows.map((row) => ({ id: row.id, mobile: ctx.cipher.decrypt(row.mobileEnc), text: row.text, createdAt: row.createdAt.toISOString() }));
      },
    );
  };
}
