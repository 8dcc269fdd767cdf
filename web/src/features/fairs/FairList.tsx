// Trade fairs and exhibitions: the year's fairs with the booths the program supported there,
// the totals of the filtered set, search without diacritics; filters in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { YearSelect } from '../../shared/filterSelects';
import { formatDate, formatNumber, formatVnd, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, SearchBox, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { TotalsRow } from '../../shared/TotalsRow';
import type { Fair } from '../../shared/types';
import { FairForm } from './FairForm';
import { useFairPlace } from './place';

export function FairList() {
  const { t } = useI18n();
  const can = useCan();
  const where = useFairPlace();
  const { state, set } = useUrlState({
    year: undefined as number | undefined,
    q: undefined as string | undefined,
    page: 1,
  });
  const { year, q, page } = state;
  const data = useQuery({
    queryKey: ['fairs', year, q, page],
    queryFn: () => api.fairs({ year, q, page, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('read_places'),
  });
  if (!can('read_places')) return <NoAccess title={t('nav.fairs')} />;
  const totals = data.data?.totals;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t('nav.fairs')} actions={can('manage_fairs') && <FairForm />} />
      <Space wrap>
        <YearSelect value={year} onChange={(y) => set({ year: y, page: 1 })} />
        <SearchBox value={q} onSearch={(q) => set({ q, page: 1 })} />
      </Space>
      <TotalsRow
        loading={!totals}
        items={[
          [t('fair.count'), formatNumber(totals?.fairs ?? 0)],
          [t('fair.booths'), formatNumber(totals?.booths ?? 0)],
          [t('fair.exhibitors'), formatNumber(totals?.facilities ?? 0)],
          [t('fair.support'), formatVndShort(totals?.amount_vnd ?? 0)],
        ]}
      />
      <ResponsiveTable<Fair>
        {...pagedTable(data, page, set)}
        columns={[
          { title: t('code'), dataIndex: 'code' },
          {
            title: t('fair.name'),
            dataIndex: 'name',
            render: (n: string, f) => <Link to={`/fairs/${f.id}`}>{n}</Link>,
          },
          { title: t('fair.where'), key: 'where', render: (_: unknown, f) => where(f) },
          {
            title: t('fair.dates'),
            key: 'dates',
            render: (_: unknown, f) => `${formatDate(f.starts_on)} – ${formatDate(f.ends_on)}`,
          },
          { title: t('fair.booths'), dataIndex: 'booths', align: 'right' },
          {
            title: t('fair.support'),
            dataIndex: 'amount_vnd',
            align: 'right',
            render: formatVnd,
          },
        ]}
      />
    </Space>
  );
}
