import { createHmac, randomBytes } from 'node:crypto';
import { ConsecutiveBreaker, ExponentialBackoff, TaskCancelledError, TimeoutStrategy, circuitBreaker, handleWhen, retry, timeout, wrap, type IPolicy } from 'cockatiel';

/**
 * Calls to outside HTTP services (public-security identity check, SMS gateway): a signed JSON POST with a
 * per-attempt timeout, retries with exponential backoff on network errors and 5xx (never on a definite answer),
 * and a circuit breaker that fails fast after repeated failures so a dead dependency cannot pile up requests.
 *
 * Signature: hex HMAC-SM3 over `timestamp \n nonce \n body` with the shared key, in X-YZ-Signature, so the
 * receiver can check origin, integrity and freshness.
 */
export interface ResilientHttpOptions {
  url: string;
  keyHex: string;
  timeoutMs: number;
  maxAttempts: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  backoffInitialMs?: number;
}

/** A transient failure worth retrying. */
export class TransientHttpError extends Error {}

export function signRequest(keyHex: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sm3', Buffer.from(keyHex, 'hex')).update(`${timestamp}\n${nonce}\n${body}`).digest('hex');
}

export class ResilientHttpClient {
  readonly #policy: IPolicy;

  constructor(readonly options: ResilientHttpOptions) {
    const transient = handleWhen((error) => error instanceof TransientHttpError || error instanceof TaskCancelledError || error.name === 'AbortError');
    this.#policy = wrap(
      circuitBreaker(transient, { halfOpenAfter: options.breakerCooldownMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) }),
      retry(transient, { maxAttempts: options.maxAttempts - 1, backoff: new ExponentialBackoff({ initialDelay: options.backoffInitialMs ?? 200, maxDelay: 2_000 }) }),
      timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
    );
  }

  /** POSTs `payload` and returns the parsed JSON answer; throws on failure after retries or when the breaker is open. */
  postJson<T>(payload: unknown): Promise<T> {
    const body = JSON.stringify(payload);
    return this.#policy.execute(async ({ signal }) => {
      const timestamp = String(Date.now());
      const nonce = randomBytes(16).toString('hex');
      let response: Response;
      try {
        response = await fetch(this.options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-YZ-Timestamp': timestamp,
            'X-YZ-Nonce': nonce,
            'X-YZ-Signature': signRequest(this.options.keyHex, timestamp, nonce, body),
          },
          body,
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        throw new TransientHttpError(`network error: ${(error as Error).message}`);
      }
      if (response.status >= 500 || response.status === 429) throw new TransientHttpError(`HTTP ${response.status}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as T;
    });
  }
}
