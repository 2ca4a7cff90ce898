import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADDRESS_DETAIL_MAX, POSTCODE_PATTERN, mobileField, personNameField } from '@yunzheng/domain';
import type { AppContext } from '../../context';
import { requireSession } from '../auth/sessions';
import { addAddress, deleteAddress, listAddresses } from './addresses';

const regionCode = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{6}$/, `请选择${label}`);
const addressSchema = z.object({
  id: z.string(),
  recipientName: z.string(),
  mobileMasked: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  districtCode: z.string(),
  regionNames: z.object({ province: z.string(), city: z.string(), district: z.string() }),
  detail: z.string(),
  postcode: z.string().nullable(),
  isDefault: z.boolean(),
});

/** 添加邮寄地址 and the address book (signed-in citizens, own addresses only). */
export function addressRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/me/addresses', { schema: { tags: ['addresses'], summary: '我的邮寄地址', response: { 200: z.array(addressSchema) } } }, async (request, reply) => {
      const session = await requireSession(ctx, request, 'CITIZEN');
      reply.header('Cache-Control', 'no-store');
      return listAddresses(ctx, session.subjectId);
    });

    app.post(
      '/api/me/addresses',
      {
        schema: {
          tags: ['addresses'],
          summary: '添加邮寄地址',
          body: z
            .object({
              recipientName: personNameField,
              mobile: mobileField,
              provinceCode: regionCode('省份'),
              cityCode: regionCode('城市'),
              districtCode: regionCode('区县'),
              detail: z.string({ error: '请输入详细地址' }).trim().min(5, '详细地址至少5个字，写明街道、门牌号').max(ADDRESS_DETAIL_MAX, `详细地址不能超过${ADDRESS_DETAIL_MAX}个字`),
              postcode: z.string().trim().regex(POSTCODE_PATTERN, '邮政编码为6位数字').optional(),
              isDefault: z.boolean().optional(),
            })
            .strict(),
          response: { 201: addressSchema },
        },
      },
      async (request, reply) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        return reply.status(201).send(await addAddress(ctx, request, session.subjectId, request.body));
      },
    );

    app.delete(
      '/api/me/addresses/:id',
      { schema: { tags: ['addresses'], summary: '删除邮寄地址', params: z.object({ id: z.uuid('编号格式不正确') }), response: { 200: z.object({ ok: z.literal(true) }) } } },
      async (request) => {
        const session = await requireSession(ctx, request, 'CITIZEN');
        await deleteAddress(ctx, request, session.subjectId, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
