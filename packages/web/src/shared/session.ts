import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';

export interface SessionTimes {
  idleExpiresAt?: string;
  absoluteExpiresAt?: string;
  warnBeforeSeconds?: number;
}

export interface CitizenSession extends SessionTimes {
  authenticated: boolean;
  citizen?: { id: string; realNameStatus: 'NONE' | 'VERIFIED'; name: string | null };
}

export interface StaffSummary {
  id: string;
  username: string;
  name: string;
  authorityCode: string;
  roles: ('INTAKE' | 'REVIEWER' | 'PRODUCER' | 'ADMIN' | 'AUDITOR')[];
  status: 'ACTIVE' | 'DISABLED';
  totpEnrolled: boolean;
  createdAt: string;
}

export interface StaffSession extends SessionTimes {
  authenticated: boolean;
  staff?: StaffSummary;
}

export const CITIZEN_SESSION_KEY = ['session', 'citizen'] as const;
export const STAFF_SESSION_KEY = ['session', 'staff'] as const;

/** The citizen's sign-in state; polling it does not extend the session. */
export function useCitizenSession() {
  return useQuery({ queryKey: CITIZEN_SESSION_KEY, queryFn: () => api<CitizenSession>('/api/auth/session'), staleTime: 0, refetchInterval: 60_000 });
}

export function useStaffSession() {
  return useQuery({ queryKey: STAFF_SESSION_KEY, queryFn: () => api<StaffSession>('/api/admin/auth/session'), staleTime: 0, refetchInterval: 60_000 });
}

export function useRefreshSessions() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['session'] });
}
