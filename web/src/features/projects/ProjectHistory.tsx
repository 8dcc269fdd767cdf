// A project's history tab: who (by name) changed what (field labels, formatted values), when
// (Vietnam time, dd/mm/yyyy HH:mm), and why — from the audit trail.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useProvinceName } from '../../shared/places';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { AuditEntry, ProvinceRef } from '../../shared/types';

// A field of the project's JSON, its label and how its value reads.
const FIELDS: Record<string, string> = {
  code: 'code',
  title: 'title',
  year: 'year',
  program_id: 'program',
  content_code: 'content',
  kind: 'kind',
  provinces: 'province',
  implementing_org_id: 'implementingOrg',
  requested_vnd: 'requested',
  counterpart_vnd: 'counterpart',
  total_vnd: 'total',
  start: 'start',
  end: 'end',
  status: 'status',
  priority_flags: 'priorityFlags',
  outputs: 'outputs',
  beneficiary_ids: 'beneficiaries',
  cooperating_org_ids: 'cooperators',
};

export function ProjectHistory({ id }: { id: number }) {
  const { t } = useI18n();
  const provinceName = useProvinceName();
  const h = useQuery({ queryKey: ['history', id], queryFn: () => api.projectHistory(id) });

  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (field.endsWith('_vnd') && typeof v === 'number') return formatVnd(v);
    if ((field === 'start' || field === 'end') && typeof v === 'string') return formatDate(v);
    if (field === 'status') return t(`status.${String(v)}`);
    if (field === 'kind') return t(`kind.${String(v)}`);
    if (field === 'provinces' && Array.isArray(v))
      return (v as ProvinceRef[]).map(provinceName).join(', ');
    if (field === 'priority_flags' && Array.isArray(v))
      return v.map((f) => t(`flag.${String(f)}`)).join(', ');
    if (field === 'outputs' && Array.isArray(v))
      return v
        .map((o: { indicator: string; quantity: number }) => `${o.indicator}: ${o.quantity}`)
        .join(', ');
    return Array.isArray(v) ? v.join(', ') : String(v);
  };

  const changes = (e: AuditEntry): string => {
    if (!e.before || !e.after) return '';
    return Object.keys(FIELDS)
      .filter((k) => JSON.stringify(e.before![k]) !== JSON.stringify(e.after![k]))
      .map((k) => `${t(FIELDS[k])}: ${show(k, e.before![k])} → ${show(k, e.after![k])}`)
      .join('; ');
  };

  return (
    <ResponsiveTable<AuditEntry>
      size="small"
      rowKey="id"
      pagination={false}
      loading={h.isLoading}
      dataSource={h.data?.items ?? []}
      columns={[
        { title: t('when'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
        { title: t('who'), dataIndex: 'user_name' },
        { title: t('action'), dataIndex: 'action', render: (a: string) => t(`action.${a}`) },
        { title: t('changes'), render: (_: unknown, e) => changes(e) || '—' },
        { title: t('reason'), dataIndex: 'reason', render: (r: string) => r || '—' },
      ]}
    />
  );
}
