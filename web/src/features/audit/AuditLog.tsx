// The audit trail for those who may read it (administrator, ministry): the latest changes,
// who made them (by name), when (Vietnam time), on what, and why.
import { useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { AuditEntry } from '../../shared/types';

export function AuditLog() {
  const { t } = useI18n();
  const can = useCan();
  const audit = useQuery({
    queryKey: ['audit'],
    queryFn: () => api.audit(),
    enabled: can('read_audit'),
  });
  if (!can('read_audit')) return <NoAccess title={t('nav.audit')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeading title={t('nav.audit')} />
      <ResponsiveTable<AuditEntry>
        size="small"
        rowKey="id"
        loading={audit.isLoading}
        dataSource={audit.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('when'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
          { title: t('who'), dataIndex: 'user_name' },
          { title: t('action'), dataIndex: 'action', render: (a: string) => t(`action.${a}`) },
          {
            title: t('record'),
            render: (_: unknown, e) =>
              `${t(`entity.${e.entity}`)}${e.entity_id ? ` #${e.entity_id}` : ''}`,
          },
          { title: t('reason'), dataIndex: 'reason', render: (r: string) => r || '—' },
        ]}
      />
    </Space>
  );
}
