import type { ApplicationAction, DeadlineState } from '@yunzheng/domain';

export interface Deadline {
  state: DeadlineState;
  workingDaysLeft: number;
}

export interface CaseListItem {
  id: string;
  applyNo: string;
  service: string;
  serviceName: string;
  variantName: string | null;
  applicantNameMasked: string;
  certNoMasked: string | null;
  categories: string[];
  status: string;
  statusName: string;
  submittedAt: string | null;
  dueDate: string | null;
  deadline: Deadline | null;
  claimedByName: string | null;
  claimedByMe: boolean;
  authorityName: string;
  readOnly: boolean;
}

export interface PointRecord {
  id: string;
  occurredOn: string;
  indicator: string;
  points: number;
  decisionNo: string;
  source: string;
  status: 'VALID' | 'REVOKED';
  revokedReason: string | null;
}

export interface CaseDetail {
  id: string;
  applyNo: string;
  service: string;
  serviceName: string;
  variant: string | null;
  variantName: string | null;
  status: string;
  statusName: string;
  queue: string | null;
  readOnly: boolean;
  noticeVersion: string;
  noticeAgreedAt: string;
  notice: { title: string; version: string; sections: { heading: string; lines: string[] }[] } | null;
  categories: { code: string; name: string }[];
  serviceFields: Record<string, string>;
  collectionMethod: 'PICKUP' | 'MAIL' | null;
  mailingAddress: { recipientName: string; mobileMasked: string; regionNames: Record<string, string>; detail: string; postcode: string | null } | null;
  handlingAuthority: { name: string } | null;
  applicant: { nameMasked: string; idNumberMasked: string | null; mobileMasked: string; sex: 'M' | 'F' | null; birthDate: string | null; realNameVerifiedAt: string | null } | null;
  certificateDetail: {
    certNo: string;
    holderNameMasked: string;
    employerName: string | null;
    employerUscc: string | null;
    archiveNo: string | null;
    status: string;
    categories: { code: string; name: string; firstIssueDate: string; issueDate: string; validTo: string; stateName: string }[];
  } | null;
  requiredMaterials: { code: string; name: string; required: boolean }[];
  materials: { id: string; materialCode: string; originalName: string; mime: string; bytes: number; widthPx: number | null; heightPx: number | null; uploadedAt: string }[];
  claim: { claimedByName: string | null; claimedByMe: boolean; claimedAt: string | null };
  staffActions: ApplicationAction[];
  staffTimeline: { action: string; actionName: string; statusName: string; by: string; opinion: string | null; details: Record<string, unknown>; at: string }[];
  deadlines: {
    today: string;
    acceptanceDeadline: string | null;
    legalDeadline: string | null;
    promisedDeadline: string | null;
    correctionDeadline: string | null;
    dueDate: string | null;
    status: Deadline | null;
    overdueFlaggedAt: string | null;
  };
  promisedDays: number | null;
  grading: {
    cycle: { number: number; start: string; end: string };
    categoryCode: string;
    late: boolean;
    totalPoints: number;
    suggestedGrade: string;
    suggestedGradeName: string;
    pointRecords: PointRecord[];
  } | null;
  correction: { opinion: string | null; items: { materialCode: string; note: string; name: string }[] } | null;
  result: Record<string, unknown>;
  documents: { id: string; kind: string; kindName: string; docNo: string; verifyCode: string; status: string; statusName: string; issuedAt: string }[];
  submittedAt: string | null;
  completedAt: string | null;
}
