import { sm2, sm3 } from 'sm-crypto-v2';

/**
 * SM2 signatures (GB/T 32918.2, with SM3 and the standard user id) over a document's canonical content. The key is
 * configuration (YZ_SIGNING_KEY; generated into the data directory in development). The key id — the first 16 hex
 * characters of the public key's SM3 hash — is stored with each signature, so an old document still verifies
 * after a key rotation as long as its public key is kept in `previousPublicKeys`.
 */
export class DocumentSigner {
  readonly publicKey: string;
  readonly keyId: string;
  readonly #privateKey: string;
  readonly #publicKeys: Map<string, string>;

  constructor(privateKeyHex: string, previousPublicKeys: string[] = []) {
    this.#privateKey = privateKeyHex.toLowerCase();
    this.publicKey = sm2.getPublicKeyFromPrivateKey(this.#privateKey);
    this.keyId = DocumentSigner.keyIdOf(this.publicKey);
    this.#publicKeys = new Map([this.publicKey, ...previousPublicKeys].map((k) => [DocumentSigner.keyIdOf(k), k]));
  }

  static keyIdOf(publicKey: string): string {
    return sm3(publicKey).slice(0, 16);
  }

  /** SM3 of the content (hex): what the database stores as the content hash. */
  static hash(content: string): string {
    return sm3(content);
  }

  sign(content: string): { signature: string; keyId: string } {
    return { signature: sm2.doSignature(content, this.#privateKey, { hash: true, der: true, publicKey: this.publicKey }), keyId: this.keyId };
  }

  /** False for a changed content, a changed signature, or a key this server does not know. */
  verify(content: string, signature: string, keyId: string): boolean {
    const publicKey = this.#publicKeys.get(keyId);
    if (!publicKey) return false;
    try {
      return sm2.doVerifySignature(content, signature, publicKey, { hash: true, der: true });
    } catch {
      return false;
    }
  }
}
