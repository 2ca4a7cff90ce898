import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field encryption for personal data at rest (GB/T 39786 8.4 e, standards S9): SM4-CTR then HMAC-SM3 over
 * version, IV and ciphertext (encrypt-then-MAC; Node has no SM4-GCM). Keys are derived from one 32-byte master key
 * with HKDF-SM3, each for one purpose, so the blind-index key cannot decrypt and the cipher key cannot index.
 *
 * Token format: `v1.` + base64url(iv[16] | ciphertext | tag[32]). The version names the key generation, so keys
 * can be rotated by adding v2 and re-encrypting in the background.
 */
const VERSION = 'v1';
const IV_BYTES = 16;
const TAG_BYTES = 32;

export class FieldCipherError extends Error {}

export class FieldCipher {
  readonly #encKey: Buffer;
  readonly #macKey: Buffer;
  readonly #indexKey: Buffer;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    if (master.length !== 32) throw new FieldCipherError('the field master key must be 32 bytes');
    const derive = (info: string, length: number) => Buffer.from(hkdfSync('sm3', master, 'yunzheng', info, length));
    this.#encKey = derive('field-encryption/sm4', 16);
    this.#macKey = derive('field-encryption/hmac-sm3', 32);
    this.#indexKey = derive('blind-index/hmac-sm3', 32);
  }

  encrypt(plaintext: string): string {
    return `${VERSION}.${this.encryptBytes(Buffer.from(plaintext, 'utf8')).toString('base64url')}`;
  }

  decrypt(token: string): string {
    const [version, body] = token.split('.');
    if (version !== VERSION || !body) throw new FieldCipherError('unknown field-encryption version');
    return this.decryptBytes(Buffer.from(body, 'base64url')).toString('utf8');
  }

  /** Binary form (stored files): iv[16] | ciphertext | tag[32]. */
  encryptBytes(plaintext: Uint8Array): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-ctr', this.#encKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, ciphertext, this.#tag(iv, ciphertext)]);
  }

  decryptBytes(raw: Buffer): Buffer {
    if (raw.length < IV_BYTES + TAG_BYTES) throw new FieldCipherError('ciphertext too short');
    const iv = raw.subarray(0, IV_BYTES);
    const ciphertext = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    if (!timingSafeEqual(tag, this.#tag(iv, ciphertext))) throw new FieldCipherError('ciphertext was altered');
    const decipher = createDecipheriv('sm4-ctr', this.#encKey, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  }

  /** A keyed, deterministic index for exact look-ups; `kind` separates e.g. mobiles from ID numbers. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sm3', this.#indexKey).update(`${kind}:${value}`).digest('hex');
  }

  #tag(iv: Buffer, ciphertext: Buffer): Buffer {
    return createHmac('sm3', this.#macKey).update(VERSION).update(iv).update(ciphertext).digest();
  }
}
