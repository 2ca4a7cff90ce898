import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';

export const DOCS_PREFIX = '/api/docs';

/** Only API calls count against the rate limit: static assets and the API docs are free to load. */
export function isRateLimited(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith(DOCS_PREFIX);
}

/**
 * Security headers and throttling (standards S8, S3). The CSP allows scripts only from our own origin; antd's
 * CSS-in-JS injects <style> elements, hence 'unsafe-inline' for styles only (no script can be injected that way).
 */
export async function registerSecurity(app: FastifyInstance, options: { rateLimitPerMinute: number; production: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.production && { upgradeInsecureRequests: [] }),
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !isRateLimited(request.url),
  });
}
