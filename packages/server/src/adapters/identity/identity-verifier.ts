import type { IdCardValidTo, LocalDate, RealNameOutcome } from '@yunzheng/domain';

/** What the citizen typed from the ID card, already checked locally by the domain rules. */
export interface IdentityClaim {
  name: string;
  idNumber: string;
  validFrom: LocalDate;
  validTo: IdCardValidTo;
}

/** Asks the public-security registry whether name, ID number and validity period belong together. */
export interface IdentityVerifier {
  readonly kind: 'registry' | 'http';
  verify(claim: IdentityClaim): Promise<RealNameOutcome>;
}
