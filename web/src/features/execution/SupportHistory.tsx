// What a facility received, as the acceptances confirmed it: year, content, project and its
// share of the accepted amount. Intake's double-support check reads the same records.
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { SupportHistory as History } from '../../shared/types';

type Row = History['items'][number];

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
    </Card>
  );
}
