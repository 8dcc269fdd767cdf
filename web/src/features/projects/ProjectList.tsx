import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { KINDS, STATUSES, useI18n } from '../../shared/i18n';
import { byCode, useLabel, useReference } from '../../shared/reference';
import type { Project } from '../../shared/types';
import { PageHeading, useCan } from '../../shared/page';
import { initialFilters, toQuery, type ProjectFilters } from './filters';

export function ProjectList() {
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const [f, setF] = useState<ProjectFilters>(initialFilters);
  const [text, setText] = useState('');
  const set = (patch: Partial<ProjectFilters>) => setF((old) => ({ ...old, ...patch, page: 1 }));
  const data = useQuery({
    queryKey: ['projects', f],
    queryFn: () => api.projects(toQuery(f)),
    placeholderData: keepPreviousData,
  });
  const programs = useQuery({ queryKey: ['programs'], queryFn: () => api.programs() });
  const contents = useReference('contents');
  const provinces = useReference(`provinces-${f.province_set}`);
  const provinces2008 = byCode(useReference('provinces-2008'));
  const provinces2025 = byCode(useReference('provinces-2025'));
  const regions = useReference('regions');
  const areas = useReference('areas');
  const contentByCode = byCode(contents);

  const options = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ value: String(r.code), label: `${String(r.code)} — ${label(r as never)}` }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.projects')}
        actions={
          <Space wrap>
            <a href={api.exportUrl(toQuery(f), 'csv')}>{t('exportCsv')}</a>
            <a href={api.exportUrl(toQuery(f), 'xlsx')}>{t('exportXlsx')}</a>
            {can('write_projects') && (
              <Link to="/projects/new">
                <Button type="primary">{t('newProject')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      <Space wrap>
        <Input.Search
          placeholder={t('search')}
          aria-label={t('search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          allowClear
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t('program')}
          style={{ width: 220 }}
          value={f.program}
          onChange={(v) => set({ program: v })}
          options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          allowClear
          placeholder={t('year')}
          style={{ width: 100 }}
          value={f.year}
          onChange={(v) => set({ year: v })}
          options={[2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({
            value: y,
            label: y,
          }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('content')}
          style={{ width: 260 }}
          value={f.content}
          onChange={(v) => set({ content: v })}
          options={options(contents)}
        />
        <Select
          style={{ width: 210 }}
          value={f.province_set}
          onChange={(v) => set({ province_set: v, province: undefined })}
          options={[
            { value: '2025', label: t('set2025') },
            { value: '2008', label: t('set2008') },
          ]}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('province')}
          style={{ width: 180 }}
          value={f.province}
          onChange={(v) => set({ province: v })}
          options={options(provinces)}
        />
        <Select
          allowClear
          placeholder={t('region')}
          style={{ width: 200 }}
          value={f.region}
          onChange={(v) => set({ region: v })}
          options={options(regions)}
        />
        <Select
          allowClear
          placeholder={t('area')}
          style={{ width: 160 }}
          value={f.area}
          onChange={(v) => set({ area: v })}
          options={options(areas)}
        />
        <Select
          allowClear
          placeholder={t('status')}
          style={{ width: 160 }}
          value={f.status}
          onChange={(v) => set({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('kind')}
          style={{ width: 150 }}
          value={f.kind}
          onChange={(v) => set({ kind: v })}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
      </Space>
      <Table<Project>
        rowKey="id"
        size="small"
        loading={data.isFetching}
        dataSource={data.data?.items ?? []}
        pagination={{
          current: f.page,
          pageSize: f.page_size,
          total: data.data?.total ?? 0,
          showTotal: (n) => `${n} ${t('projects')}`,
        }}
        onChange={(p, _filters, sorter) => {
          const s = sorter as SorterResult<Project>;
          const field = s.order ? String(s.field) : undefined;
          setF((old) => ({
            ...old,
            page: p.current ?? 1,
            page_size: p.pageSize ?? 20,
            sort: field ? (s.order === 'descend' ? `-${field}` : field) : undefined,
          }));
        }}
        columns={[
          { title: t('code'), dataIndex: 'code', sorter: true, width: 140 },
          {
            title: t('title'),
            dataIndex: 'title',
            sorter: true,
            render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link>,
          },
          {
            title: t('content'),
            dataIndex: 'content_code',
            sorter: true,
            render: (c: string) => <span title={label(contentByCode.get(c))}>{c}</span>,
          },
          {
            title: t('province'),
            dataIndex: 'provinces',
            render: (ps: Project['provinces']) =>
              ps
                .map((p) =>
                  label((p.set === '2008' ? provinces2008 : provinces2025).get(p.code), p.code),
                )
                .join(', '),
          },
          { title: t('implementingOrg'), dataIndex: 'implementing_org_name' },
          {
            title: t('requested'),
            dataIndex: 'requested_vnd',
            sorter: true,
            align: 'right',
            render: (v: number) => formatVnd(v),
          },
          { title: t('start'), dataIndex: 'start', sorter: true, render: formatDate },
          {
            title: t('status'),
            dataIndex: 'status',
            sorter: true,
            render: (s: string) => <Tag>{t(`status.${s}`)}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
