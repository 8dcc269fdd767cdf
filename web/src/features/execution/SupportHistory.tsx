// What a facility received, as the acceptances confirmed it: year, content, project and its
// share of the accepted amount; and the booths it was supported with at trade fairs. Intake's
// double-support check reads the same records.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { SupportHistory as History } from '../../shared/types';

type Row = History['items'][number];
type Booth = NonNullable<History['booths']>[number];

export function SupportHistory({ facilityId }: { facilityId: number }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['facilities', facilityId, 'support'],
    queryFn: () => api.supportHistory(facilityId),
  });
  return (
    <Card size="small" title={t('exec.supportHistory')}>
      <Table<Row>
        size="small"
        rowKey="project_id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{
          emptyText: (
            <Typography.Text className="empty-text">{t('exec.noSupport')}</Typography.Text>
          ),
        }}
        columns={[
          { title: t('year'), dataIndex: 'year' },
          { title: t('content'), dataIndex: 'content_code' },
          {
            title: t('code'),
            dataIndex: 'project_code',
            render: (code: string, r) => (
              <Link to={`/projects/${r.project_id}`} aria-label={`${code} ${r.project_title}`}>
                {code}
              </Link>
            ),
          },
          { title: t('exec.acceptedOn'), dataIndex: 'accepted_on', render: formatDate },
          { title: t('exec.share'), dataIndex: 'share_vnd', align: 'right', render: formatVnd },
        ]}
      />
      {(q.data?.booths ?? []).length > 0 && (
        <Table<Booth>
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t('exec.boothHistory')}
          dataSource={q.data?.booths ?? []}
          columns={[
            { title: t('fair.dates'), dataIndex: 'fair_starts_on', render: formatDate },
            {
              title: t('fair.name'),
              dataIndex: 'fair_name',
              render: (name: string, b) => <Link to={`/fairs/${b.fair_id}`}>{name}</Link>,
            },
            { title: t('fair.booths'), dataIndex: 'booths', align: 'right' },
            {
              title: t('fair.support'),
              dataIndex: 'amount_vnd',
              align: 'right',
              render: formatVnd,
            },
          ]}
        />
      )}
    </Card>
  );
}
