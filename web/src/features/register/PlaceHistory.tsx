// An organization's or a facility's history: who changed what, when and why, with field
// labels and values in words (from the audit trail).
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { api } from '../../shared/api';
import { changedFields, HistoryTable } from '../../shared/HistoryTable';
import { useI18n } from '../../shared/i18n';
import { useProvinceName } from '../../shared/places';
import type { AuditEntry, ProvinceRef } from '../../shared/types';
import { PLACES, type PlaceKind } from './places';

// A field of the place's JSON and the word key of its label.
const FIELDS: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  province: 'province',
  address: 'address',
  tax_code: 'taxCode',
  commune: 'commune',
  industry: 'industry',
  employees: 'employees',
  craft_village: 'craftVillage',
  women_owned: 'womenOwned',
  ethnic_minority_workers: 'ethnicWorkers',
};

export function PlaceHistory({ kind, id }: { kind: PlaceKind; id: number }) {
  const { t } = useI18n();
  const provinceName = useProvinceName();
  const h = useQuery({
    queryKey: [kind, 'history', id],
    queryFn: () => api.placeHistory(kind, id),
  });
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
    if (field === 'kind') return t(`${PLACES[kind].kindWord}.${String(v)}`);
    if (field === 'province') return provinceName(v as ProvinceRef);
    if (typeof v === 'number') return v.toLocaleString('vi-VN');
    return String(v);
  };
  const changes = (e: AuditEntry) =>
    e.before && e.after ? changedFields(FIELDS, t, show, e.before, e.after).join('; ') : '';
  return (
    <Card size="small" title={t('history')}>
      <HistoryTable entries={h.data?.items ?? []} loading={h.isLoading} changes={changes} />
    </Card>
  );
}
