import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from './clock';
import type { FieldCipher } from './crypto/field-cipher';
import { HttpIdentityVerifier } from './identity/http-identity-verifier';
import type { IdentityVerifier } from './identity/identity-verifier';
import { RegistryIdentityVerifier } from './identity/registry-identity-verifier';
import { HttpSmsSender } from './sms/http-sms-sender';
import { OutboxSmsSender } from './sms/outbox-sms-sender';
import type { SmsSender } from './sms/sms-sender';

const HTTP_DEFAULTS = { maxAttempts: 3, breakerThreshold: 5, breakerCooldownMs: 30_000 };

/** The adapters configuration asks for: embedded defaults, or the real-protocol implementations. */
export function createAdapters(config: Config, db: Db, cipher: FieldCipher, clock: Clock): { sms: SmsSender; identity: IdentityVerifier } {
  const sms =
    config.sms.kind === 'http'
      ? new HttpSmsSender({ ...HTTP_DEFAULTS, url: config.sms.url, keyHex: config.sms.keyHex, timeoutMs: config.outsideTimeoutMs })
      : new OutboxSmsSender(db, cipher, clock);
  const identity =
    config.identityVerifier.kind === 'http'
      ? new HttpIdentityVerifier({ ...HTTP_DEFAULTS, url: config.identityVerifier.url, keyHex: config.identityVerifier.keyHex, timeoutMs: config.outsideTimeoutMs })
      : new RegistryIdentityVerifier(db, cipher);
  return { sms, identity };
}
