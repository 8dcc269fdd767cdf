// A cluster report's status as a tag, with "late" when it came after the period's deadline.
import { Space, Tag } from 'antd';
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
