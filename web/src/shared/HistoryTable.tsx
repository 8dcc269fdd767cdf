// A record's audit history as a table, the same on every record's page: when (Vietnam time,
// dd/mm/yyyy HH:mm), who (by name), what was done, what changed (field labels and values in
// words) and why.
import { formatDateTime } from './format';
import { useI18n } from './i18n';
import { ResponsiveTable } from './ResponsiveTable';
import type { AuditEntry } from './types';

type Json = Record<string, unknown>;

/** "Label: before → after" for every field of `labels` (field → word key) that differs between
 * two states of a record; `show` says how a field's value reads. */
export function changedFields(
  labels: Record<string, string>,
  word: (key: string) => string,
  show: (field: string, v: unknown) => string,
  before: Json,
  after: Json,
  ignore: string[] = [],
): string[] {
  return Object.keys(labels)
    .filter((k) => !ignore.includes(k))
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${word(labels[k])}: ${show(k, before[k])} → ${show(k, after[k])}`);
}

export function HistoryTable({
  entries,
  loading,
  changes,
}: {
  entries: AuditEntry[];
  loading: boolean;
  changes: (e: AuditEntry) => string;
}) {
  const { t } = useI18n();
  return (
    <ResponsiveTable<AuditEntry>
      size="small"
      rowKey="id"
      pagination={false}
      loading={loading}
      dataSource={entries}
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
