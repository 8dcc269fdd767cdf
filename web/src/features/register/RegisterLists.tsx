// Lists of programs, organizations and facilities with search and paging.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Space, Table } from 'antd';
import { useState } from 'react';
import { api, type Query } from '../../shared/api';
import { formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { PageHeading } from '../../shared/page';
import type { Facility, Organization, Page, Program, ProvinceRef } from '../../shared/types';

function useProvinceName() {
  const label = useLabel();
  const p2008 = byCode(useReference('provinces-2008'));
  const p2025 = byCode(useReference('provinces-2025'));
  return (p: ProvinceRef | null) =>
    p ? label((p.set === '2008' ? p2008 : p2025).get(p.code), p.code) : '';
}

function PagedList<T extends { id: number }>(props: {
  title: string;
  load: (q: Query) => Promise<Page<T>>;
  keyName: string;
  columns: Parameters<typeof Table<T>>[0]['columns'];
}) {
  const { t } = useI18n();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const data = useQuery({
    queryKey: [props.keyName, q, page],
    queryFn: () => props.load({ q, page, page_size: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeading title={props.title} />
      <Input.Search
        placeholder={t('search')}
        allowClear
        style={{ width: 320 }}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage(1);
        }}
      />
      <ResponsiveTable<T>
        rowKey="id"
        size="small"
        dataSource={data.data?.items ?? []}
        columns={props.columns}
        pagination={{ current: page, pageSize: 20, total: data.data?.total ?? 0 }}
        onChange={(p) => setPage(p.current ?? 1)}
      />
    </Space>
  );
}

export function ProgramList() {
  const { t } = useI18n();
  const province = useProvinceName();
  return (
    <PagedList<Program>
      title={t('nav.programs')}
      keyName="programs-list"
      load={(q) => api.programs(q)}
      columns={[
        { title: t('code'), dataIndex: 'code' },
        { title: t('name'), dataIndex: 'name' },
        { title: t('year'), dataIndex: 'year' },
        { title: t('province'), dataIndex: 'province', render: province },
        { title: t('budget'), dataIndex: 'budget_vnd', align: 'right', render: formatVnd },
      ]}
    />
  );
}

export function OrganizationList() {
  const { t } = useI18n();
  const province = useProvinceName();
  return (
    <PagedList<Organization>
      title={t('nav.organizations')}
      keyName="organizations-list"
      load={(q) => api.organizations(q)}
      columns={[
        { title: t('name'), dataIndex: 'name' },
        { title: t('kind'), dataIndex: 'kind' },
        { title: t('province'), dataIndex: 'province', render: province },
      ]}
    />
  );
}

export function FacilityList() {
  const { t } = useI18n();
  const province = useProvinceName();
  return (
    <PagedList<Facility>
      title={t('nav.facilities')}
      keyName="facilities-list"
      load={(q) => api.facilities(q)}
      columns={[
        { title: t('name'), dataIndex: 'name' },
        { title: t('kind'), dataIndex: 'kind' },
        { title: t('province'), dataIndex: 'province', render: province },
        { title: t('address'), dataIndex: 'address' },
        { title: t('employees'), dataIndex: 'employees', align: 'right' },
      ]}
    />
  );
}
