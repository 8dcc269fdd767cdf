// Quantities per indicator of the catalogue, with the indicator's name and unit.
import { Table } from 'antd';
import { formatNumber } from './format';
import { useI18n } from './i18n';
import { byCode, useLabel, useReference } from './reference';
import type { ProjectOutput } from './types';

export function OutputsTable({ outputs, title }: { outputs: ProjectOutput[]; title?: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const indicators = byCode(useReference('indicators'));
  return (
    <Table<ProjectOutput>
      size="small"
      title={title ? () => title : undefined}
      pagination={false}
      rowKey="indicator"
      dataSource={outputs}
      columns={[
        {
          title: t('indicator'),
          dataIndex: 'indicator',
          render: (k: string) => label(indicators.get(k), k),
        },
        {
          title: t('quantity'),
          dataIndex: 'quantity',
          align: 'right',
          render: (v: number, r) =>
            `${formatNumber(v)} ${String(indicators.get(r.indicator)?.unit_vi ?? '')}`,
        },
      ]}
    />
  );
}
