import { useQuery } from '@tanstack/react-query';
import type { CategoryCode, ChangeVariantCode, MaterialCode, ServiceCode } from '@yunzheng/domain';
import { api } from '../shared/api';

export interface CatalogueMaterial {
  code: MaterialCode;
  name: string;
  form: 'PHOTO' | 'SCAN';
  formLabel: string;
  required: boolean;
  variants?: ChangeVariantCode[];
}

export interface CatalogueService {
  code: ServiceCode;
  name: string;
  shortName: string;
  summary: string;
  eligibleCategories: CategoryCode[];
  materials: CatalogueMaterial[];
  variants?: { code: ChangeVariantCode; name: string; summary: string }[];
  fee: number;
}

export interface Catalogue {
  services: CatalogueService[];
  categories: { code: CategoryCode; name: string; isDriver: boolean }[];
}

/** The service catalogue as the server publishes it (GET /api/catalogue). */
export function useCatalogue() {
  return useQuery({ queryKey: ['catalogue'], queryFn: ({ signal }) => api<Catalogue>('/api/catalogue', { signal }) });
}
