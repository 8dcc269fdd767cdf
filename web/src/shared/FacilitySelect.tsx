// Picks a facility (or, with kind="organizations", an organization; with kind="projects", a
// project by its code or title) of the register by typing
// part of its name (without diacritics, as the register's search allows); the options come from
// the server page by page as the user types.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from './api';
import { SHOWN_HERE, useProblemText } from './problems';

type Props = {
  value?: number;
  onChange?: (id: number) => void;
  // Names already known for ids the form starts with (e.g. an earlier letter's facilities).
  known?: { id: number; name: string }[];
  'aria-label'?: string;
  kind?: 'facilities' | 'organizations' | 'projects';
};

export function FacilitySelect({
  value,
  onChange,
  known = [],
  kind = 'facilities',
  ...rest
}: Props) {
  const [q, setQ] = useState('');
  const problemText = useProblemText();
  const found = useQuery({
    queryKey: [kind, 'pick', q],
    meta: SHOWN_HERE, // in the list (notFoundContent)
    queryFn: async (): Promise<{ items: { id: number; name: string }[] }> => {
      if (kind === 'facilities') return api.facilities({ q, page_size: 20 });
      if (kind === 'organizations') return api.organizations({ q, page_size: 20 });
      const page = await api.projects({ q, page_size: 20 });
      return { items: page.items.map((p) => ({ id: p.id, name: `${p.code} — ${p.title}` })) };
    },
    enabled: q.trim().length >= 2,
  });
  const options = new Map<number, string>(known.map((k) => [k.id, k.name]));
  for (const f of found.data?.items ?? []) options.set(f.id, f.name);
  return (
    <Select<number>
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setQ}
      filterOption={false}
      loading={found.isFetching}
      // A search that failed says why in the list, instead of an empty one.
      notFoundContent={found.isError ? problemText(found.error) : undefined}
      style={{ minWidth: 260 }}
      options={[...options].map(([id, name]) => ({ value: id, label: `${name} (${id})` }))}
      aria-label={rest['aria-label']}
    />
  );
}
