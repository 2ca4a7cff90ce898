import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { requireSession } from '../auth/sessions';
import { markRead, myNotifications, unreadCount } from './notifications';

/** 站内信 of the signed-in citizen: list, unread count (for the header badge), mark read. */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const citizen = async (request: Parameters<typeof requireSession>[1]) => (await requireSession(ctx, request, 'CITIZEN')).subjectId;
  return async (app) => {
    const item = z.object({ id: z.string(), applicationId: z.string().nullable(), title: z.string(), body: z.string(), createdAt: z.string(), read: z.boolean() });
    app.get('/api/me/notifications', { schema: { tags: ['notifications'], summary: '站内信', response: { 200: z.object({ unread: z.number(), items: z.array(item) }) } } }, async (request) => myNotifications(ctx, await citizen(request)));
    app.get('/api/me/notifications/unread', { schema: { tags: ['notifications'], summary: '未读站内信数', response: { 200: z.object({ unread: z.number() }) } } }, async (request) => ({ unread: await unreadCount(ctx, await citizen(request)) }));
    app.post(
      '/api/me/notifications/read',
      { schema: { tags: ['notifications'], summary: '标为已读（不带编号则全部已读）', body: z.object({ id: z.uuid('消息编号格式不正确').optional() }).strict(), response: { 200: z.object({ unread: z.number() }) } } },
      async (request) => ({ unread: await markRead(ctx, await citizen(request), request.body.id) }),
    );
  };
}
