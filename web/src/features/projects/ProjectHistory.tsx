// A project's history tab: who (by name) changed what (field labels, formatted values), when
// (Vietnam time, dd/mm/yyyy HH:mm), and why — from the audit trail.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, formatVnd } from '../../shared/format';
import { changedFields, HistoryTable } from '../../shared/HistoryTable';
import { useI18n } from '../../shared/i18n';
import { useProvinceName } from '../../shared/places';
import type { AuditEntry, ProvinceRef } from '../../shared/types';
import { TEXTS } from './Dossier';

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

// How a field's value reads in the UI.
function useShow() {
  const { t } = useI18n();
  const provinceName = useProvinceName();
  return (field: string, v: unknown): string => {
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
}

// "Label: before → after" for every field that differs between two states of the project.
function useDiff() {
  const { t } = useI18n();
  const show = useShow();
  return (before: Record<string, unknown>, after: Record<string, unknown>, ignore: string[] = []) =>
    changedFields(FIELDS, t, show, before, after, ignore);
}

export function ProjectHistory({ id }: { id: number }) {
  const { t } = useI18n();
  const diff = useDiff();
  const h = useQuery({ queryKey: ['history', id], queryFn: () => api.projectHistory(id) });

  const changes = (e: AuditEntry): string => {
    // A file import audits one row for the file; it stands in each of its projects' history.
    if (e.action === 'import' && e.after)
      return t('history.importFile', {
        file: String(e.after.file ?? ''),
        rows: String(e.after.rows ?? ''),
        sha256: String(e.after.sha256 ?? '').slice(0, 12),
      });
    if (!e.before || !e.after) return '';
    if (e.action === 'dossier') return dossierChanges(e.before, e.after);
    return diff(e.before, e.after).join('; ');
  };
  // A dossier's write: the texts that changed by name, the milestones' count, the costs' sums.
  const dossierChanges = (b: Record<string, unknown>, a: Record<string, unknown>) => {
    const texts = TEXTS.filter((k) => b[k] !== a[k]).map((k) => t(`dossier.${k}`));
    const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    const total = (v: unknown) => (v as { total_vnd?: number } | undefined)?.total_vnd ?? 0;
    const out = texts.length ? [texts.join(', ')] : [];
    if (count(b.milestones) !== count(a.milestones))
      out.push(`${t('dossier.milestones')}: ${count(b.milestones)} → ${count(a.milestones)}`);
    if (total(b.totals) !== total(a.totals))
      out.push(
        `${t('dossier.costs')}: ${formatVnd(total(b.totals))} → ${formatVnd(total(a.totals))}`,
      );
    return out.join('; ');
  };

  return <HistoryTable entries={h.data?.items ?? []} loading={h.isLoading} changes={changes} />;
}

// For a proposal returned for revision and submitted again: what changed since it was returned,
// so that its reviewers need not compare it line by line (from the audit trail).
export function ResubmissionChanges({ id }: { id: number }) {
  const { t } = useI18n();
  const diff = useDiff();
  const h = useQuery({ queryKey: ['history', id], queryFn: () => api.projectHistory(id) });
  const entries = h.data?.items ?? [];
  const full = (e: AuditEntry) => (e.after && 'code' in e.after ? e.after : null);
  const returned = entries.map((e) => e.action).lastIndexOf('return');
  if (returned < 0) return null;
  let atReturn: Record<string, unknown> | null = null;
  for (const e of entries.slice(0, returned + 1)) atReturn = full(e) ?? atReturn;
  let now = atReturn;
  for (const e of entries.slice(returned + 1)) now = full(e) ?? now;
  const submitted = entries.slice(returned + 1).some((e) => e.action === 'submit');
  if (!atReturn || !now || !submitted) return null;
  const lines = diff(atReturn, now, ['status']); // the workflow moves it; not an edit
  const r = entries[returned];
  return (
    <Alert
      type={lines.length ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t('resubmitted.title', { date: formatDateTime(r.at), reason: r.reason || '—' })}
      description={
        lines.length ? (
          <ul className="resubmitted-changes">
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : (
          t('resubmitted.none')
        )
      }
    />
  );
}
