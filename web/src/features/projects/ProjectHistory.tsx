// A project's history tab: who changed what, when, and why (from the audit trail).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useI18n } from '../../shared/i18n';
import type { AuditEntry } from '../../shared/types';

function changes(e: AuditEntry): string {
  if (!e.before || !e.after) return '';
  const keys = Object.keys(e.after).filter(
    (k) =>
      !['version', 'updated_at'].includes(k) &&
      JSON.stringify(e.before![k]) !== JSON.stringify(e.after![k]),
  );
  return keys
    .map((k) => `${k}: ${JSON.stringify(e.before![k])} → ${JSON.stringify(e.after![k])}`)
    .join('; ');
}

export function ProjectHistory({ id }: { id: number }) {
  const { t } = useI18n();
  const h = useQuery({ queryKey: ['history', id], queryFn: () => api.projectHistory(id) });
  return (
    <ResponsiveTable<AuditEntry>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={h.data?.items ?? []}
      columns={[
        { title: t('when'), dataIndex: 'at' },
        { title: t('who'), dataIndex: 'user' },
        { title: t('action'), dataIndex: 'action', render: (a: string) => t(`action.${a}`) },
        { title: t('changes'), render: (_: unknown, e) => changes(e) },
        { title: t('reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
