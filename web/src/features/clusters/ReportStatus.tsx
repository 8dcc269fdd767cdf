// A cluster report's status as a tag, with "late" when it came after the period's deadline, and
// the columns every table of reports shows.
import { Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { formatDate, formatNumber } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ClusterReport } from '../../shared/types';

/** The report's status, and "late" when it came after the deadline. */
export function ReportStatus({ r }: { r: ClusterReport }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={r.status === 'compiled' ? '#237804' : '#0958d9'}>
        {t(`creport.status.${r.status}`)}
      </Tag>
      {r.late && <Tag color="#a8071a">{t('creport.late')}</Tag>}
    </Space>
  );
}

/** The columns every list of reports shows: received, status and the reported figures. */
export function reportColumns(t: (key: string) => string): ColumnType<ClusterReport>[] {
  return [
    { title: t('creport.receivedOn'), dataIndex: 'received_on', render: formatDate },
    {
      title: t('status'),
      dataIndex: 'status',
      render: (_: string, r) => <ReportStatus r={r} />,
    },
    { title: t('cluster.tenants'), dataIndex: 'tenants', align: 'right' },
    { title: t('cluster.workers'), dataIndex: 'workers', align: 'right', render: formatNumber },
    {
      title: t('cluster.occupancy'),
      dataIndex: 'occupancy_pct',
      align: 'right',
      render: (v: number) => `${v.toLocaleString('vi-VN')} %`,
    },
  ];
}
