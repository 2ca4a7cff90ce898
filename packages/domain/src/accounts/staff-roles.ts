/**
 * Staff roles (MLPS 三权分立: the system administrator manages accounts, the auditor only reads the audit log).
 */
export const STAFF_ROLES = ['INTAKE', 'REVIEWER', 'PRODUCER', 'ADMIN', 'AUDITOR'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffRoleNames: Record<StaffRole, string> = {
  INTAKE: '受理员',
  REVIEWER: '审核员',
  PRODUCER: '制证发证员',
  ADMIN: '管理员',
  AUDITOR: '审计员',
};

/** The auditor's duty excludes every other role: whoever reads the audit log must not make the entries. */
export function roleConflict(roles: readonly StaffRole[]): string | undefined {
  if (roles.length === 0) return '请至少选择一个角色';
  if (roles.includes('AUDITOR') && roles.length > 1) return '审计员不能同时担任其他角色';
  return undefined;
}

export const AUTHORITY_LEVELS = ['PROVINCE', 'CITY', 'COUNTY'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];
export const authorityLevelNames: Record<AuthorityLevel, string> = { PROVINCE: '省级', CITY: '市级', COUNTY: '县级' };
