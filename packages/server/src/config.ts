import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes from environment variables only, checked once at start: a missing or bad value stops the
 * start with a message naming the variable. Secrets are hex strings; in development they may be absent and are
 * then generated into the data directory (see secrets.ts), in production they are required.
 */
const hexKey = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), `must be ${bytes * 2} hexadecimal characters (${bytes} bytes)`);

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Sign-in and registration attempts per minute per address (standards S3: ≤ 20). */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** SMS codes requested per minute per address (standards S4). */
  SMS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
  /** Signs session cookies and keys other HMACs: 32 bytes. */
  YZ_SESSION_SECRET: hexKey(32).optional(),
  /** Master key for field encryption (SM4) and blind indexes (HMAC-SM3): 32 bytes. */
  YZ_FIELD_KEY: hexKey(32).optional(),
  /** SM2 private key for document signatures (any 32 random bytes in hex, e.g. openssl rand -hex 32). */
  YZ_SIGNING_KEY: hexKey(32).optional(),
  /** Where the built web app is; empty means the API runs alone. */
  WEB_DIST_DIR: z.string().optional(),
  /** Secure, __Host- session cookies; default on in production. Plain-http localhost development turns it off. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** Public-security identity check: the embedded resident registry, or an HTTPS service. */
  IDENTITY_VERIFIER: z.enum(['registry', 'http']).default('registry'),
  IDENTITY_VERIFIER_URL: z.string().url().optional(),
  IDENTITY_VERIFIER_KEY: hexKey(32).optional(),
  /** SMS: the embedded outbox (read at /dev/sms in development), or an HTTPS gateway. */
  SMS_SENDER: z.enum(['outbox', 'http']).default('outbox'),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_KEY: hexKey(32).optional(),
  /** Per-attempt timeout for outside services, in milliseconds. */
  OUTSIDE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** The address citizens reach the site at, printed in the QR codes of issued documents. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Background jobs (the daily overdue sweep): on by default; off for a second instance on the same database. */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** Travels the server's clock by whole days, for demonstrations and browser tests; refused in production. */
  CLOCK_OFFSET_DAYS: z.coerce.number().int().min(-3650).max(3650).optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Secrets {
  sessionSecret: string;
  fieldKey: string;
  /** SM2 private key (64 hex) that signs issued documents. */
  signingKey: string;
}

export interface Config {
  env: RawConfig['NODE_ENV'];
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  smsRateLimitPerMinute: number;
  webDistDir: string | undefined;
  secrets: Partial<Secrets>;
  cookieSecure: boolean;
  identityVerifier: { kind: 'registry' } | { kind: 'http'; url: string; keyHex: string };
  sms: { kind: 'outbox' } | { kind: 'http'; url: string; keyHex: string };
  outsideTimeoutMs: number;
  jobs: boolean;
  clockOffsetDays: number;
  publicBaseUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as shells and .env files usually intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production') {
    const missing = (['YZ_SESSION_SECRET', 'YZ_FIELD_KEY', 'YZ_SIGNING_KEY'] as const).filter((name) => !c[name]);
    if (missing.length > 0) {
      throw new ConfigError(missing.map((name) => `${name}: required in production (generate one with: openssl rand -hex 32)`));
    }
  }
  if (c.NODE_ENV === 'production' && c.CLOCK_OFFSET_DAYS) throw new ConfigError(['CLOCK_OFFSET_DAYS: not allowed in production']);
  const adapterProblems: string[] = [];
  const httpAdapter = (kind: string, urlName: 'IDENTITY_VERIFIER_URL' | 'SMS_GATEWAY_URL', keyName: 'IDENTITY_VERIFIER_KEY' | 'SMS_GATEWAY_KEY') => {
    const url = c[urlName];
    const keyHex = c[keyName];
    if (!url) adapterProblems.push(`${urlName}: required when ${kind}=http`);
    if (!keyHex) adapterProblems.push(`${keyName}: required when ${kind}=http`);
    if (url && c.NODE_ENV === 'production' && !url.startsWith('https://')) adapterProblems.push(`${urlName}: must be an https:// URL in production`);
    return { kind: 'http' as const, url: url ?? '', keyHex: keyHex ?? '' };
  };
  const identityVerifier = c.IDENTITY_VERIFIER === 'http' ? httpAdapter('IDENTITY_VERIFIER', 'IDENTITY_VERIFIER_URL', 'IDENTITY_VERIFIER_KEY') : { kind: 'registry' as const };
  const sms = c.SMS_SENDER === 'http' ? httpAdapter('SMS_SENDER', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_KEY') : { kind: 'outbox' as const };
  if (adapterProblems.length > 0) throw new ConfigError(adapterProblems);
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: c.AUTH_RATE_LIMIT_PER_MINUTE,
    smsRateLimitPerMinute: c.SMS_RATE_LIMIT_PER_MINUTE,
    webDistDir: c.WEB_DIST_DIR ? path.resolve(c.WEB_DIST_DIR) : undefined,
    secrets: { sessionSecret: c.YZ_SESSION_SECRET, fieldKey: c.YZ_FIELD_KEY, signingKey: c.YZ_SIGNING_KEY },
    cookieSecure: c.COOKIE_SECURE ? c.COOKIE_SECURE === 'true' : c.NODE_ENV === 'production',
    identityVerifier,
    sms,
    outsideTimeoutMs: c.OUTSIDE_TIMEOUT_MS,
    jobs: c.JOBS === 'on',
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/$/, ''),
    clockOffsetDays: c.CLOCK_OFFSET_DAYS ?? 0,
  };
}
