// The intake board: a year's proposals by workflow state, one column per state with its count
// and its first proposals, narrowed by province and content. The department sees every
// province; a province its own (the server's scope).
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, InputNumber, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatVnd } from '../../shared/format';
import { ContentSelect, ProvinceSelect } from '../../shared/filterSelects';
import { STATUSES, useI18n } from '../../shared/i18n';
import { StatusTag, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';

const STAGES = STATUSES.slice(0, STATUSES.indexOf('withdrawn') + 1);
const SHOWN = 20;

const FILTERS = {
  year: new Date().getFullYear() + 1,
  province: undefined as string | undefined,
  content: undefined as string | undefined,
};

function Column({ status, filters }: { status: string; filters: typeof FILTERS }) {
  const { t } = useI18n();
  const page = useQuery({
    queryKey: ['projects', 'board', status, filters],
    queryFn: () => api.projects({ ...filters, status, page_size: SHOWN, sort: 'code' }),
  });
  const total = page.data?.total ?? 0;
  return (
    <Card
      size="small"
      className="board-column"
      loading={page.isLoading}
      title={
        <Space>
          <StatusTag status={status} />
          <Badge count={total} showZero overflowCount={9999} color="#595959" />
        </Space>
      }
    >
      {total === 0 ? (
        <Typography.Text className="empty-text">{t('board.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {(page.data?.items ?? []).map((p) => (
            <Link key={p.id} to={`/projects/${p.id}`} className="board-card">
              <Typography.Text strong>{p.code}</Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {p.title}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{formatVnd(p.requested_vnd)}</Typography.Text>
            </Link>
          ))}
          {total > SHOWN && (
            <Link to={`/projects?year=${filters.year}&status=${status}`}>
              {t('board.all', { n: total })}
            </Link>
          )}
        </Space>
      )}
    </Card>
  );
}

export function IntakeBoard() {
  const { t } = useI18n();
  const can = useCan();
  const { state, set } = useUrlState(FILTERS, ['year']);
  if (!can('read_rounds')) return <NoAccess title={t('nav.intake')} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={t('nav.intake')} />
      <Space wrap>
        <InputNumber
          aria-label={t('year')}
          value={state.year}
          min={2000}
          max={2100}
          onChange={(v) => v && set({ year: v })}
        />
        <ProvinceSelect width={220} value={state.province} onChange={(v) => set({ province: v })} />
        <ContentSelect width={260} value={state.content} onChange={(v) => set({ content: v })} />
      </Space>
      <div className="board" role="region" aria-label={t('nav.intake')} tabIndex={0}>
        {STAGES.map((s) => (
          <Column key={s} status={s} filters={state} />
        ))}
      </div>
    </Space>
  );
}
