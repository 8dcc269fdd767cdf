// The administrator's overview: the accounts (how many, locked, still on a demo password)
// and the latest changes of the audit trail. The administrator does not read the register.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { AuditEntry } from '../../shared/types';

export function AdminOverview() {
  const { t } = useI18n();
  const can = useCan();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.users() });
  const audit = useQuery({
    queryKey: ['audit'],
    queryFn: () => api.audit(),
    enabled: can('read_audit'),
  });
  const list = users.data?.items ?? [];
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={8}>
          <Card>
            <Statistic loading={users.isLoading} title={t('nav.users')} value={list.length} />
          </Card>
        </Col>
        <Col xs={12} lg={8}>
          <Card>
            <Statistic
              loading={users.isLoading}
              title={t('disabled')}
              value={list.filter((u) => u.disabled).length}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card>
            <Statistic
              loading={users.isLoading}
              title={t('demoPassword')}
              value={list.filter((u) => u.demo_password).length}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('recentChanges')} extra={<Link to="/users">{t('nav.users')}</Link>}>
        <ResponsiveTable<AuditEntry>
          size="small"
          rowKey="id"
          loading={audit.isLoading}
          dataSource={(audit.data?.items ?? []).slice(0, 10)}
          pagination={false}
          columns={[
            { title: t('when'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
            { title: t('who'), dataIndex: 'user_name' },
            { title: t('action'), dataIndex: 'action', render: (a: string) => t(`action.${a}`) },
            {
              title: t('record'),
              render: (_: unknown, e) => `${t(`entity.${e.entity}`)} #${e.entity_id}`,
            },
          ]}
        />
      </Card>
    </>
  );
}
