// Reference lists (contents, provinces, regions, indicators ...) loaded once and cached.
import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { ReferenceRow } from './types';
import { useI18n } from './i18n';

export const referenceQuery = (name: string) => ({
  queryKey: ['reference', name],
  queryFn: () => api.reference(name),
  staleTime: Infinity,
});

export function useReference(name: string): ReferenceRow[] {
  const q = useQuery(referenceQuery(name));
  return q.data?.items ?? [];
}

/** Name of a reference row in the current language (name_vi / name_en). */
export function useLabel() {
  const { lang } = useI18n();
  return (row: ReferenceRow | undefined, fallback = ''): string => {
    if (!row) return fallback;
    const en = row['name_en'];
    return String(lang === 'en' && en ? en : (row['name_vi'] ?? fallback));
  };
}

export function byCode(rows: ReferenceRow[]): Map<string, ReferenceRow> {
  return new Map(rows.map((r) => [String(r.code), r]));
}
