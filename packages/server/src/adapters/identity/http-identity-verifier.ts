import type { RealNameOutcome } from '@yunzheng/domain';
import { ResilientHttpClient, type ResilientHttpOptions } from '../resilient-http';
import type { IdentityClaim, IdentityVerifier } from './identity-verifier';

/**
 * The production identity verifier: a licensed channel to the public-security registry over HTTPS. The request
 * carries name, ID number and validity dates as YYYYMMDD (长期 as "长期"); the answer's `code` follows the common
 * vendor convention: 0 一致, -1 不一致, -2 身份证号无效, -3 姓名无效, -4 有效期无效, -5 身份信息无效,
 * -6 服务异常, -7 无此记录, -8 超出调用限制.
 */
const OUTCOME_BY_CODE: Record<string, RealNameOutcome> = {
  '0': 'MATCH',
  '-1': 'MISMATCH',
  '-2': 'INVALID_ID',
  '-3': 'MISMATCH',
  '-4': 'VALIDITY_MISMATCH',
  '-5': 'NOT_FOUND',
  '-6': 'UNAVAILABLE',
  '-7': 'NOT_FOUND',
  '-8': 'UNAVAILABLE',
};

const compact = (date: string) => date.replaceAll('-', '');

export class HttpIdentityVerifier implements IdentityVerifier {
  readonly kind = 'http';
  readonly #client: ResilientHttpClient;

  constructor(options: ResilientHttpOptions) {
    this.#client = new ResilientHttpClient(options);
  }

  async verify(claim: IdentityClaim): Promise<RealNameOutcome> {
    try {
      const answer = await this.#client.postJson<{ code?: string | number }>({
        name: claim.name,
        idNumber: claim.idNumber,
        validFrom: compact(claim.validFrom),
        validTo: claim.validTo === 'LONG_TERM' ? '长期' : compact(claim.validTo),
      });
      return OUTCOME_BY_CODE[String(answer.code)] ?? 'UNAVAILABLE';
    } catch {
      // Timeouts, exhausted retries and an open circuit all mean: ask again later.
      return 'UNAVAILABLE';
    }
  }
}
