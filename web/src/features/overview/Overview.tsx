// The plan at a glance: budget, projects, contracted, outputs by indicator, by content and
// region — all computed by the server from the register (/projects/stats).
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { api } from '../../shared/api';
import { useUrlState } from '../../shared/lists';
import { formatVnd, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { OutputsTable } from '../../shared/OutputsTable';
import { byCode, referenceQuery, useLabel, useReference } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { PageHeading, useCan } from '../../shared/page';
import { useSession } from '../../shared/session';
import { geoQuery, preloadCharts } from '../../shared/charts';
import { AdminOverview } from './AdminOverview';
import { annualQuery, Dashboard } from './Dashboard';
import { ProgramCharts } from './ProgramCharts';
import type { Group } from '../../shared/types';
import { FRESH_MS, PROGRAMS_QUERY, sessionAndPrograms } from '../../shared/programs';

const statsQuery = (program: number) => ({
  queryKey: ['stats', program],
  queryFn: () => api.projectStats({ program }),
  staleTime: FRESH_MS,
});
// Contracted from the contracts themselves (not from a status typed on the project).
const completionQuery = (program: number) => ({
  queryKey: ['completion', { program }],
  queryFn: () => api.completion({ program }),
  staleTime: FRESH_MS,
});

// What the overview of the program in the address (else the first) reads first, asked for as
// the app starts on it (prefetchPage in App.tsx).
export async function prefetch(client: QueryClient, search: URLSearchParams) {
  preloadCharts(true);
  const { may, programs } = await sessionAndPrograms(client);
  const program = programs.find((p) => p.id === Number(search.get('program'))) ?? programs[0];
  if (!may('read_projects') || !program) return;
  const asks: Promise<unknown>[] = [client.prefetchQuery(statsQuery(program.id))];
  for (const name of ['contents', 'regions', 'provinces-2025', 'indicators'])
    asks.push(client.prefetchQuery(referenceQuery(name)));
  if (may('read_execution'))
    asks.push(
      client.prefetchQuery(completionQuery(program.id)),
      client.prefetchQuery(annualQuery(program)),
      client.prefetchQuery(geoQuery('2025')),
    );
  await Promise.all(asks);
}

export function Overview() {
  const { t } = useI18n();
  const can = useCan();
  if (!can('read_projects')) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <PageHeading title={t('nav.overview')} />
        <AdminOverview />
      </Space>
    );
  }
  return <ProgramOverview />;
}

// The plan of a program, as far as the user sees the register: a province its own province,
// a unit its own projects.
function ProgramOverview() {
  const { t } = useI18n();
  const can = useCan();
  const { session } = useSession();
  const label = useLabel();
  const programs = useQuery(PROGRAMS_QUERY);
  const { state, set } = useUrlState({ program: 0 });
  const list = programs.data?.items ?? [];
  const program = list.find((p) => p.id === state.program) ?? list[0];
  const stats = useQuery({ ...statsQuery(program?.id ?? 0), enabled: !!program });
  const completion = useQuery({
    ...completionQuery(program?.id ?? 0),
    enabled: !!program && can('read_execution'),
  });
  const contents = byCode(useReference('contents'));
  const provinces = useReference('provinces-2025');
  const regions = byCode(useReference('regions'));
  const s = stats.data;
  const loading = programs.isLoading || stats.isLoading;
  const scope = session?.scope_province_2025
    ? label(byCode(provinces).get(session.scope_province_2025))
    : '';
  const emptyText = (
    <Typography.Text type="secondary">
      {session?.user.role === 'appraiser'
        ? t('empty.appraiser')
        : session?.user.role === 'unit'
          ? t('empty.unit')
          : t('empty.projects')}
    </Typography.Text>
  );
  const contracted = completion.data?.projects.contracted ?? 0;
  const groupColumns = (names: Map<string, Record<string, unknown>>) => [
    { title: t('name'), dataIndex: 'key', render: (k: string) => label(names.get(k) as never, k) },
    { title: t('projects'), dataIndex: 'projects', align: 'right' as const },
    {
      title: t('requested'),
      dataIndex: 'requested_vnd',
      align: 'right' as const,
      render: (v: number) => formatVnd(v),
    },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={t('nav.overview')} />
      <Space wrap>
        <Typography.Text strong>{program?.name}</Typography.Text>
        {scope && <Typography.Text type="secondary">{`${t('scopeOf')} ${scope}`}</Typography.Text>}
        <Select
          style={{ width: 260 }}
          value={program?.id}
          onChange={(id: number) => set({ program: id })}
          options={list.map((p) => ({ value: p.id, label: p.name }))}
          aria-label={t('program')}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              loading={loading}
              title={t('budget')}
              value={program ? formatVndShort(program.budget_vnd) : '-'}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic loading={loading} title={t('nav.projects')} value={s?.projects ?? 0} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              loading={loading}
              title={t('contracted')}
              value={can('read_execution') ? `${contracted}/${s?.projects ?? 0}` : '-'}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              loading={loading}
              title={t('requested')}
              value={s ? formatVndShort(s.requested_vnd) : '-'}
            />
          </Card>
        </Col>
      </Row>
      {program && can('read_execution') && <Dashboard program={program} programs={list} />}
      {s && s.projects > 0 && <ProgramCharts byContent={s.by_content} byStatus={s.by_status} />}
      <Card title={t('resultsPlanned')}>
        <OutputsTable outputs={s?.outputs ?? []} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('byContent')}>
            <ResponsiveTable<Group>
              size="small"
              pagination={false}
              rowKey="key"
              loading={loading}
              locale={{ emptyText }}
              dataSource={s?.by_content ?? []}
              columns={groupColumns(contents as never)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('byRegion')}>
            <ResponsiveTable<Group>
              size="small"
              pagination={false}
              rowKey="key"
              loading={loading}
              locale={{ emptyText }}
              dataSource={s?.by_region ?? []}
              columns={groupColumns(regions as never)}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
