// The reference lists, in words: column names as labels, dates as dd/mm/yyyy, yes/no for
// flags; the list shown is chosen from a dropdown and kept in the address.
import { Select, Space, Typography } from 'antd';
import { formatDate } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useUrlState } from '../../shared/lists';
import { PageHeading } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useReference } from '../../shared/reference';
import type { ReferenceRow } from '../../shared/types';

const LISTS = [
  'contents',
  'indicators',
  'provinces-2025',
  'provinces-2008',
  'regions',
  'areas',
  'region-areas',
  'province-merger',
  'rules',
  'program-periods',
  'period-targets',
  'report-groups',
  'content-report-groups',
];

// Columns not worth showing: the search key of a name.
const HIDDEN = new Set(['name_ascii']);

function ReferenceTable({ name }: { name: string }) {
  const { t } = useI18n();
  const rows = useReference(name);
  const render = (column: string) => (v: unknown) => {
    if (v === null || v === undefined || v === '') return '';
    if (column === 'confirmed') return t(v ? 'yes' : 'no');
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (typeof v === 'number' && column.endsWith('_vnd')) return v.toLocaleString('vi-VN');
    return String(v);
  };
  const columns = Object.keys(rows[0] ?? {})
    .filter((c) => !HIDDEN.has(c))
    .map((c) => ({ title: t(`col.${c}`), dataIndex: c, render: render(c) }));
  return (
    <ResponsiveTable<ReferenceRow>
      size="small"
      rowKey={(r) => String(r.code ?? r.id ?? r.old_code ?? JSON.stringify(r))}
      dataSource={rows}
      columns={columns}
      pagination={{ pageSize: 50 }}
    />
  );
}

export function ReferenceLists() {
  const { t } = useI18n();
  const { state, set } = useUrlState({ tab: 'contents' });
  return (
    <>
      <PageHeading title={t('nav.reference')} />
      <Space style={{ margin: '16px 0' }} wrap>
        <Typography.Text>{t('referenceList')}</Typography.Text>
        <Select
          aria-label={t('referenceList')}
          style={{ width: 320, maxWidth: '100%' }}
          value={state.tab}
          onChange={(tab) => set({ tab })}
          options={LISTS.map((key) => ({ value: key, label: t(`ref.${key}`) }))}
        />
      </Space>
      <ReferenceTable name={state.tab} />
    </>
  );
}
