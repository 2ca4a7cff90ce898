import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config, Secrets } from './config';
import type { Database } from './db/client';
import { registerErrorHandling } from './http/error-handler';
import { OneLinePerRequest } from './http/request-log';
import { DOCS_PREFIX, registerSecurity } from './http/security';
import { registerWebApp } from './http/web-app';
import { catalogueRoutes } from './modules/catalogue/routes';
import { healthRoutes } from './modules/health/routes';
import { VERSION } from './version';

// Schema messages that have no message of their own fall back to Chinese.
z.config(z.locales.zhCN());

export interface AppDependencies {
  config: Config;
  secrets: Secrets;
  database: Database;
}

/**
 * Builds the HTTP application around already-opened dependencies, so that tests build it on a throwaway database
 * and main.ts on the real one. Order matters: error handling and security first, then docs, then routes.
 */
export async function buildApp({ config, secrets, database }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    logController: new OneLinePerRequest(),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.env === 'production' ? 'loopback' : false,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurity(app, { rateLimitPerMinute: config.rateLimitPerMinute, production: config.env === 'production' });
  await app.register(cookie, { secret: secrets.sessionSecret });

  await app.register(swagger, {
    openapi: {
      info: { title: '运政通 Yunzheng API', version: VERSION, description: '道路运输从业人员高频服务事项（道路运政一网通办）' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });

  await app.register(healthRoutes(database, VERSION));
  await app.register(catalogueRoutes);

  await registerWebApp(app, config.webDistDir);
  app.addHook('onClose', async () => {
    await database.close();
  });
  return app;
}
