import { Table, Tabs } from 'antd';
import { useReference } from '../../shared/reference';
import type { ReferenceRow } from '../../shared/types';

const LISTS: { key: string; label: string }[] = [
  { key: 'contents', label: 'Nội dung khuyến công' },
  { key: 'indicators', label: 'Chỉ tiêu' },
  { key: 'provinces-2025', label: '34 tỉnh (từ 01/07/2025)' },
  { key: 'provinces-2008', label: '63 tỉnh (đến 30/06/2025)' },
  { key: 'regions', label: 'Vùng kinh tế - xã hội' },
  { key: 'areas', label: 'Miền' },
  { key: 'region-areas', label: 'Vùng - miền' },
  { key: 'rules', label: 'Quy định (có hiệu lực theo thời gian)' },
];

function ReferenceTable({ name }: { name: string }) {
  const rows = useReference(name);
  const columns = Object.keys(rows[0] ?? {}).map((c) => ({
    title: c,
    dataIndex: c,
    render: (v: unknown) => (v === null ? '' : String(v)),
  }));
  return (
    <Table<ReferenceRow>
      size="small"
      rowKey={(r) => String(r.code ?? r.id ?? r.old_code ?? JSON.stringify(r))}
      dataSource={rows}
      columns={columns}
      pagination={{ pageSize: 50 }}
      scroll={{ x: true }}
    />
  );
}

export function ReferenceLists() {
  return (
    <Tabs
      items={LISTS.map((l) => ({
        key: l.key,
        label: l.label,
        children: <ReferenceTable name={l.key} />,
      }))}
    />
  );
}
