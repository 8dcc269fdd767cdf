// One council: who has scored what ("2/4 đã chấm"), the ranking with its spread, outliers and
// floors, the distribution of scores, and — for those who manage the council — assigning the
// proposals waiting at its stage and recording its conclusions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Skeleton, Space, Table, Tag, message } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { ReasonModal } from '../../shared/dialogs';
import { SHOWN_HERE, useProblemText } from '../../shared/problems';
import { Chart, type ChartOption } from '../../shared/charts';
import { formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useUrlState } from '../../shared/lists';
import { useSession } from '../../shared/session';
import { LoadFailed, PageHeading, useCan } from '../../shared/page';
import { RoundConclusion } from './RoundConclusion';
import type { Ranking, RankingItem } from '../../shared/types';
import { wideTable } from '../../shared/ResponsiveTable';

const VIEWS = { show: 'all' };

function filterItems(items: RankingItem[], show: string) {
  if (show === 'pending') return items.filter((i) => i.counted < i.expected);
  if (show === 'passed') return items.filter((i) => i.scored && i.passed);
  if (show === 'failed') return items.filter((i) => i.scored && !i.passed);
  return items;
}

/** Scores in bins of a tenth of the maximum, as a bar chart. */
function distribution(r: Ranking, label: (k: string) => string): ChartOption {
  const max = (r.round.criteria ?? []).reduce((a, c) => a + c.max_points, 0) || 100;
  const bins = Array.from({ length: 10 }, () => 0);
  for (const i of r.items)
    if (i.score !== null && i.score !== undefined)
      bins[Math.min(9, Math.floor((i.score / max) * 10))]++;
  return {
    tooltip: {},
    grid: { left: 40, right: 10, top: 10, bottom: 30 },
    xAxis: {
      type: 'category',
      data: bins.map((_, k) => `${(k * max) / 10}–${((k + 1) * max) / 10}`),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', name: label('appraisal.proposals'), minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: bins.map((n, k) => ({
          value: n,
          itemStyle: { color: (k * max) / 10 >= (r.round.pass_mark ?? 0) ? '#237804' : '#a8071a' },
        })),
      },
    ],
  };
}

export function CouncilPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const { session } = useSession();
  const client = useQueryClient();
  const { state, set } = useUrlState(VIEWS, []);
  const [failing, setFailing] = useState<RankingItem | null>(null);
  const [note, setNote] = useState('');
  const ranking = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['ranking', id],
    queryFn: () => api.ranking(Number(id)),
  });
  const r = ranking.data;
  const stage = r?.council.level === 'province' ? 'province_appraisal' : 'ministry_appraisal';
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['ranking', id] });
    client.invalidateQueries({ queryKey: ['projects'] });
  };
  const problemText = useProblemText();
  const onError = (e: unknown) => message.error(problemText(e));
  const assign = useMutation({
    mutationFn: async () => {
      const waiting = await api.projects({
        status: stage,
        program: r!.round.program_id,
        year: r!.round.year,
        ...(r!.council.province ? { province: r!.council.province } : {}),
        page_size: 200,
      });
      return api.assign(
        Number(id),
        waiting.items.map((p) => p.id),
      );
    },
    onSuccess: (a) => {
      message.success(t('appraisal.assigned', { n: a.assigned }));
      refresh();
    },
    onError,
  });
  const conclude = useMutation({
    mutationFn: (v: { item: RankingItem; conclusion: string; note: string }) =>
      api.conclude(Number(id), v.item.project_id, v.conclusion, v.note),
    onSuccess: () => {
      setFailing(null);
      setNote('');
      refresh();
    },
    onError,
  });
  const chart = useMemo(() => (r ? distribution(r, t) : null), [r, t]);
  if (ranking.isError)
    return <LoadFailed error={ranking.error} retry={() => void ranking.refetch()} />;
  if (!r) return <Skeleton active paragraph={{ rows: 8 }} />;
  const manages = can('manage_councils');
  const me = session?.user.id;
  const items = filterItems(r.items, state.show);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={r.council.name}
        actions={
          <Space wrap>
            <a href={`/api/v1/councils/${id}/ranking/export?format=xlsx`}>
              {t('appraisal.downloadXlsx')}
            </a>
            <a href={`/api/v1/councils/${id}/minutes`}>{t('appraisal.minutesPdf')}</a>
            <a href={`/api/v1/councils/${id}/minutes?format=docx`}>{t('appraisal.minutesDocx')}</a>
            {manages && (
              <Button onClick={() => assign.mutate()} loading={assign.isPending}>
                {t('appraisal.assignWaiting')}
              </Button>
            )}
          </Space>
        }
      />
      <RoundConclusion council={Number(id)} manages={manages} />
      <Table
        size="small"
        rowKey="user_id"
        pagination={false}
        dataSource={r.members}
        caption={t('appraisal.progress')}
        columns={[
          { title: t('appraisal.member'), dataIndex: 'name' },
          {
            title: t('appraisal.role'),
            dataIndex: 'role',
            render: (role: string) => t(`appraisal.role.${role}`),
          },
          {
            title: t('appraisal.scored'),
            render: (_, m) => t('appraisal.nOfM', { n: m.scored, m: m.assigned - m.conflicts }),
          },
          { title: t('appraisal.conflicts'), dataIndex: 'conflicts' },
          {
            title: t('appraisal.sheets'),
            key: 'sheets',
            // A member downloads their own sheets; whoever manages the council, anyone's.
            render: (_, m) =>
              m.role !== 'secretary' && (manages || m.user_id === me) ? (
                <a
                  href={`/api/v1/councils/${id}/members/${m.user_id}/sheets`}
                  aria-label={t('appraisal.sheetsOf', { name: m.name })}
                >
                  XLSX
                </a>
              ) : null,
          },
        ]}
      />
      {chart && <Chart option={chart} label={t('appraisal.distribution')} height={220} />}
      <Segmented
        value={state.show}
        onChange={(v) => set({ show: String(v) })}
        options={['all', 'pending', 'passed', 'failed'].map((v) => ({
          value: v,
          label: t(`appraisal.show.${v}`),
        }))}
      />
      <Table
        size="small"
        rowKey="project_id"
        dataSource={items}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        {...wideTable(items, 1100)}
        columns={[
          { title: t('appraisal.rank'), dataIndex: 'rank', width: 60 },
          {
            title: t('code'),
            dataIndex: 'code',
            render: (code: string, i) => <Link to={`/projects/${i.project_id}`}>{code}</Link>,
          },
          { title: t('title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('requested'),
            dataIndex: 'requested_vnd',
            align: 'right',
            render: (v: number) => formatVnd(v),
          },
          {
            title: t('appraisal.scored'),
            render: (_, i) => t('appraisal.nOfMScored', { n: i.counted, m: i.expected }),
          },
          {
            title: t('appraisal.score'),
            dataIndex: 'score',
            align: 'right',
            render: (s: number | null) =>
              s === null ? '—' : s.toLocaleString('vi-VN', { maximumFractionDigits: 2 }),
          },
          {
            title: t('appraisal.spread'),
            dataIndex: 'spread',
            render: (s: number, i) => (
              <Space size={4}>
                {s}
                {(i.outliers?.length ?? 0) > 0 && (
                  <Tag color="#ad4e00">{t('appraisal.outlier')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('appraisal.result'),
            render: (_, i) =>
              !i.scored ? (
                <Tag>{t('appraisal.notScored')}</Tag>
              ) : (
                <Space size={4} wrap>
                  <Tag color={i.passed ? '#237804' : '#a8071a'}>
                    {t(i.passed ? 'appraisal.pass' : 'appraisal.fail')}
                  </Tag>
                  {(i.floors_missed ?? []).map((f) => (
                    <Tag key={f}>{t('appraisal.floor', { c: f })}</Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: t('appraisal.conclusion'),
            render: (_, i) =>
              i.conclusion ? (
                t(`appraisal.conclusion.${i.conclusion}`)
              ) : manages && i.status === stage && i.scored ? (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => conclude.mutate({ item: i, conclusion: 'pass', note: '' })}
                  >
                    {t('appraisal.conclusion.pass')}
                  </Button>
                  <Button size="small" danger onClick={() => setFailing(i)}>
                    {t('appraisal.conclusion.fail')}
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <ReasonModal
        open={failing !== null}
        title={t('appraisal.conclusion.fail')}
        value={note}
        onChange={setNote}
        loading={conclude.isPending}
        onOk={() => failing && conclude.mutate({ item: failing, conclusion: 'fail', note })}
        onCancel={() => setFailing(null)}
      />
    </Space>
  );
}
