// The annual report of a program year, as the ministry publishes it: the envelope and its
// decisions, projects and completion, the plan by content, region and province with a chart,
// outputs per indicator, counterpart funds per đồng, industrial-cluster projects; the same
// figures as CSV or XLSX. Year and program are in the address; tables turn into cards on a
// phone.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Statistic } from 'antd';
import { api } from '../../shared/api';
import { Chart, preloadCharts } from '../../shared/charts';
import { formatNumber, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { JobButton } from '../../shared/JobButton';
import { useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { annualReportQuery, programYears, reportYear } from '../../shared/annualReport';
import { byCode, referenceQuery, useLabel, useReference } from '../../shared/reference';
import { Downloads, GroupTable, OutputsCard, pct, ReportTabs, AsOf } from './parts';
import { PROGRAMS_QUERY, sessionAndPrograms } from '../../shared/programs';

const REFERENCES = ['contents', 'regions', 'report-groups', 'provinces-2025', 'indicators'];

// What the page reads first, asked for as the app starts on it (prefetchPage in App.tsx).
export async function prefetch(client: QueryClient, search: URLSearchParams) {
  preloadCharts();
  const { may, programs } = await sessionAndPrograms(client);
  const year = reportYear(Number(search.get('year') ?? 0), programYears(programs));
  if (!may('read_execution') || year === 0) return;
  const program = search.get('program') || undefined;
  await Promise.all([
    client.prefetchQuery(annualReportQuery({ year, program })),
    ...REFERENCES.map((name) => client.prefetchQuery(referenceQuery(name))),
  ]);
}

export function AnnualReportPage() {
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const contents = byCode(useReference('contents'));
  const regions = byCode(useReference('regions'));
  const groups = byCode(useReference('report-groups'));
  const provinces = byCode(useReference('provinces-2025'));
  const programs = useQuery(PROGRAMS_QUERY);
  const years = programYears(programs.data?.items ?? []);
  const { state, set } = useUrlState({ year: 0, program: '' });
  const year = reportYear(state.year, years);
  const query = { year, program: state.program || undefined };
  const report = useQuery({ ...annualReportQuery(query), enabled: year > 0 });
  if (!can('read_execution')) return <NoAccess title={t('nav.reports')} />;
  const r = report.data;
  const loading = report.isLoading;
  const stat = (title: string, value: string) => (
    <Col xs={12} lg={6}>
      <Card>
        <Statistic loading={loading} title={title} value={value} />
      </Card>
    </Col>
  );
  const byContent = Object.entries(r?.by.content ?? {});
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={t('report.annual')} />
      <ReportTabs />
      <Space wrap>
        <Select
          style={{ width: 120 }}
          aria-label={t('year')}
          value={year || undefined}
          onChange={(v) => set({ year: v, program: '' })}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Select
          style={{ width: 320 }}
          aria-label={t('program')}
          value={state.program}
          onChange={(v) => set({ program: v })}
          options={[
            { value: '', label: t('report.allPrograms') },
            ...(programs.data?.items ?? [])
              .filter((p) => p.year === year)
              .map((p) => ({ value: p.code, label: p.name })),
          ]}
        />
        <Downloads url={(format) => api.annualReportUrl({ ...query, format })} />
        <JobButton
          label={t('report.openData')}
          kind="open_data"
          filters={{ year, program: state.program || undefined }}
        />
      </Space>
      <AsOf value={report.data?.data_as_of} />
      <Row gutter={[16, 16]}>
        {stat(t('report.envelope'), r ? formatVndShort(r.envelope_vnd) : '-')}
        {stat(t('report.decisions'), r ? formatNumber(r.decisions.count) : '-')}
        {stat(
          t('report.projectsLine'),
          r ? `${r.projects.planned} / ${r.projects.contracted} / ${r.projects.accepted}` : '-',
        )}
        {stat(t('exec.completionRate'), r ? pct(r.completion_rate) : '-')}
        {stat(
          t('report.counterpartPerDong'),
          r ? formatNumber(r.counterpart_per_program_vnd) : '-',
        )}
        {stat(t('report.counterpart'), r ? formatVndShort(r.funds.counterpart_vnd) : '-')}
        {stat(
          t('report.clusters'),
          r
            ? t('report.clustersValue', {
                total: r.cluster_projects.total,
                plan: r.cluster_projects.detailed_plan,
                infra: r.cluster_projects.infrastructure,
              })
            : '-',
        )}
      </Row>
      {byContent.length > 0 && (
        <Card title={t('report.byContent')}>
          <Chart
            label={t('report.chartLabel', {
              list: byContent.map(([k, g]) => `${k}: ${formatVndShort(g.plan_vnd)}`).join('; '),
            })}
            option={{
              tooltip: {},
              grid: { left: 80, right: 16, top: 16, bottom: 32 },
              xAxis: { type: 'category', data: byContent.map(([k]) => k) },
              yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatVndShort(v) } },
              series: [{ type: 'bar', data: byContent.map(([, g]) => g.plan_vnd) }],
            }}
          />
        </Card>
      )}
      {r && (
        <>
          <GroupTable
            title={t('content')}
            groups={r.by.content}
            name={(k) => `${k} — ${label(contents.get(k), k)}`}
          />
          <GroupTable
            title={t('report.group')}
            groups={r.by.group}
            name={(k) => label(groups.get(k), k)}
          />
          <GroupTable
            title={t('region')}
            groups={r.by.region}
            name={(k) => label(regions.get(k), k)}
          />
          <GroupTable
            title={t('province')}
            groups={r.by.province}
            name={(k) => label(provinces.get(k), k)}
          />
          <OutputsCard outputs={r.outputs} />
        </>
      )}
    </Space>
  );
}
