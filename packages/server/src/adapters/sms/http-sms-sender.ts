import { ResilientHttpClient, type ResilientHttpOptions } from '../resilient-http';
import type { SmsSender } from './sms-sender';

/**
 * A configurable SMS gateway over HTTPS: POST {mobile, text, signName} signed with HMAC-SM3; the gateway answers
 * {"ok": true} or {"ok": false, "message": "…"}.
 */
export class HttpSmsSender implements SmsSender {
  readonly kind = 'http';
  readonly #client: ResilientHttpClient;

  constructor(options: ResilientHttpOptions) {
    this.#client = new ResilientHttpClient(options);
  }

  async send(mobile: string, text: string): Promise<void> {
    const answer = await this.#client.postJson<{ ok: boolean; message?: string }>({ mobile, text, signName: '运政通' });
    if (!answer.ok) throw new Error(`SMS gateway refused the message: ${answer.message ?? 'no reason given'}`);
  }
}
