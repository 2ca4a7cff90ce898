import type { AuthorityLevel, StaffRole } from '../accounts/staff-roles';
import type { ServiceCode } from '../catalogue/services';
import { TRANSITIONS, type ApplicationAction, type ApplicationStatus } from '../application/status-machine';

/**
 * Who may see and act on a case (issue 6, access rules): a staff member acts only on cases handled by their own
 * authority; a province-level authority also reads its subordinate authorities' cases, read-only; nothing else is
 * visible at all (the server answers 404). Within their own cases, an action needs the role the status machine names.
 */
export type CaseAccess = 'NONE' | 'READ' | 'ACT';

export interface StaffScope {
  authorityCode: string;
  authorityLevel: AuthorityLevel;
  roles: readonly StaffRole[];
}

/** Roles that decide cases. */
export const CASE_ROLES: readonly StaffRole[] = ['INTAKE', 'REVIEWER', 'PRODUCER'];
/** Roles that work with cases: the deciding roles, and the 管理员 who supervises (转办) without deciding. */
export const CASE_WORKER_ROLES: readonly StaffRole[] = [...CASE_ROLES, 'ADMIN'];
export const worksCases = (roles: readonly StaffRole[]): boolean => roles.some((r) => CASE_WORKER_ROLES.includes(r));

export function caseAccess(staff: StaffScope, handlingAuthorityCode: string, subordinatesOfStaffAuthority: ReadonlySet<string>): CaseAccess {
  if (!worksCases(staff.roles)) return 'NONE';
  if (handlingAuthorityCode === staff.authorityCode) return 'ACT';
  if (staff.authorityLevel === 'PROVINCE' && subordinatesOfStaffAuthority.has(handlingAuthorityCode)) return 'READ';
  return 'NONE';
}

/** Whether any of the roles may take this action on this service in some status (else the action is not theirs). */
export function roleMayEverTake(roles: readonly StaffRole[], service: ServiceCode, action: ApplicationAction): boolean {
  return Object.values(TRANSITIONS).some((row) => {
    const t = row?.[action];
    return !!t && (!t.services || t.services.includes(service)) && roles.includes(t.by as StaffRole);
  });
}

export type ActionDecision = 'NOT_FOUND' | 'WRONG_STATUS' | 'ALLOWED';

/**
 * The outcome of a staff action before claims are considered: 404 for a case they may not act on or an action that
 * is not their role's, 409 for their action at the wrong moment, else allowed.
 */
export function decideStaffAction(access: CaseAccess, roles: readonly StaffRole[], service: ServiceCode, status: ApplicationStatus, action: ApplicationAction): ActionDecision {
  if (access !== 'ACT' || !roleMayEverTake(roles, service, action)) return 'NOT_FOUND';
  const t = TRANSITIONS[status]?.[action];
  if (!t || (t.services && !t.services.includes(service)) || !roles.includes(t.by as StaffRole)) return 'WRONG_STATUS';
  return 'ALLOWED';
}
