import { eq } from 'drizzle-orm';
import type { RealNameOutcome } from '@yunzheng/domain';
import type { Db } from '../../db/client';
import { residents } from '../../db/schema';
import type { FieldCipher } from '../crypto/field-cipher';
import type { IdentityClaim, IdentityVerifier } from './identity-verifier';

/**
 * The embedded identity verifier: checks a resident-registry table (loaded from CSV with
 * `npm run cli -- import-residents FILE.csv`, seeded with the demo residents) the way the public-security service
 * compares: name, ID number and both validity dates must match a current record.
 */
export class RegistryIdentityVerifier implements IdentityVerifier {
  readonly kind = 'registry';
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  async verify(claim: IdentityClaim): Promise<RealNameOutcome> {
    const [record] = await this.db.select().from(residents).where(eq(residents.idNumberBidx, this.cipher.blindIndex('id', claim.idNumber)));
    if (!record || record.status !== 'NORMAL') return 'NOT_FOUND';
    if (record.name !== claim.name) return 'MISMATCH';
    if (record.validFrom !== claim.validFrom || record.validTo !== claim.validTo) return 'VALIDITY_MISMATCH';
    return 'MATCH';
  }
}
