import { useQuery } from '@tanstack/react-query';
import { Alert, Space } from 'antd';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { Project } from '../../shared/types';

/** The eligibility checks that fire for a proposal, each with its rule's legal source. */
export function EligibilityChecks({ project }: { project: Project }) {
  const { t } = useI18n();
  const checks = useQuery({
    queryKey: ['checks', project.id, project.version],
    queryFn: () => api.projectChecks(project.id),
  });
  const items = checks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} aria-label={t('checks.title')}>
      {items.map((c, k) => (
        <Alert
          key={k}
          type={c.level === 'block' ? 'error' : 'warning'}
          showIcon
          title={t(`check.${c.rule}`, c.params)}
          description={`${t('check.source', {
            basis: c.legal_basis || '—',
            from: c.valid_from ? formatDate(c.valid_from) : '—',
          })} ${c.confirmed ? '' : t('check.unconfirmed')}`}
        />
      ))}
    </Space>
  );
}
