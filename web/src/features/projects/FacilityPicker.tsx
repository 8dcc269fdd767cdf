// Beneficiary facilities chosen from the register: type part of a name (without diacritics);
// the server searches and keeps to what the user may see; or registered on the way.
import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Facility } from '../../shared/types';
import { NewFacility } from './NewFacility';

export function FacilityPicker({
  value,
  onChange,
  id,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['facilities', 'pick', q],
    queryFn: () => api.facilities({ q: q || undefined, page_size: 20, sort: 'name' }),
  });
  const chosen = useQuery({
    queryKey: ['facilities', 'chosen', value],
    queryFn: () => Promise.all((value ?? []).map((f) => api.facility(f))),
    enabled: (value ?? []).length > 0,
  });
  const byId = new Map<number, Facility>();
  for (const f of [...(chosen.data ?? []), ...(found.data?.items ?? [])]) byId.set(f.id, f);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        id={id}
        mode="multiple"
        aria-label={t('beneficiaries')}
        placeholder={t('searchFacility')}
        value={value ?? []}
        onChange={onChange}
        loading={found.isFetching}
        showSearch={{ filterOption: false, onSearch: setQ }}
        options={[...byId.values()].map((f) => ({
          value: f.id,
          label: [f.name, f.commune].filter(Boolean).join(' — '),
        }))}
      />
      <NewFacility onCreated={(f) => onChange?.([...(value ?? []), f.id])} />
    </Space.Compact>
  );
}
