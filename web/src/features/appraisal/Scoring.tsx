// The appraiser's scoring screen: the councils they sit on, their proposals one at a time, a
// whole number per criterion (0..max) with a comment, drafts saved as they go. Tab moves from
// field to field; Ctrl+Enter saves and opens the next proposal not yet scored.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  List,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
  message,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { ReasonModal } from '../../shared/dialogs';
import { useProblemText } from '../../shared/problems';
import { formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import type { Council, RankingItem, ScoreLine } from '../../shared/types';

const STATE = { council: 0, project: 0 };

function useMyCouncils() {
  return useQuery({
    queryKey: ['my-councils'],
    queryFn: async () => {
      const rounds = await api.rounds();
      const lists = await Promise.all(rounds.items.map((r) => api.councils(r.id)));
      return lists.flatMap((l) => l.items);
    },
  });
}

function Sheet({
  council,
  item,
  onNext,
}: {
  council: Council;
  item: RankingItem;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const sheet = useQuery({
    queryKey: ['sheet', council.id, item.project_id],
    queryFn: () => api.sheet(council.id, item.project_id),
  });
  const [lines, setLines] = useState<Record<string, ScoreLine>>({});
  const [declaring, setDeclaring] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => {
    const byCode: Record<string, ScoreLine> = {};
    for (const l of sheet.data?.lines ?? []) byCode[l.criterion] = l;
    setLines(byCode);
  }, [sheet.data]);
  const after = () => {
    client.invalidateQueries({ queryKey: ['sheet', council.id, item.project_id] });
    client.invalidateQueries({ queryKey: ['ranking', String(council.id)] });
  };
  const problemText = useProblemText();
  const onError = (e: unknown) => message.error(problemText(e));
  const save = useMutation({
    mutationFn: (next: boolean) =>
      api.saveSheet(council.id, item.project_id, Object.values(lines)).then((s) => ({ s, next })),
    onSuccess: ({ s, next }) => {
      message.success(t(s.complete ? 'appraisal.saved' : 'appraisal.draftSaved'));
      after();
      if (next) onNext();
    },
    onError,
  });
  const declare = useMutation({
    mutationFn: () => api.declareConflict(council.id, item.project_id, note.trim()),
    onSuccess: () => {
      setDeclaring(false);
      after();
    },
    onError,
  });
  if (!sheet.data) return <Skeleton active />;
  const s = sheet.data;
  const total = Object.values(lines).reduce((a, l) => a + (l.points ?? 0), 0);
  const max = s.criteria.reduce((a, c) => a + c.max_points, 0);
  return (
    <Card
      title={`${item.code} — ${item.title}`}
      extra={formatVnd(item.requested_vnd ?? 0)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.ctrlKey && !s.conflict) save.mutate(true);
      }}
    >
      {s.conflict ? (
        <Alert type="warning" showIcon title={t('appraisal.youDeclared')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {s.criteria.map((c, k) => (
            <div key={c.code} className="score-line">
              <label htmlFor={`crit-${c.code}`}>
                {c.name}{' '}
                <Typography.Text type="secondary">
                  ({t('appraisal.max', { n: c.max_points })}
                  {c.floor_points != null
                    ? `, ${t('appraisal.floorOf', { n: c.floor_points })}`
                    : ''}
                  )
                </Typography.Text>
              </label>
              <InputNumber
                id={`crit-${c.code}`}
                autoFocus={k === 0}
                min={0}
                max={c.max_points}
                precision={0}
                value={lines[c.code]?.points}
                onChange={(v) =>
                  setLines((old) => {
                    const copy = { ...old };
                    if (v === null || v === undefined) delete copy[c.code];
                    else copy[c.code] = { ...(old[c.code] ?? { criterion: c.code }), points: v };
                    return copy;
                  })
                }
              />
              <Input
                aria-label={`${t('appraisal.comment')}: ${c.name}`}
                placeholder={t('appraisal.comment')}
                value={lines[c.code]?.comment ?? ''}
                disabled={lines[c.code] === undefined}
                onChange={(e) =>
                  setLines((old) => ({
                    ...old,
                    [c.code]: { ...old[c.code], comment: e.target.value },
                  }))
                }
              />
            </div>
          ))}
          <Typography.Text strong>{t('appraisal.total', { n: total, m: max })}</Typography.Text>
          <Space wrap>
            <Button onClick={() => save.mutate(false)} loading={save.isPending}>
              {t('appraisal.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => save.mutate(true)} loading={save.isPending}>
              {t('appraisal.saveNext')}
            </Button>
            <Button danger onClick={() => setDeclaring(true)}>
              {t('appraisal.declareConflict')}
            </Button>
          </Space>
        </Space>
      )}
      <ReasonModal
        open={declaring}
        title={t('appraisal.declareConflict')}
        value={note}
        onChange={setNote}
        loading={declare.isPending}
        placeholder={t('appraisal.conflictHint')}
        onOk={() => declare.mutate()}
        onCancel={() => setDeclaring(false)}
      />
    </Card>
  );
}

export function Scoring() {
  const { t } = useI18n();
  const can = useCan();
  const { state, set } = useUrlState(STATE, ['council', 'project']);
  const councils = useMyCouncils();
  const council = councils.data?.find((c) => c.id === state.council) ?? councils.data?.[0];
  const ranking = useQuery({
    queryKey: ['ranking', String(council?.id)],
    queryFn: () => api.ranking(council!.id),
    enabled: !!council,
  });
  if (!can('score')) return <NoAccess title={t('nav.scoring')} />;
  if (councils.isLoading) return <Skeleton active />;
  if (!council)
    return (
      <>
        <PageHeading title={t('nav.scoring')} />
        <Empty description={t('appraisal.noCouncilForYou')} />
      </>
    );
  const items = ranking.data?.items ?? [];
  const current = items.find((i) => i.project_id === state.project) ?? items[0];
  const next = () => {
    const at = items.findIndex((i) => i.project_id === current?.project_id);
    const rest = [...items.slice(at + 1), ...items.slice(0, at)];
    const open = rest.find((i) => i.counted < i.expected) ?? rest[0];
    if (open) set({ project: open.project_id });
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={t('nav.scoring')} />
      <Select
        aria-label={t('appraisal.council')}
        style={{ minWidth: 320, maxWidth: '100%' }}
        value={council.id}
        onChange={(v) => set({ council: v, project: 0 })}
        options={(councils.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      />
      <div className="scoring-layout">
        <div
          className="scoring-list"
          role="region"
          aria-label={t('appraisal.proposals')}
          tabIndex={0}
        >
          <List
            size="small"
            bordered
            loading={ranking.isLoading}
            dataSource={items}
            renderItem={(i) => (
              <List.Item
                onClick={() => set({ project: i.project_id })}
                style={{
                  cursor: 'pointer',
                  background: i.project_id === current?.project_id ? '#e6f4ff' : undefined,
                }}
              >
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{i.code}</Typography.Text>
                  <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                    {i.title}
                  </Typography.Text>
                  <Tag>{t('appraisal.nOfMScored', { n: i.counted, m: i.expected })}</Tag>
                </Space>
              </List.Item>
            )}
          />
        </div>
        {current && (
          <Sheet key={current.project_id} council={council} item={current} onNext={next} />
        )}
      </div>
    </Space>
  );
}
