export interface ApplicationView {
  id: string;
  applyNo: string | null;
  service: 'INTEGRITY_ASSESSMENT' | 'REISSUE' | 'RENEW' | 'CHANGE' | 'CANCEL';
  serviceName: string;
  variant: 'CHANGE_PERSONAL' | 'CHANGE_EMPLOYER' | null;
  variantName: string | null;
  status: string;
  statusName: string;
  allowedActions: string[];
  noticeVersion: string;
  noticeAgreedAt: string;
  certificate: { id: string; certNo: string } | null;
  categories: { code: string; name: string }[];
  serviceFields: Record<string, string>;
  collectionMethod: 'PICKUP' | 'MAIL' | null;
  mailingAddressId: string | null;
  mailingAddress: { recipientName: string; mobileMasked: string; regionNames: Record<string, string>; detail: string; postcode: string | null } | null;
  handlingAuthority: { code: string; name: string; address: string; phone: string; serviceHours: string } | null;
  promisedDays: number | null;
  acceptedAt: string | null;
  legalDeadline: string | null;
  promisedDeadline: string | null;
  requiredMaterials: { code: string; name: string; form: 'PHOTO' | 'SCAN'; required: boolean }[];
  materials: { id: string; materialCode: string; originalName: string; mime: string; bytes: number; widthPx: number | null; heightPx: number | null; uploadedAt: string }[];
  timeline: { action: string; actionName: string; statusName: string; by: string; opinion: string | null; at: string }[];
  correction: { opinion: string | null; requestedAt: string; items: { materialCode: string; name: string; note: string }[] } | null;
  evaluation: { level: number; levelName: string; comment: string | null; at: string } | null;
  result: { courier?: string; trackingNo?: string; grade?: string; totalPoints?: number; cycleStart?: string; cycleEnd?: string; continuingEducationRequired?: boolean; cardSerialNo?: string | null };
  completedAt: string | null;
  documents: { id: string; kind: 'VOUCHER' | 'E_CERTIFICATE' | 'RECEIPT'; kindName: string; downloadName: string; docNo: string; verifyCode: string; issuedAt: string }[];
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Eligibility {
  certificates: {
    certificateId: string;
    certNo: string;
    categories: { code: string; name: string; validTo: string; selectable: boolean; reason: string | null; cycle: { number: number; start: string; end: string } | null; late: boolean }[];
  }[];
}

export interface MailingAddress {
  id: string;
  recipientName: string;
  mobileMasked: string;
  regionNames: { province: string; city: string; district: string };
  detail: string;
  postcode: string | null;
  isDefault: boolean;
}

export const STEPS = ['certificate', 'personal', 'materials', 'confirm'] as const;
export type StepKey = (typeof STEPS)[number];
export const STEP_TITLES: Record<StepKey, string> = { certificate: '证照信息', personal: '个人信息', materials: '申请材料', confirm: '确认信息' };

export const REISSUE_REASONS: Record<string, string> = { LOST: '遗失', DAMAGED: '毁损' };
export const CANCEL_SCOPES: Record<string, string> = { ALL: '全部', PARTIAL: '部分' };

/** 省市区 in order, once for municipalities (jsonb does not keep key order, so never join the object's values). */
export function regionText(names: Record<string, string>): string {
  const { province = '', city = '', district = '' } = names;
  return `${province}${city === province ? '' : city}${district}`;
}

/** The page heading of an application: the service, and for 变更 its kind. */
export function serviceTitle(a: Pick<ApplicationView, 'serviceName' | 'variantName'>): string {
  return `${a.serviceName}${a.variantName ? `（${a.variantName}）` : ''}`;
}
