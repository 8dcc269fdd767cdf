// The patterns of every list page: its state (filters, sort, page, tab) lives in the
// address, so that reload, Back and a shared link show the same view; dropdowns find
// "Đồng Nai" from "dong nai"; statuses are coloured tags with a legend.
import { Input, Popover, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { STATUSES, useI18n } from './i18n';

/** "Đồng Nai" -> "dong nai": lower case, no diacritics, đ as d (as the server's search). */
export function foldVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Spread into an antd Select: search by label, without diacritics. */
export const searchWithoutDiacritics = {
  showSearch: {
    filterOption: (input: string, option?: { label?: unknown }) =>
      foldVi(String(option?.label ?? '')).includes(foldVi(input)),
  },
};

type Plain = string | number | undefined;

/**
 * The list's state in the query string. `defaults` gives every key; `numeric` names the keys
 * read as numbers (besides those with a number default); keys equal to their default stay out
 * of the address.
 * Changing a filter pushes a history entry (Back undoes it) and returns to page 1.
 */
export function useUrlState<T extends Record<string, Plain>>(
  defaults: T,
  numeric: readonly string[] = [],
) {
  const [params, setParams] = useSearchParams();
  const state = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const isNumber = typeof defaults[key] === 'number' || numeric.includes(key);
    const value = isNumber ? Number(raw) : raw;
    if (!isNumber || Number.isFinite(value)) (state as Record<string, Plain>)[key] = value;
  }
  const set = (patch: Partial<T>, keepPage = false) => {
    const next = { ...state, ...patch } as Record<string, Plain>;
    if (!keepPage && !('page' in patch) && 'page' in defaults) next.page = defaults.page;
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next))
      if (v !== undefined && v !== '' && v !== (defaults as Record<string, Plain>)[k])
        out.set(k, String(v));
    setParams(out);
  };
  const active = (Object.keys(defaults) as (keyof T & string)[]).filter(
    (k) => !['page', 'page_size', 'sort'].includes(k) && state[k] !== defaults[k],
  ).length;
  const clear = () => setParams(new URLSearchParams());
  return { state, set, clear, active };
}

// Solid colours dark enough for white text (WCAG AA, 4.5:1); a draft is a plain tag.
const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: '#0958d9',
  returned: '#ad2102',
  province_appraisal: '#006d75',
  forwarded: '#10239e',
  not_forwarded: '#5c3c00',
  ministry_appraisal: '#00474f',
  passed: '#135200',
  failed: '#820014',
  withdrawn: '#595959',
  approved: '#1d39c4',
  contracted: '#531dab',
  in_progress: '#ad4e00',
  completed: '#237804',
  cancelled: '#a8071a',
};

/** A status's colour as a CSS colour (charts draw a draft in grey). */
export function statusColor(status: string): string {
  const c = STATUS_COLORS[status];
  return !c || c === 'default' ? '#8c8c8c' : c;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}

/** What each status colour means, behind a small link. */
export function StatusLegend() {
  const { t } = useI18n();
  return (
    <Popover
      title={t('statusLegend')}
      content={
        <Space orientation="vertical">
          {STATUSES.map((s) => (
            <Space key={s}>
              <StatusTag status={s} />
              <Typography.Text type="secondary">{t(`statusHelp.${s}`)}</Typography.Text>
            </Space>
          ))}
        </Space>
      }
    >
      <Typography.Link>{t('statusLegend')}</Typography.Link>
    </Popover>
  );
}

/** The free-text search of a list: every word must match, without diacritics (the server's
 * `q`); an empty search clears it. */
export function SearchBox({
  value,
  onSearch,
}: {
  value?: string;
  onSearch: (q: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <Input.Search
      placeholder={t('search')}
      aria-label={t('search')}
      defaultValue={value}
      allowClear
      style={{ width: 320, maxWidth: '100%' }}
      onSearch={(v) => onSearch(v.trim() || undefined)}
    />
  );
}

/**
 * The props every paged list's table shares: its rows, its loading state, and the page in the
 * address (`set` from useUrlState).
 */
export function pagedTable<T>(
  query: { isFetching: boolean; data?: { items: T[]; total: number } },
  page: number,
  set: (patch: { page: number }, replace?: boolean) => void,
  pageSize = 20,
) {
  return {
    rowKey: 'id',
    size: 'small' as const,
    loading: query.isFetching,
    dataSource: query.data?.items ?? [],
    pagination: { current: page, pageSize, total: query.data?.total ?? 0 },
    onChange: (p: { current?: number }) => set({ page: p.current ?? 1 }, true),
  };
}
