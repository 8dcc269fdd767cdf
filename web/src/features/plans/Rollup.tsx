// National and local plans rolled up (what the decisions gave): by year as stacked bars of the
// national programme (KCQG) and the local ones (KCĐP), and by content and by region as
// tables. Every reader of plans sees it: decisions are published.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Typography } from 'antd';
import { api } from '../../shared/api';
import { Chart } from '../../shared/charts';
import { formatNumber, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { PlanRollup } from '../../shared/types';

type Row = PlanRollup['by_content'][number];

export function Rollup() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['decisions', 'rollup'], queryFn: () => api.planRollup() });
  const data = q.data;
  const years = data?.by_year ?? [];
  const option = {
    grid: { left: 56, right: 16, top: 32, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatVnd(v) },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: {
      type: 'value',
      name: t('plan.billions'),
      axisLabel: { formatter: (v: number) => formatNumber(v / 1e9) },
    },
    series: [
      { name: 'KCQG', type: 'bar', stack: 'all', data: years.map((y) => y.KCQG.amount_vnd) },
      { name: 'KCĐP', type: 'bar', stack: 'all', data: years.map((y) => y.KCDP.amount_vnd) },
    ],
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>
        {t('plan.rollup.sum', {
          amount: formatVnd(data?.total.total.amount_vnd ?? 0),
          projects: data?.total.total.projects ?? 0,
        })}
      </Typography.Paragraph>
      <Card size="small" title={t('plan.rollup.byYear')}>
        <Chart option={option} label={t('plan.rollup.byYear')} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <RollupTable by="content" rows={data?.by_content} loading={q.isLoading} />
        </Col>
        <Col xs={24} lg={10}>
          <RollupTable by="region" rows={data?.by_region} loading={q.isLoading} />
        </Col>
      </Row>
    </Space>
  );
}

// One breakdown (by content or by region): the key's name, then each level's money and count.
function RollupTable({
  by,
  rows,
  loading,
}: {
  by: 'content' | 'region';
  rows: Record<string, unknown>[] | undefined;
  loading: boolean;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const names = byCode(useReference(by === 'content' ? 'contents' : 'regions'));
  return (
    <Card size="small" title={t(by === 'content' ? 'byContent' : 'byRegion')}>
      <ResponsiveTable<Row>
        size="small"
        rowKey={by}
        loading={loading}
        pagination={false}
        dataSource={(rows ?? []) as unknown as Row[]}
        columns={[
          {
            title: t(by),
            key: by,
            render: (_: unknown, r: Row) => {
              const code = String((r as unknown as Record<string, unknown>)[by]);
              return label(names.get(code), code);
            },
          },
          ...(['KCQG', 'KCDP', 'total'] as const).map((level) => ({
            title: t(`plan.rollup.${level}`),
            key: level,
            align: 'right' as const,
            render: (_: unknown, r: Row) =>
              `${formatVnd(r[level].amount_vnd)} (${r[level].projects})`,
          })),
        ]}
      />
    </Card>
  );
}
