import type { Query } from '../../shared/api';

// The project list's state, all of it in the address (see useUrlState): every key with its
// default. A number default makes the key numeric.
export const PROJECT_FILTERS = {
  q: undefined as string | undefined,
  year: undefined as number | undefined,
  program: undefined as number | undefined,
  content: undefined as string | undefined,
  province_set: '2025' as string,
  province: undefined as string | undefined,
  region: undefined as string | undefined,
  area: undefined as string | undefined,
  status: undefined as string | undefined,
  kind: undefined as string | undefined,
  sort: undefined as string | undefined,
  page: 1,
  page_size: 20,
};

export const NUMERIC_FILTERS = ['year', 'program'] as const;

export type ProjectFilters = typeof PROJECT_FILTERS;

/** The same filters without paging (totals and exports cover the whole filtered set). */
export function withoutPaging(f: ProjectFilters): Query {
  const rest: Query = { ...f };
  for (const k of ['page', 'page_size', 'sort']) delete rest[k];
  return rest;
}
