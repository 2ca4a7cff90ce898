/**
 * Issued documents (issue 7): the 诚信考核凭证, the 电子从业资格证 and the 办件回执. Each carries a short verification
 * code and a QR code to the public /verify page. What is signed is the document's canonical content — its facts as
 * JSON with sorted keys — so that a reprint, a new layout or a font change never changes what was certified.
 */
export const DOCUMENT_KINDS = ['VOUCHER', 'E_CERTIFICATE', 'RECEIPT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const documentKindNames: Record<DocumentKind, string> = {
  VOUCHER: '道路运输驾驶员诚信考核凭证',
  E_CERTIFICATE: '电子从业资格证',
  RECEIPT: '办件回执',
};

/** Short names on buttons: 下载凭证, 下载电子证照, 下载回执 (seed guide step 7–8). */
export const documentDownloadNames: Record<DocumentKind, string> = { VOUCHER: '下载凭证', E_CERTIFICATE: '下载电子证照', RECEIPT: '下载回执' };

/** Document-number prefixes: 凭证 PZ, 证照 DZ, 回执 HZ, then the issue date and a sequence. */
export const documentNoPrefix: Record<DocumentKind, string> = { VOUCHER: 'PZ', E_CERTIFICATE: 'DZ', RECEIPT: 'HZ' };

export const DOCUMENT_STATUSES = ['VALID', 'SUPERSEDED', 'VOID'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** What a verifier is told, in words: a later reprint supersedes; a voided or cancelled card voids the e-certificate. */
export const documentStatusNames: Record<DocumentStatus, string> = {
  VALID: '有效',
  SUPERSEDED: '已被新版本替代（请以最新打印的文书为准）',
  VOID: '已失效（证件已作废或注销）',
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level: one byte sequence for one content, whatever the insertion order. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Verification codes: 12 characters of Crockford base32 (no I, L, O, U: nothing to misread on paper), shown in
 * groups of four. 60 random bits: guessing one is hopeless at the verify page's rate limit.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function verificationCodeFrom(random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('need 8 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) code += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** Accepts what a person types: lower case, spaces or dashes between groups, O for 0 and I/L for 1. */
export function normaliseVerificationCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(code) ? code : undefined;
}

export const formatVerificationCode = (code: string) => code.match(/.{1,4}/g)!.join('-');
