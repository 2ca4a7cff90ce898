import type { FieldCipher } from '../../adapters/crypto/field-cipher';

/**
 * A 信息变更 carries a phone number and a home address in the application's service fields. Those are personal data
 * and are kept encrypted at rest like every other (standards S9): `seal` moves them into one ciphertext under
 * `sealed` before the row is written; `open` gives them back to the code that needs them in clear (the applicant's
 * own view, the case page before masking, the registry update).
 */
const PERSONAL_KEYS = ['contactMobile', 'residentialAddress'] as const;

export function sealPersonalChanges(cipher: FieldCipher, fields: Record<string, unknown>): Record<string, unknown> {
  const personal = Object.fromEntries(PERSONAL_KEYS.filter((k) => typeof fields[k] === 'string').map((k) => [k, fields[k]]));
  if (Object.keys(personal).length === 0) return fields;
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => !(PERSONAL_KEYS as readonly string[]).includes(k)));
  return { ...rest, sealed: cipher.encrypt(JSON.stringify(personal)) };
}

export function openPersonalChanges(cipher: FieldCipher, fields: Record<string, unknown>): Record<string, unknown> {
  if (typeof fields.sealed !== 'string') return fields;
  const { sealed, ...rest } = fields;
  return { ...rest, ...(JSON.parse(cipher.decrypt(sealed as string)) as Record<string, string>) };
}
