import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config, Secrets } from './config';

const SECRETS_FILE = 'dev-secrets.json';

/**
 * Completes the secrets for development and test: whatever the environment did not give is generated once and
 * kept in the data directory (mode 0600), so encrypted fields stay readable across restarts. Production never
 * gets here without both secrets (loadConfig refuses to start).
 */
export function resolveSecrets(config: Config, warn: (message: string) => void): Secrets {
  const { sessionSecret, fieldKey, signingKey } = config.secrets;
  if (sessionSecret && fieldKey && signingKey) return { sessionSecret, fieldKey, signingKey };
  if (config.env === 'production') throw new Error('production secrets missing');

  const file = path.join(config.dataDir, SECRETS_FILE);
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    sessionSecret: sessionSecret ?? stored.sessionSecret ?? randomBytes(32).toString('hex'),
    fieldKey: fieldKey ?? stored.fieldKey ?? randomBytes(32).toString('hex'),
    signingKey: signingKey ?? stored.signingKey ?? randomBytes(32).toString('hex'),
  };
  if (stored.sessionSecret !== secrets.sessionSecret || stored.fieldKey !== secrets.fieldKey || stored.signingKey !== secrets.signingKey) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    warn(`Development secrets written to ${file}. Set YZ_SESSION_SECRET, YZ_FIELD_KEY and YZ_SIGNING_KEY for production.`);
  }
  return secrets;
}
