// Production–consumption chains by product line, with the totals of the filtered set: how many
// facilities supply, produce and buy, and what the chains' projects asked of the program.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { ProvinceSelect } from '../../shared/filterSelects';
import { formatNumber, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, SearchBox, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useProvinceName } from '../../shared/places';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { TotalsRow } from '../../shared/TotalsRow';
import type { Chain } from '../../shared/types';
import { ChainForm } from './ChainForm';

export function ChainList() {
  const { t } = useI18n();
  const can = useCan();
  const province = useProvinceName();
  const { state, set } = useUrlState({
    province: undefined as string | undefined,
    q: undefined as string | undefined,
    page: 1,
  });
  const data = useQuery({
    queryKey: ['chains', state],
    queryFn: () => api.chains({ ...state, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('read_places'),
  });
  if (!can('read_places')) return <NoAccess title={t('chain.title')} />;
  const totals = data.data?.totals;
  const count = (k: string) => formatNumber(totals?.[k] ?? 0);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t('chain.title')} actions={can('write_places') && <ChainForm />} />
      <Typography.Paragraph type="secondary">{t('chain.hint')}</Typography.Paragraph>
      <Space wrap>
        <ProvinceSelect value={state.province} onChange={(p) => set({ province: p, page: 1 })} />
        <SearchBox value={state.q} onSearch={(q) => set({ q, page: 1 })} />
      </Space>
      <TotalsRow
        loading={!totals}
        items={[
          [t('chain.count'), count('chains')],
          [t('chain.role.producer'), count('producers')],
          [
            `${t('chain.role.supplier')}, ${t('chain.role.buyer').toLowerCase()}`,
            formatNumber((totals?.suppliers ?? 0) + (totals?.buyers ?? 0)),
          ],
          [t('chain.projectCount'), count('projects')],
        ]}
      />
      <ResponsiveTable<Chain>
        {...pagedTable(data, state.page, set)}
        columns={[
          {
            title: t('chain.name'),
            dataIndex: 'name',
            render: (n: string, c) => <Link to={`/chains/${c.id}`}>{n}</Link>,
          },
          { title: t('chain.productLine'), dataIndex: 'product_line' },
          {
            title: t('chain.leadProvince'),
            dataIndex: 'province_2025',
            render: (code: string) => province({ set: '2025', code }),
          },
          {
            title: t('chain.facilities'),
            dataIndex: 'producers',
            align: 'right',
            render: (_: number, c) => formatNumber(c.suppliers + c.producers + c.buyers),
          },
          { title: t('chain.projectCount'), dataIndex: 'project_count', align: 'right' },
          {
            title: t('chain.requested'),
            dataIndex: 'requested_vnd',
            align: 'right',
            render: formatVnd,
          },
        ]}
      />
    </Space>
  );
}
