// The plan builder: the settings on one side, the exact allocation on the other, solved again
// a moment after each change (without explanations, which take a re-solve per proposal and
// are asked for with "Giải thích"); scenarios saved and compared.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Row, Select, Space, Spin, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../shared/api';
import { useProblemText } from '../../shared/problems';
import { useI18n } from '../../shared/i18n';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import type { PlanResult, PlanScenario, Program } from '../../shared/types';
import { PlanResultView } from './PlanResultView';
import { Rollup } from './Rollup';
import { ScenarioCompare } from './ScenarioCompare';
import { ScenarioForm } from './ScenarioForm';
import { FRESH_MS, PROGRAMS_QUERY, sessionAndPrograms } from '../../shared/programs';
import { referenceQuery } from '../../shared/reference';
import { geoQuery, preloadCharts } from '../../shared/charts';

const startingScenario = (program: string): PlanScenario => ({
  name: 'Phương án 1',
  program,
  objective: 'score',
  weights: [{ dimension: 'region', key: 'TDMNPB', factor: 1.2 }],
  limits: [
    { dimension: 'province_2008', key: '*', max_vnd: 4_800_000_000 },
    { dimension: 'content', key: '*', min_vnd: 4_800_000_000 },
    { dimension: 'region', key: 'TDMNPB', min_share: 0.15 },
  ],
  bundles: 'all_or_none',
  partial: { allowed: false, min_share: 0.7 },
});

// The page opens on the newest program's round.
const newest = (list: Program[]) => [...list].sort((a, b) => b.year - a.year)[0];

// A scenario solved without explanations (each change to the settings asks again).
const solveQuery = (s: PlanScenario | null) => ({
  queryKey: ['plan', 'solve', s],
  queryFn: () => api.solvePlan(s as PlanScenario, false),
  staleTime: FRESH_MS,
});

// What the page reads first, asked for as the app starts on it (prefetchPage in App.tsx): the
// starting scenario's solve, the lists its settings offer, the map's boundaries.
export async function prefetch(client: QueryClient) {
  preloadCharts(true);
  const { may, programs } = await sessionAndPrograms(client);
  if (!may('build_plans') || programs.length === 0) return;
  await Promise.all([
    client.prefetchQuery(solveQuery(startingScenario(newest(programs).code))),
    ...['provinces-2008', 'provinces-2025', 'regions', 'contents'].map((name) =>
      client.prefetchQuery(referenceQuery(name)),
    ),
    client.prefetchQuery(geoQuery('2025')),
  ]);
}

// The value once it has stopped changing for `ms`; the first value (the scenario the page
// opens with) at once, so that opening the page does not wait for the pause meant for edits.
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled ?? value;
}

export function PlanBuilder() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const queries = useQueryClient();
  const programs = useQuery(PROGRAMS_QUERY);
  const [scenario, setScenario] = useState<PlanScenario | null>(null);
  const [explained, setExplained] = useState<PlanResult | null>(null);
  const [tab, setTab] = useState('build');
  const list = useMemo(() => programs.data?.items ?? [], [programs.data]);
  useEffect(() => {
    if (scenario || list.length === 0) return;
    setScenario(startingScenario(newest(list).code));
  }, [list, scenario]);
  const settled = useSettled(scenario, 400);
  const solve = useQuery({
    ...solveQuery(settled),
    enabled: !!settled && can('build_plans'),
    placeholderData: (previous) => previous,
    retry: false,
  });
  useEffect(() => setExplained(null), [settled]);
  const explain = useMutation({
    mutationFn: () => api.solvePlan(scenario as PlanScenario, true),
    onSuccess: (r) => setExplained(r),
    onError: (e) => message.error(problemText(e)),
  });
  const save = useMutation({
    mutationFn: () => api.saveScenario(scenario as PlanScenario),
    onSuccess: (s) => {
      message.success(t('plan.saved', { name: s.name }));
      queries.invalidateQueries({ queryKey: ['scenarios'] });
    },
    onError: (e) => message.error(problemText(e)),
  });
  if (!can('read_plans')) return <NoAccess title={t('nav.plan')} />;
  const program = list.find((p) => p.code === scenario?.program);
  const result = explained ?? solve.data;
  const builder = scenario && (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('plan.settings')}>
          <ScenarioForm value={scenario} onChange={setScenario} budget={program?.budget_vnd ?? 0} />
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card
          size="small"
          title={t('plan.result')}
          extra={
            <Space>
              {solve.isFetching && (
                // A plain div may not carry a label (axe: aria-prohibited-attr); a status may.
                <span role="status" aria-label={t('plan.solving')}>
                  <Spin size="small" />
                </span>
              )}
              <Button loading={explain.isPending} onClick={() => explain.mutate()}>
                {t('plan.explain')}
              </Button>
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
                {t('plan.save')}
              </Button>
            </Space>
          }
        >
          {solve.error ? (
            <Empty description={problemText(solve.error)} />
          ) : result ? (
            <PlanResultView result={result} explained={!!explained} />
          ) : (
            <Spin />
          )}
        </Card>
      </Col>
    </Row>
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.plan')}
        actions={
          <Select
            aria-label={t('program')}
            style={{ width: 260 }}
            value={scenario?.program}
            onChange={(code) => scenario && setScenario({ ...scenario, program: code })}
            options={list.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))}
          />
        }
      />
      <Tabs
        activeKey={can('build_plans') ? tab : tab === 'build' ? 'saved' : tab}
        onChange={setTab}
        items={[
          ...(can('build_plans')
            ? [{ key: 'build', label: t('plan.build'), children: builder }]
            : []),
          {
            key: 'saved',
            label: t(can('build_plans') ? 'plan.savedScenarios' : 'plan.scenariosAndDecisions'),
            children: scenario && (
              <ScenarioCompare
                program={scenario.program}
                onOpen={(s) => {
                  if (!can('build_plans')) return;
                  setScenario(s.scenario);
                  setTab('build');
                }}
              />
            ),
          },
          { key: 'rollup', label: t('plan.rollup'), children: <Rollup /> },
        ]}
      />
    </Space>
  );
}
