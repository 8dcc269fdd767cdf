// Lists of programs, organizations and facilities with search and paging (kept in the
// address); names open the record; kinds and provinces in words.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, type Query } from '../../shared/api';
import { formatNumber, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { SearchBox, useUrlState } from '../../shared/lists';
import { PageHeading, useCan } from '../../shared/page';
import { useProvinceName as useProvinceWords } from '../../shared/places';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { Facility, Organization, Page, Program, ProvinceRef } from '../../shared/types';

function useProvinceName() {
  const words = useProvinceWords();
  return (p: ProvinceRef | null) => (p ? words(p) : '');
}

function PagedList<T extends { id: number }>(props: {
  title: string;
  load: (q: Query) => Promise<Page<T>>;
  keyName: string;
  columns: Parameters<typeof Table<T>>[0]['columns'];
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const { state, set } = useUrlState({ q: undefined as string | undefined, page: 1 });
  const { q, page } = state;
  const data = useQuery({
    queryKey: [props.keyName, q, page],
    queryFn: () => props.load({ q, page, page_size: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeading title={props.title} actions={props.actions} />
      <SearchBox value={q} onSearch={(v) => set({ q: v })} />
      <ResponsiveTable<T>
        rowKey="id"
        size="small"
        dataSource={data.data?.items ?? []}
        columns={props.columns}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.data?.total ?? 0,
          // Past 10,000 matches a search's total is an estimate, and says so.
          showTotal: (n) =>
            t(data.data?.total_is_estimate ? 'list.aboutTotal' : 'list.total', {
              n: formatNumber(n),
            }),
        }}
        loading={data.isFetching}
        onChange={(p) => set({ page: p.current ?? 1 }, true)}
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

function NewButton({ to, label }: { to: string; label: string }) {
  const can = useCan();
  return can('write_places') ? (
    <Link to={to}>
      <Button type="primary">{label}</Button>
    </Link>
  ) : null;
}

export function OrganizationList() {
  const { t } = useI18n();
  const province = useProvinceName();
  return (
    <PagedList<Organization>
      title={t('nav.organizations')}
      keyName="organizations-list"
      load={(q) => api.organizations(q)}
      actions={<NewButton to="/organizations/new" label={t('newOrganization')} />}
      columns={[
        {
          title: t('name'),
          dataIndex: 'name',
          render: (n: string, o) => <Link to={`/organizations/${o.id}`}>{n}</Link>,
        },
        { title: t('kind'), dataIndex: 'kind', render: (k: string) => t(`orgKind.${k}`) },
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
      actions={<NewButton to="/facilities/new" label={t('newFacility')} />}
      columns={[
        {
          title: t('name'),
          dataIndex: 'name',
          render: (n: string, f) => <Link to={`/facilities/${f.id}`}>{n}</Link>,
        },
        { title: t('kind'), dataIndex: 'kind', render: (k: string) => t(`facilityKind.${k}`) },
        { title: t('province'), dataIndex: 'province', render: province },
        { title: t('address'), dataIndex: 'address' },
        { title: t('employees'), dataIndex: 'employees', align: 'right' },
      ]}
    />
  );
}
