/** Sends a text message to a verified mainland mobile number. */
export interface SmsSender {
  readonly kind: 'outbox' | 'http';
  send(mobile: string, text: string): Promise<void>;
}
