// A program period year by year: the national (KCQG) and local (KCĐP) programs side by side
// and summed, with a chart of the plan by year, and the period's indicators — targets against
// the actuals from acceptances. The period is in the address; the same figures as PDF, Excel
// or CSV.
import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Select, Space, Typography } from 'antd';
import { api } from '../../shared/api';
import { Chart } from '../../shared/charts';
import { formatNumber, formatVnd, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { PeriodReport } from '../../shared/types';
import { Downloads, pct, ReportTabs, AsOf } from './parts';

type Year = PeriodReport['years'][number];

export function PeriodReportPage() {
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const periods = useReference('program-periods');
  const indicators = byCode(useReference('indicators'));
  const thisYear = new Date().getFullYear();
  const current = periods.find(
    (p) => Number(p.start_year) <= thisYear - 1 && thisYear - 1 <= Number(p.end_year),
  );
  const { state, set } = useUrlState({ period: '' });
  const period = state.period || String(current?.code ?? periods[0]?.code ?? '');
  const report = useQuery({
    queryKey: ['report', 'period', period],
    queryFn: () => api.periodReport({ period }),
    enabled: period !== '',
  });
  if (!can('read_execution')) return <NoAccess title={t('nav.reports')} />;
  const r = report.data;
  const money = (level: 'KCQG' | 'KCDP' | 'total') => ({
    title: t(`report.level.${level}`),
    align: 'right' as const,
    render: (_: unknown, y: Year) =>
      `${formatVnd(y[level].funds.plan_vnd)} (${formatNumber(y[level].projects.planned)})`,
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={t('report.period')} />
      <ReportTabs />
      <Space wrap>
        <Select
          style={{ width: 420, maxWidth: '80vw' }}
          aria-label={t('report.periodSelect')}
          value={period || undefined}
          onChange={(v) => set({ period: v })}
          options={periods.map((p) => ({ value: String(p.code), label: label(p, String(p.code)) }))}
        />
        <Downloads url={(format) => api.reportUrl('period', { period, format })} />
      </Space>
      <AsOf value={report.data?.data_as_of} />
      {r && (
        <Typography.Text type="secondary">
          {`${t('report.legal')}: ${r.period.legal_basis}`}
          {!r.period.confirmed && ` (${t('report.unconfirmed')})`}
        </Typography.Text>
      )}
      <Card title={t('report.byYear')} loading={report.isLoading}>
        {r && (
          <Chart
            label={t('report.byYearLabel', {
              list: r.years
                .map((y) => `${y.year}: ${formatVndShort(y.total.funds.plan_vnd)}`)
                .join('; '),
            })}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 80, right: 16, top: 16, bottom: 48 },
              xAxis: { type: 'category', data: r.years.map((y) => String(y.year)) },
              yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatVndShort(v) } },
              series: (['KCQG', 'KCDP'] as const).map((level) => ({
                type: 'bar',
                stack: 'plan',
                name: t(`report.level.${level}`),
                data: r.years.map((y) => y[level].funds.plan_vnd),
              })),
            }}
          />
        )}
        <ResponsiveTable<Year>
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={r?.years ?? []}
          columns={[
            { title: t('year'), dataIndex: 'year' },
            money('KCQG'),
            money('KCDP'),
            money('total'),
            {
              title: t('exec.completionRate'),
              align: 'right',
              render: (_: unknown, y: Year) =>
                y.total.funds.plan_vnd > 0 ? pct(y.total.completion_rate) : '',
            },
          ]}
        />
      </Card>
      <Card title={t('report.indicators')} loading={report.isLoading}>
        <ResponsiveTable
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={Object.entries(r?.indicators ?? {}).map(([key, i]) => ({ key, ...i }))}
          columns={[
            {
              title: t('indicator'),
              dataIndex: 'key',
              render: (k: string) => label(indicators.get(k), k),
            },
            {
              title: t('report.baseline'),
              dataIndex: 'baseline',
              align: 'right',
              render: (b: { actual: number } | null) => (b ? formatNumber(b.actual) : ''),
            },
            {
              title: t('report.target'),
              dataIndex: 'target',
              align: 'right',
              render: (v: number | null) => (v === null ? t('report.noTarget') : formatNumber(v)),
            },
            { title: t('exec.actual'), dataIndex: 'actual', align: 'right', render: formatNumber },
            {
              title: t('report.share'),
              dataIndex: 'share_of_target',
              render: (v: number | null) =>
                v === null ? (
                  ''
                ) : (
                  <Progress
                    percent={Math.round(v * 1000) / 10}
                    size="small"
                    aria-label={pct(v)}
                    format={() => pct(v)}
                  />
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
