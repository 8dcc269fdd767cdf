// The typical-product selection rounds, newest first: level, area or province, closing day,
// status and how many products were nominated; an appraiser sees the rounds they sit on.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { YearSelect } from '../../shared/filterSelects';
import { formatDate } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { SelectionRound } from '../../shared/types';
import { useRoundPlace } from './place';

export const LEVELS = ['commune', 'district', 'provincial', 'regional', 'national'];

export function SelectionRounds() {
  const { t } = useI18n();
  const can = useCan();
  const place = useRoundPlace();
  const { state, set } = useUrlState({
    year: undefined as number | undefined,
    kind: undefined as string | undefined,
    page: 1,
  });
  const data = useQuery({
    queryKey: ['selection', state],
    queryFn: () => api.selectionRounds({ ...state, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('read_rounds'),
  });
  if (!can('read_rounds')) return <NoAccess title={t('sel.title')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t('sel.title')} />
      <Typography.Paragraph type="secondary">{t('sel.hint')}</Typography.Paragraph>
      <Space wrap>
        <YearSelect value={state.year} onChange={(y) => set({ year: y, page: 1 })} />
        <Select
          allowClear
          aria-label={t('sel.level')}
          placeholder={t('sel.level')}
          style={{ width: 180 }}
          value={state.kind}
          onChange={(k?: string) => set({ kind: k, page: 1 })}
          options={LEVELS.map((l) => ({ value: l, label: t(`product.level.${l}`) }))}
        />
      </Space>
      <ResponsiveTable<SelectionRound>
        {...pagedTable(data, state.page, set)}
        columns={[
          {
            title: t('sel.round'),
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`/selection/${r.id}`}>{n}</Link>,
          },
          { title: t('year'), dataIndex: 'year' },
          {
            title: t('sel.level'),
            dataIndex: 'level',
            render: (l: string, r) => `${t(`product.level.${l}`)}${place(r)}`,
          },
          { title: t('sel.closesOn'), dataIndex: 'closes_on', render: formatDate },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'open' ? '#0958d9' : '#237804'}>{t(`sel.status.${s}`)}</Tag>
            ),
          },
          { title: t('sel.nominationsCount'), dataIndex: 'nominations_count', align: 'right' },
        ]}
      />
    </Space>
  );
}
