// "Why not us?" on a proposal's page: its place in the latest saved plan scenario of its
// program — the amount it gets, or why it is out, what forcing it in would cost the plan and
// the priority value it would have needed — and, once decided, its original and current
// amount with the decisions behind them (and a group project's split among its facilities).
// Shows nothing before either exists.
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions } from 'antd';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import { GroupSplit } from './GroupSplit';

export function PlanPlace({ projectId, kind }: { projectId: number; kind: string }) {
  const { t } = useI18n();
  const can = useCan();
  const place = useQuery({
    queryKey: ['projects', projectId, 'plan'],
    queryFn: () => api.projectPlan(projectId),
    enabled: can('read_plans'),
    retry: false,
  });
  if (!place.data) return null;
  const { scenario, entry, decided } = place.data;
  const number = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(2));
  return (
    <>
      {decided.decisions.length > 0 && (
        <Alert
          type="success"
          title={t('plan.decided')}
          description={
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('plan.original')}>
                {formatVnd(decided.original_vnd)}
              </Descriptions.Item>
              <Descriptions.Item label={t('plan.current')}>
                {formatVnd(decided.current_vnd)}
              </Descriptions.Item>
              {decided.decisions.map((d) => (
                <Descriptions.Item
                  key={d.id}
                  label={`${t(`plan.kind.${d.kind}`)} ${d.number} (${formatDate(d.signed_on)})`}
                >
                  {`${d.amount_vnd > 0 ? '+' : ''}${formatVnd(d.amount_vnd)} → ${formatVnd(d.after_vnd)}`}
                </Descriptions.Item>
              ))}
              {decided.tranches.map((tr) => (
                <Descriptions.Item
                  key={`${tr.decision}-${tr.year}`}
                  label={t('plan.trancheOf', { year: tr.year })}
                >
                  {`${formatVnd(tr.amount_vnd)} (${tr.decision})`}
                </Descriptions.Item>
              ))}
            </Descriptions>
          }
        />
      )}
      {kind === 'group' && decided.current_vnd > 0 && (
        <GroupSplit projectId={projectId} amount={decided.current_vnd} letters={decided.splits} />
      )}
      {scenario && entry && (
        <Alert
          type={entry.funded ? 'success' : 'info'}
          title={t(entry.funded ? 'plan.placeFunded' : 'plan.placeOut', { name: scenario.name })}
          description={
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              {entry.funded ? (
                <>
                  <Descriptions.Item label={t('plan.amount')}>
                    {formatVnd(entry.amount_vnd ?? 0)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('plan.priority')}>
                    {number(entry.value)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('plan.lossIfDropped')}>
                    {number(entry.loss_if_dropped)}
                  </Descriptions.Item>
                </>
              ) : (
                <>
                  <Descriptions.Item label={t('plan.reason')}>
                    {t(`plan.reason.${entry.reason}`)}
                    {entry.limit ? ` (${entry.limit})` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('plan.lossIfForced')}>
                    {entry.loss_if_forced == null ? t('plan.cannot') : number(entry.loss_if_forced)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('plan.valueNeeded')}>
                    {number(entry.value_needed)} ({t('plan.score')} {entry.score})
                  </Descriptions.Item>
                </>
              )}
            </Descriptions>
          }
        />
      )}
    </>
  );
}
