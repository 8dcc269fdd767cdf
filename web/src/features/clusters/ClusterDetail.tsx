// One industrial cluster: its facts in words, the rules' checks as flags (each with the figures
// it compared), its investor's periodic reports, and the plan's projects that supported it.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate, formatNumber } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, PageHeading } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { useProvinceName } from '../../shared/places';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { ClusterReport, ClusterDetail as Detail } from '../../shared/types';
import { formatHa } from './ClusterList';
import { reportColumns } from './ReportStatus';

type Project = Detail['projects'][number];

export function ClusterDetail() {
  const { id } = useParams();
  const { t } = useI18n();
  const province = useProvinceName();
  const q = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['clusters', 'one', id],
    queryFn: () => api.cluster(Number(id)),
  });
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const c = q.data;
  if (!c) return <Skeleton active paragraph={{ rows: 6 }} />;
  const yes = (v?: boolean) => t(v ? 'yes' : 'no');
  const date = (d?: string | null) => (d ? formatDate(d) : '—');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={c.name} />
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('code')}>{c.code}</Descriptions.Item>
        <Descriptions.Item label={t('province')}>{province(c.province)}</Descriptions.Item>
        <Descriptions.Item label={t('commune')}>{c.commune || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>{t(`cluster.status.${c.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('cluster.establishedOn')}>
          {date(c.established_on)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.investor')}>{c.investor || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cluster.area')}>{formatHa(c.area_ha)}</Descriptions.Item>
        <Descriptions.Item label={t('cluster.industrialLand')}>
          {formatHa(c.industrial_land_ha)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.leasedLand')}>
          {formatHa(c.leased_land_ha)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.occupancy')}>
          {`${c.occupancy_pct.toLocaleString('vi-VN')} %`}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.planApproved')}>
          {date(c.plan_approved_on)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.infrastructure')}>
          {`${t('cluster.roads')}: ${yes(c.roads_done)}; ${t('cluster.water')}: ${yes(
            c.water_done,
          )}; ${t('cluster.wastewater')}: ${yes(c.wastewater_done)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.tenants')}>
          {formatNumber(c.tenants ?? 0)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cluster.workers')}>
          {formatNumber(c.workers ?? 0)}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('cluster.checks')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {c.checks.length === 0 && t('cluster.noChecks')}
          {c.checks.map((k) => (
            <Alert
              key={k.code}
              type={k.ok ? 'success' : 'warning'}
              showIcon
              title={t(`cluster.check.${k.code}${k.ok ? '' : '.flag'}`, k.params)}
            />
          ))}
        </Space>
      </Card>
      <Card size="small" title={t('creport.history')}>
        <ResponsiveTable<ClusterReport>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.reports}
          locale={{ emptyText: t('creport.none') }}
          columns={[
            {
              title: t('creport.period'),
              dataIndex: 'kind',
              render: (k: string, r) => `${t(`creport.kind.${k}`)} ${r.year}`,
            },
            ...reportColumns(t),
          ]}
        />
      </Card>
      <Card size="small" title={t('cluster.projects')}>
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
          ]}
        />
      </Card>
    </Space>
  );
}
