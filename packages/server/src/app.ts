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
import { createAdapters } from './adapters';
import { offsetClock, type Clock } from './adapters/clock';
import { FieldCipher } from './adapters/crypto/field-cipher';
import { DiskFileStorage } from './adapters/storage/disk-file-storage';
import { DocumentSigner } from './adapters/crypto/document-signer';
import path from 'node:path';
import type { IdentityVerifier } from './adapters/identity/identity-verifier';
import type { SmsSender } from './adapters/sms/sms-sender';
import type { AppContext } from './context';
import { accountRoutes } from './modules/accounts/routes';
import { auditRoutes } from './modules/audit/routes';
import { certificateRoutes } from './modules/certificates/routes';
import { addressRoutes } from './modules/addresses/routes';
import { serviceRoutes } from './modules/services/routes';
import { applicationRoutes } from './modules/applications/routes';
import { caseworkRoutes } from './modules/casework/routes';
import { devRoutes } from './modules/dev/routes';
import { staffRoutes } from './modules/staff/routes';
import { startJobs } from './jobs/jobs';
import { notificationRoutes } from './modules/notifications/routes';
import { documentRoutes } from './modules/documents/routes';

// Schema messages that have no message of their own fall back to Chinese.
z.config(z.locales.zhCN());

export interface AppDependencies {
  config: Config;
  secrets: Secrets;
  database: Database;
  /** Starts the background jobs (main.ts does; API tests run the job functions themselves). */
  jobs?: boolean;
  /** Tests replace these: a fake clock to travel in time, adapters that fail on purpose. */
  clock?: Clock;
  sms?: SmsSender;
  identity?: IdentityVerifier;
}

/**
 * Builds the HTTP application around already-opened dependencies, so that tests build it on a throwaway database
 * and main.ts on the real one. Order matters: error handling and security first, then docs, then routes.
 */
export async function buildApp({ config, secrets, database, ...overrides }: AppDependencies): Promise<FastifyInstance> {
  const ctx = createContext({ config, secrets, database, ...overrides });
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
  await app.register(accountRoutes(ctx));
  await app.register(staffRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(certificateRoutes(ctx));
  await app.register(serviceRoutes(ctx));
  await app.register(addressRoutes(ctx));
  await app.register(applicationRoutes(ctx));
  await app.register(caseworkRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(documentRoutes(ctx));
  if (config.env !== 'production') await app.register(devRoutes(ctx));

  await registerWebApp(app, config.webDistDir);
  const jobs = overrides.jobs ? await startJobs(ctx, database, app.log) : undefined;
  app.addHook('onClose', async () => {
    await jobs?.stop();
    await database.close();
  });
  return app;
}

export function createContext({ config, secrets, database, clock = offsetClock(config.clockOffsetDays), sms, identity }: AppDependencies): AppContext {
  const cipher = new FieldCipher(secrets.fieldKey);
  const adapters = createAdapters(config, database.db, cipher, clock);
  return {
    config,
    db: database.db,
    cipher,
    clock,
    sms: sms ?? adapters.sms,
    identity: identity ?? adapters.identity,
    storage: new DiskFileStorage(path.join(config.dataDir, 'files'), cipher),
    signer: new DocumentSigner(secrets.signingKey),
  };
}
