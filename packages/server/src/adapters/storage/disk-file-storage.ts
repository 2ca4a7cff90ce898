import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FieldCipher } from '../crypto/field-cipher';
import { StoredFileNotFoundError, type FileStorage } from './file-storage';

/**
 * The embedded storage: files under DATA_DIR/files, named by 128 random bits (two-level directories), encrypted with
 * SM4 like the personal-data columns (standards S9), mode 0600, outside any web root — served only through the API
 * after an access check.
 */
const KEY_PATTERN = /^[0-9a-f]{32}$/;

export class DiskFileStorage implements FileStorage {
  readonly kind = 'disk';
  constructor(
    private readonly root: string,
    private readonly cipher: FieldCipher,
  ) {}

  #path(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new StoredFileNotFoundError('not a storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = randomBytes(16).toString('hex');
    const file = this.#path(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written to a temporary name first, so a crash never leaves half a file under the real key.
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, this.cipher.encryptBytes(bytes), { mode: 0o600 });
    await fs.rename(temporary, file);
    return key;
  }

  async get(key: string): Promise<Buffer> {
    try {
      return this.cipher.decryptBytes(await fs.readFile(this.#path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.#path(key), { force: true });
  }
}
