// The answer of a solve: the headline beside the baselines, the conflicts when nothing fits,
// the money by content and by region, and every proposal with its amount or the reason it
// was left out (with the loss if it were forced in, once explained).
import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Chart, ProvinceMap } from '../../shared/charts';
import { formatNumber, formatVnd, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useProvinceName } from '../../shared/places';
import { useLabel, useReference } from '../../shared/reference';
import type { PlanCandidate, PlanFunded, PlanResult, PlanUnfunded } from '../../shared/types';
import { wideTable } from '../../shared/ResponsiveTable';

// Solid colours dark enough for white text (WCAG AA), as the workflow's status tags.
const STATUS_COLOR: Record<string, string> = {
  optimal: '#135200',
  feasible: '#ad4e00',
  infeasible: '#820014',
  time_limit: '#820014',
};

// The funded money by province (2025 set) on the map; a proposal over several provinces counts
// in equal parts, as the plan's limits count it.
function FundedMap({ funded }: { funded: PlanFunded[] }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const provinces = useReference('provinces-2025');
  // The label function changes with the language only.
  const names = useMemo(
    () => new Map(provinces.map((p) => [String(p.code), label(p)])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [provinces, lang],
  );
  const amounts = useMemo(() => new Map(byKey(funded, (f) => f.provinces_2025)), [funded]);
  const top = [...amounts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return (
    <ProvinceMap
      amounts={amounts}
      names={names}
      label={`${t('plan.byProvince')}: ${top
        .map(([code, v]) => `${names.get(code) ?? code} ${formatVnd(v)}`)
        .join('; ')}`}
    />
  );
}

function byKey(items: PlanFunded[], key: (f: PlanFunded) => string[]) {
  const out = new Map<string, number>();
  for (const f of items) {
    const keys = key(f);
    for (const k of keys) out.set(k, (out.get(k) ?? 0) + f.amount_vnd / keys.length);
  }
  return [...out.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

// Bars in billions of đồng (the axis says so once), the exact amount in the tooltip.
function MoneyChart({ rows, label }: { rows: [string, number][]; label: string }) {
  const { t } = useI18n();
  const option = {
    grid: { left: 80, right: 24, top: 8, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatVnd(v) },
    xAxis: {
      type: 'value',
      name: t('plan.billions'),
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (v: number) => formatNumber(v / 1e9) },
    },
    yAxis: { type: 'category', data: rows.map((r) => r[0]) },
    series: [{ type: 'bar', data: rows.map((r) => Math.round(r[1])) }],
  };
  return <Chart option={option} label={label} height={Math.max(160, rows.length * 26 + 40)} />;
}

// One list at a time, chosen with a segmented control (a tab strip would overflow on a phone).
function ResultLists({
  lists,
}: {
  lists: { key: string; label: string; children: React.ReactNode }[];
}) {
  const [shown, setShown] = useState(lists[0].key);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        value={shown}
        onChange={(v) => setShown(String(v))}
        options={lists.map((l) => ({ value: l.key, label: l.label }))}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      {lists.find((l) => l.key === shown)?.children}
    </Space>
  );
}

export function PlanResultView({ result, explained }: { result: PlanResult; explained: boolean }) {
  const { t } = useI18n();
  const provinceName = useProvinceName();
  const rank = result.baselines.find((b) => b.name === 'rank_by_score');
  const gain = rank && rank.value > 0 ? (result.value / rank.value - 1) * 100 : 0;
  const province = (p: PlanCandidate) =>
    p.provinces_2025.map((c) => provinceName({ set: '2025', code: c })).join(', ');
  const common = <T extends PlanCandidate>() => [
    {
      title: t('code'),
      dataIndex: 'code',
      render: (c: string, p: T) => <Link to={`/projects/${p.id}`}>{c}</Link>,
    },
    { title: t('title'), dataIndex: 'title', ellipsis: true },
    { title: t('province'), key: 'province', render: (_: unknown, p: T) => province(p) },
    { title: t('content'), dataIndex: 'content' },
    {
      title: t('plan.score'),
      dataIndex: 'score',
      align: 'right' as const,
      sorter: (a: T, b: T) => a.score - b.score,
    },
    {
      title: t('requested'),
      dataIndex: 'requested_vnd',
      align: 'right' as const,
      render: formatVnd,
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('plan.status')}
              valueRender={() => (
                <Tag color={STATUS_COLOR[result.status]} data-testid="plan-status">
                  {t(`plan.status.${result.status}`)}
                </Tag>
              )}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('plan.value')}
              value={formatNumber(Math.round(result.value * 100) / 100)}
              valueRender={(v) => <span data-testid="plan-value">{v}</span>}
              suffix={
                rank && (
                  <Typography.Text style={{ fontSize: 14, color: '#135200' }}>
                    {gain >= 0 ? '+' : ''}
                    {gain.toFixed(1)} % {t('plan.overRank')}
                  </Typography.Text>
                )
              }
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('plan.allocated')}
              value={formatVndShort(result.allocated_vnd)}
              suffix={`/ ${formatVndShort(result.envelope_vnd - result.commitments_vnd)}`}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('plan.funded')}
              value={result.funded.length}
              suffix={`/ ${result.funded.length + result.unfunded.length}`}
              valueRender={(v) => <span data-testid="plan-funded">{v}</span>}
            />
          </Card>
        </Col>
      </Row>
      {result.status === 'infeasible' && (
        <Alert
          type="error"
          showIcon
          title={t('plan.infeasible')}
          description={
            <ul>
              {result.conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          }
        />
      )}
      {result.funded.length > 0 && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('plan.byContent')}>
              <MoneyChart
                rows={byKey(result.funded, (f) => [f.content ?? ''])}
                label={t('plan.byContent')}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('plan.byRegion')}>
              <MoneyChart
                rows={byKey(result.funded, (f) => f.regions)}
                label={t('plan.byRegion')}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('plan.byProvince')}>
              <FundedMap funded={result.funded} />
            </Card>
          </Col>
        </Row>
      )}
      <ResultLists
        lists={[
          {
            key: 'funded',
            label: `${t('plan.fundedList')} (${result.funded.length})`,
            children: (
              <Table<PlanFunded>
                size="small"
                rowKey="code"
                dataSource={result.funded}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                {...wideTable(result.funded, 900)}
                columns={[
                  ...common<PlanFunded>(),
                  {
                    title: t('plan.amount'),
                    dataIndex: 'amount_vnd',
                    align: 'right' as const,
                    render: formatVnd,
                  },
                  {
                    title: t('plan.priority'),
                    dataIndex: 'value',
                    align: 'right' as const,
                    render: (v: number) => v.toFixed(2),
                  },
                  ...(explained
                    ? [
                        {
                          title: t('plan.lossIfDropped'),
                          dataIndex: 'loss_if_dropped',
                          align: 'right' as const,
                          render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'unfunded',
            label: `${t('plan.unfundedList')} (${result.unfunded.length})`,
            children: (
              <Table<PlanUnfunded>
                size="small"
                rowKey="code"
                dataSource={result.unfunded}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                {...wideTable(result.unfunded, 900)}
                columns={[
                  ...common<PlanUnfunded>(),
                  {
                    title: t('plan.reason'),
                    key: 'reason',
                    render: (_: unknown, u: PlanUnfunded) =>
                      `${t(`plan.reason.${u.reason}`)}${u.limit ? ` (${u.limit})` : ''}`,
                  },
                  ...(explained
                    ? [
                        {
                          title: t('plan.lossIfForced'),
                          dataIndex: 'loss_if_forced',
                          align: 'right' as const,
                          render: (v: number | null) =>
                            v === null ? t('plan.cannot') : v.toFixed(2),
                        },
                        {
                          title: t('plan.valueNeeded'),
                          dataIndex: 'value_needed',
                          align: 'right' as const,
                          render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'baselines',
            label: t('plan.baselines'),
            children: (
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={[
                  {
                    name: 'optimum',
                    value: result.value,
                    allocated_vnd: result.allocated_vnd,
                    unused_vnd: result.unused_vnd,
                    violations: [] as string[],
                  },
                  ...result.baselines,
                ]}
                columns={[
                  {
                    title: t('plan.method'),
                    dataIndex: 'name',
                    render: (n: string) => t(`plan.baseline.${n}`),
                  },
                  {
                    title: t('plan.value'),
                    dataIndex: 'value',
                    align: 'right' as const,
                    render: (v: number) => v.toFixed(2),
                  },
                  {
                    title: t('plan.allocated'),
                    dataIndex: 'allocated_vnd',
                    align: 'right' as const,
                    render: formatVnd,
                  },
                  {
                    title: t('plan.unused'),
                    dataIndex: 'unused_vnd',
                    align: 'right' as const,
                    render: formatVnd,
                  },
                  {
                    title: t('plan.breaks'),
                    dataIndex: 'violations',
                    render: (v: string[]) => v.join(', ') || '—',
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
