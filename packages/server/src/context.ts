import type { Config } from './config';
import type { Db } from './db/client';
import type { Clock } from './adapters/clock';
import type { FieldCipher } from './adapters/crypto/field-cipher';
import type { IdentityVerifier } from './adapters/identity/identity-verifier';
import type { SmsSender } from './adapters/sms/sms-sender';
import type { FileStorage } from './adapters/storage/file-storage';
import type { DocumentSigner } from './adapters/crypto/document-signer';

/** What every service function gets: the database and the adapters chosen by configuration. */
export interface AppContext {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  clock: Clock;
  sms: SmsSender;
  identity: IdentityVerifier;
  storage: FileStorage;
  signer: DocumentSigner;
}
