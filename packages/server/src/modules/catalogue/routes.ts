import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CATEGORIES, CATEGORY_CODES, CHANGE_VARIANT_CODES, MATERIAL_CODES, MATERIAL_FORMS, SERVICE_CODES, SERVICES } from '@yunzheng/domain';

const materialSchema = z.object({
  code: z.enum(MATERIAL_CODES),
  name: z.string(),
  form: z.enum(['PHOTO', 'SCAN']),
  formLabel: z.string(),
  required: z.boolean(),
  variants: z.array(z.enum(CHANGE_VARIANT_CODES)).optional(),
});

const serviceSchema = z.object({
  code: z.enum(SERVICE_CODES),
  name: z.string(),
  shortName: z.string(),
  summary: z.string(),
  eligibleCategories: z.array(z.enum(CATEGORY_CODES)),
  materials: z.array(materialSchema),
  variants: z.array(z.object({ code: z.enum(CHANGE_VARIANT_CODES), name: z.string(), summary: z.string() })).optional(),
  fee: z.number(),
});

export const catalogueSchema = z.object({
  services: z.array(serviceSchema),
  categories: z.array(z.object({ code: z.enum(CATEGORY_CODES), name: z.string(), isDriver: z.boolean() })),
});

/** The public service catalogue: what the portal lists and what each application will ask for. */
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/catalogue', { schema: { tags: ['catalogue'], summary: '高频服务事项目录', response: { 200: catalogueSchema } } }, async () => ({
    services: SERVICES.map((service) => ({
      ...service,
      eligibleCategories: [...service.eligibleCategories],
      variants: service.variants ? [...service.variants] : undefined,
      materials: service.materials.map((m) => ({ ...m, formLabel: MATERIAL_FORMS[m.form], variants: m.variants ? [...m.variants] : undefined })),
    })),
    categories: [...CATEGORIES],
  }));
};
