// Saved scenarios of a program, and two to six of them side by side: the headline and the
// baselines, the money by content and by region, and the proposals funded differently.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDateTime, formatVnd, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import type { SavedScenario, ScenarioComparison } from '../../shared/types';
import { ApproveButton, DecisionList } from './Decisions';
import { wideTable } from '../../shared/ResponsiveTable';

type Group = ScenarioComparison['by_content'];

function GroupTable({ title, rows, names }: { title: string; rows: Group; names: string[] }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={rows}
      {...wideTable(rows, 600)}
      columns={[
        { title: t('plan.key'), dataIndex: 'key' },
        ...names.map((n, i) => ({
          title: n,
          key: `s${i}`,
          align: 'right' as const,
          render: (_: unknown, g: Group[number]) =>
            `${g.scenarios[i]?.funded ?? 0} · ${formatVndShort(g.scenarios[i]?.amount_vnd ?? 0)}`,
        })),
      ]}
    />
  );
}

export function ScenarioCompare({
  program,
  onOpen,
}: {
  program: string;
  onOpen: (s: SavedScenario) => void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const [selected, setSelected] = useState<number[]>([]);
  const [compared, setCompared] = useState<number[]>([]);
  const list = useQuery({
    queryKey: ['scenarios', program],
    queryFn: () => api.scenarios(program),
    enabled: !!program,
  });
  const cmp = useQuery({
    queryKey: ['scenarios', 'compare', compared],
    queryFn: () => api.compareScenarios(compared),
    enabled: compared.length >= 2,
  });
  const items = list.data?.items ?? [];
  const names = cmp.data?.scenarios.map((s) => s.name) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<SavedScenario>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        {...wideTable(items, 720)}
        locale={{ emptyText: <Empty description={t('plan.noScenarios')} /> }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: () => ({ 'aria-label': t('plan.pick') }),
        }}
        columns={[
          {
            title: t('plan.name'),
            dataIndex: 'name',
            render: (n: string, s) => (
              <Button type="link" onClick={() => onOpen(s)} style={{ padding: 0 }}>
                {n}
              </Button>
            ),
          },
          {
            title: t('plan.status'),
            key: 'status',
            render: (_, s) => (s.headline ? t(`plan.status.${s.headline.status}`) : '—'),
          },
          {
            title: t('plan.value'),
            key: 'value',
            align: 'right',
            render: (_, s) => s.headline?.value.toFixed(2),
          },
          {
            title: t('plan.allocated'),
            key: 'allocated',
            align: 'right',
            render: (_, s) => formatVnd(s.headline?.allocated_vnd ?? 0),
          },
          {
            title: t('plan.funded'),
            key: 'funded',
            align: 'right',
            render: (_, s) => s.headline?.funded,
          },
          { title: t('updatedAt'), dataIndex: 'updated_at', render: formatDateTime },
          ...(can('decide_plans')
            ? [
                {
                  title: t('plan.decision'),
                  key: 'decide',
                  render: (_: unknown, s: SavedScenario) => <ApproveButton scenario={s} />,
                },
              ]
            : []),
        ]}
      />
      <Button
        type="primary"
        disabled={selected.length < 2 || selected.length > 6}
        onClick={() => setCompared(selected)}
      >
        {t('plan.compare')}
      </Button>
      <DecisionList program={program} />
      {cmp.data && (
        <Card size="small" title={t('plan.comparison')} data-testid="comparison">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={cmp.data.scenarios}
              columns={[
                { title: t('plan.name'), dataIndex: 'name' },
                {
                  title: t('plan.value'),
                  dataIndex: 'value',
                  align: 'right',
                  render: (v: number) => v.toFixed(2),
                },
                {
                  title: t('plan.allocated'),
                  dataIndex: 'allocated_vnd',
                  align: 'right',
                  render: formatVnd,
                },
                { title: t('plan.funded'), dataIndex: 'funded', align: 'right' },
              ]}
            />
            <GroupTable title={t('plan.byContent')} rows={cmp.data.by_content} names={names} />
            <GroupTable title={t('plan.byRegion')} rows={cmp.data.by_region} names={names} />
            <Table
              size="small"
              rowKey="code"
              title={() => (
                <Typography.Text strong>
                  {t('plan.differences', { n: cmp.data.differences.length })}
                </Typography.Text>
              )}
              dataSource={cmp.data.differences}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              {...wideTable(cmp.data.differences, 600)}
              columns={[
                {
                  title: t('code'),
                  dataIndex: 'code',
                  render: (c: string, d) => <Link to={`/projects/${d.id}`}>{c}</Link>,
                },
                { title: t('title'), dataIndex: 'title', ellipsis: true },
                ...names.map((n, i) => ({
                  title: n,
                  key: `a${i}`,
                  align: 'right' as const,
                  render: (_: unknown, d: ScenarioComparison['differences'][number]) =>
                    d.amounts_vnd[i] ? formatVnd(d.amounts_vnd[i]) : '—',
                })),
              ]}
            />
          </Space>
        </Card>
      )}
    </Space>
  );
}
