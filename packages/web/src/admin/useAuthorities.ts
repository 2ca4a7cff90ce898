import { useQuery } from '@tanstack/react-query';
import type { AuthorityLevel } from '@yunzheng/domain';
import { api } from '../shared/api';

export interface Authority {
  code: string;
  name: string;
  divisionCode: string;
  level: AuthorityLevel;
  parentCode: string | null;
  address: string;
  phone: string;
  serviceHours: string;
}

export function useAuthorities() {
  return useQuery({ queryKey: ['admin', 'authorities'], queryFn: () => api<Authority[]>('/api/admin/authorities') });
}
