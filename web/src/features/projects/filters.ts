import type { Query } from '../../shared/api';

export interface ProjectFilters {
  q?: string;
  year?: number;
  program?: number;
  content?: string;
  province_set: '2008' | '2025';
  province?: string;
  region?: string;
  area?: string;
  status?: string;
  kind?: string;
  sort?: string;
  page: number;
  page_size: number;
}

export const initialFilters: ProjectFilters = { province_set: '2025', page: 1, page_size: 20 };

export function toQuery(f: ProjectFilters): Query {
  return { ...f };
}
