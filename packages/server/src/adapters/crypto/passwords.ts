import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with m = 19 MiB, t = 2, p = 1 (ASVS 5.0 App. C; ≈ 20 ms here), computed on libuv's thread pool so the
 * event loop keeps serving. The salt and parameters are inside the stored string.
 */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist, so timing reveals nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash(`decoy-${Math.random()}`, OPTIONS);
  return decoy;
}
