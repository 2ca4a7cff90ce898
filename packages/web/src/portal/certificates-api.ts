import type { Tone } from '../shared/StatusTag';

export interface CycleSummary {
  number: number;
  start: string;
  end: string;
  totalPoints: number;
  suggestedGrade: string;
}

export interface CategoryView {
  code: string;
  name: string;
  firstIssueDate: string;
  issueDate: string;
  validTo: string;
  state: 'VALID' | 'EXPIRING_SOON' | 'EXPIRED' | 'LAPSED' | 'CANCELLED' | 'REVOKED' | 'VOID';
  stateName: string;
  nextStep: string;
  integrity: {
    currentCycle?: CycleSummary;
    lastEndedCycle?: CycleSummary;
    lastEndedCycleAssessed: boolean;
    results: { cycleNo: number; cycleStart: string; cycleEnd: string; totalPoints: number; grade: string; gradedOn: string; authority: string }[];
    points: { occurredOn: string; indicator: string; points: number; decisionNo: string; status: string }[];
  } | null;
}

export interface CertificateView {
  id: string;
  certNo: string;
  holderName: string;
  holderIdMasked: string;
  issuingAuthority: string;
  employerName: string | null;
  employerUscc: string | null;
  archiveNo: string | null;
  status: string;
  categories: CategoryView[];
}

export interface MyCertificates {
  bound: CertificateView[];
  bindable: { id: string; certNoHint: string; issuingAuthority: string; categories: string[] }[];
}

/** Tones for the states; the words are always shown too (never colour alone). */
export const STATE_TONES: Record<CategoryView['state'], Tone> = {
  VALID: 'success',
  EXPIRING_SOON: 'warning',
  EXPIRED: 'error',
  LAPSED: 'error',
  CANCELLED: 'neutral',
  REVOKED: 'neutral',
  VOID: 'neutral',
};
