import type { Clock } from '../clock';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db } from '../../db/client';
import { smsOutbox } from '../../db/schema';
import type { SmsSender } from './sms-sender';

/**
 * The embedded SMS gateway: messages are stored (mobile encrypted) instead of sent. In development /dev/sms lists
 * them so a person trying the system can read the codes; in production this sender is not meant to be used.
 */
export class OutboxSmsSender implements SmsSender {
  readonly kind = 'outbox';
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async send(mobile: string, text: string): Promise<void> {
    await this.db.insert(smsOutbox).values({ mobileEnc: this.cipher.encrypt(mobile), text, createdAt: this.clock.now() });
  }
}
