import { useQuery } from '@tanstack/react-query';
import { Alert, Space } from 'antd';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { Project } from '../../shared/types';

/** The eligibility checks that fire for a proposal, each with its rule's legal source. */
export function EligibilityChecks({ project }: { project: Project }) {
  const { t } = useI18n();
  // Amounts in đồng and the dossier's missing parts in words.
  const words = (params: Record<string, string>) => ({
    ...(params.ceiling ? { ceiling: formatVnd(Number(params.ceiling)) } : {}),
    ...(params.requested ? { requested: formatVnd(Number(params.requested)) } : {}),
    ...(params.missing
      ? {
          missing: params.missing
            .split(', ')
            .map((m) => t(`dossier.${m}`).toLowerCase())
            .join(', '),
        }
      : {}),
  });
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
          title={t(`check.${c.rule.startsWith('support_ceiling.') ? 'support_ceiling' : c.rule}`, {
            ...c.params,
            ...words(c.params),
          })}
          description={`${t('check.source', {
            basis: c.legal_basis || '—',
            from: c.valid_from ? formatDate(c.valid_from) : '—',
          })} ${c.confirmed ? '' : t('check.unconfirmed')}`}
        />
      ))}
    </Space>
  );
}
