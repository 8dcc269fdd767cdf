// One production–consumption chain drawn as it works: the suppliers of materials, then the
// producers, then the buyers, each facility a link to its page; and the projects that built it.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, PageHeading, useCan } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { useProvinceName } from '../../shared/places';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useSession } from '../../shared/session';
import type { ChainDetail as Detail } from '../../shared/types';
import { CHAIN_ROLES, ChainForm } from './ChainForm';

type Project = Detail['projects'][number];

export function ChainDetail() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const province = useProvinceName();
  const own = useSession().session?.scope_province_2025;
  const q = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['chains', 'one', id],
    queryFn: () => api.chain(Number(id)),
  });
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const c = q.data;
  if (!c) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={c.name}
        actions={
          can('write_places') && (!own || own === c.province_2025) && <ChainForm chain={c} />
        }
      />
      <Typography.Paragraph>
        <Tag>{c.product_line}</Tag> {province({ set: '2025', code: c.province_2025 })}
        {c.description ? ` — ${c.description}` : ''}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} aria-label={t('chain.links')}>
        {CHAIN_ROLES.map((role, i) => {
          const links = c.links.filter((l) => l.role === role);
          return (
            <Col key={role} xs={24} md={8}>
              <Card size="small" title={`${i + 1}. ${t(`chain.role.${role}`)}${i < 2 ? ' →' : ''}`}>
                {links.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chain.none')} />
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {links.map((l) => (
                      <li key={l.facility_id}>
                        <Link to={`/facilities/${l.facility_id}`}>{l.facility_name}</Link>
                        <Typography.Text type="secondary">
                          {` — ${province({ set: '2025', code: l.province_2025 })}`}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card size="small" title={t('chain.projects')}>
        <ResponsiveTable<Project>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.projects}
          columns={[
            { title: t('year'), dataIndex: 'year' },
            {
              title: t('code'),
              dataIndex: 'code',
              render: (code: string, p) => <Link to={`/projects/${p.id}`}>{code}</Link>,
            },
            { title: t('title'), dataIndex: 'title' },
            { title: t('kind'), dataIndex: 'kind', render: (k: string) => t(`chain.kind.${k}`) },
            {
              title: t('chain.requested'),
              dataIndex: 'requested_vnd',
              align: 'right',
              render: formatVnd,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
