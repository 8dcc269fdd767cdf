// The register of industrial clusters: each cluster's province, status, areas and occupancy,
// with the totals of the filtered set; filters in the address, search without diacritics.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { ProvinceSelect } from '../../shared/filterSelects';
import { formatNumber } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, SearchBox, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useProvinceName } from '../../shared/places';
import { ProvinceMap } from '../../shared/charts';
import { useLabel, useReference } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { TotalsRow } from '../../shared/TotalsRow';
import type { Cluster } from '../../shared/types';

export const CLUSTER_STATUSES = ['in_list', 'established', 'expanded', 'operating'];

/** Hectares as Vietnamese write them: "45,5 ha". */
export function formatHa(v: number): string {
  return `${v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })} ha`;
}

export function ClusterList() {
  const { t } = useI18n();
  const can = useCan();
  const province = useProvinceName();
  const { state, set } = useUrlState({
    province: undefined as string | undefined,
    status: undefined as string | undefined,
    q: undefined as string | undefined,
    page: 1,
  });
  const data = useQuery({
    queryKey: ['clusters', state],
    queryFn: () => api.clusters({ ...state, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('read_places'),
  });
  const label = useLabel();
  const provinces = useReference('provinces-2025');
  const names = useMemo(
    () => new Map(provinces.map((p) => [String(p.code), label(p, String(p.code))])),
    [provinces, label],
  );
  const byProvince = data.data?.totals.by_province;
  const counts = useMemo(() => new Map(Object.entries(byProvince ?? {})), [byProvince]);
  if (!can('read_places')) return <NoAccess title={t('nav.clusters')} />;
  const totals = data.data?.totals;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t('nav.clusters')} />
      <Space wrap>
        <ProvinceSelect value={state.province} onChange={(p) => set({ province: p, page: 1 })} />
        <Select
          aria-label={t('status')}
          placeholder={t('status')}
          allowClear
          style={{ width: 200 }}
          value={state.status}
          onChange={(s?: string) => set({ status: s, page: 1 })}
          options={CLUSTER_STATUSES.map((s) => ({ value: s, label: t(`cluster.status.${s}`) }))}
        />
        <SearchBox value={state.q} onSearch={(q) => set({ q, page: 1 })} />
      </Space>
      <TotalsRow
        loading={!totals}
        items={[
          [t('cluster.count'), formatNumber(totals?.clusters ?? 0)],
          [t('cluster.area'), formatHa(totals?.area_ha ?? 0)],
          [t('cluster.occupancy'), `${(totals?.occupancy_pct ?? 0).toLocaleString('vi-VN')} %`],
          [t('cluster.workers'), formatNumber(totals?.workers ?? 0)],
        ]}
      />
      <ResponsiveTable<Cluster>
        {...pagedTable(data, state.page, set)}
        columns={[
          { title: t('code'), dataIndex: 'code' },
          {
            title: t('name'),
            dataIndex: 'name',
            render: (n: string, c) => <Link to={`/clusters/${c.id}`}>{n}</Link>,
          },
          { title: t('province'), dataIndex: 'province', render: province },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: string) => t(`cluster.status.${s}`),
          },
          { title: t('cluster.area'), dataIndex: 'area_ha', align: 'right', render: formatHa },
          {
            title: t('cluster.occupancy'),
            dataIndex: 'occupancy_pct',
            align: 'right',
            render: (v: number) => `${v.toLocaleString('vi-VN')} %`,
          },
        ]}
      />
      <Card size="small" title={t('cluster.map')}>
        <Typography.Paragraph type="secondary">{t('cluster.mapHint')}</Typography.Paragraph>
        <ProvinceMap
          amounts={counts}
          names={names}
          label={t('cluster.mapLabel')}
          format={(n) => (n ? `${formatNumber(n)} ${t('cluster.unit')}` : '')}
          onSelect={(code) => names.has(code) && set({ province: code, page: 1 })}
          height={380}
        />
      </Card>
    </Space>
  );
}
