// The project register: a compact filter bar (more filters in a drawer), every filter, the
// sort and the page in the address, the totals of the filtered set, coloured statuses.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Input, Select, Space, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate, formatVnd, formatVndShort } from '../../shared/format';
import { KINDS, STATUSES, useI18n } from '../../shared/i18n';
import { StatusLegend, StatusTag, searchWithoutDiacritics, useUrlState } from '../../shared/lists';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { PageHeading, useCan } from '../../shared/page';
import { useProvinceName } from '../../shared/places';
import { ContentSelect, ProvinceSelect } from '../../shared/filterSelects';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import type { Project } from '../../shared/types';
import { NUMERIC_FILTERS, PROJECT_FILTERS, withoutPaging } from './filters';
import { PROGRAMS_QUERY } from '../../shared/programs';

export function ProjectList() {
  const { t } = useI18n();
  const can = useCan();
  const { session } = useSession();
  const label = useLabel();
  const provinceName = useProvinceName();
  const { state: f, set, clear, active } = useUrlState(PROJECT_FILTERS, NUMERIC_FILTERS);
  const [text, setText] = useState(f.q ?? '');
  const [drawer, setDrawer] = useState(false);
  const data = useQuery({
    queryKey: ['projects', f],
    queryFn: () => api.projects(f),
    placeholderData: keepPreviousData,
  });
  const totals = useQuery({
    queryKey: ['projects', 'stats', withoutPaging(f)],
    queryFn: () => api.projectStats(withoutPaging(f)),
    placeholderData: keepPreviousData,
  });
  const programs = useQuery(PROGRAMS_QUERY);
  const contents = useReference('contents');
  const regions = useReference('regions');
  const areas = useReference('areas');
  const contentByCode = byCode(contents);

  const named = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ value: String(r.code), label: label(r as never) }));

  const program = (
    <Select
      allowClear
      aria-label={t('program')}
      placeholder={t('program')}
      style={{ width: 240 }}
      value={f.program}
      onChange={(v) => set({ program: v })}
      options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      {...searchWithoutDiacritics}
    />
  );
  const province = (
    <ProvinceSelect
      set={f.province_set}
      value={f.province}
      onChange={(v) => set({ province: v })}
    />
  );
  const status = (
    <Select
      allowClear
      aria-label={t('status')}
      placeholder={t('status')}
      style={{ width: 170 }}
      value={f.status}
      onChange={(v) => set({ status: v })}
      options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
    />
  );
  const more = [
    <Select
      key="year"
      allowClear
      aria-label={t('year')}
      placeholder={t('year')}
      value={f.year}
      onChange={(v) => set({ year: v })}
      options={[2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => ({
        value: y,
        label: String(y),
      }))}
    />,
    <ContentSelect key="content" value={f.content} onChange={(v) => set({ content: v })} />,
    <Select
      key="set"
      aria-label={t('provinceSet')}
      value={f.province_set}
      onChange={(v) => set({ province_set: v, province: undefined })}
      options={[
        { value: '2025', label: t('set2025') },
        { value: '2008', label: t('set2008') },
      ]}
    />,
    <Select
      key="region"
      allowClear
      aria-label={t('region')}
      placeholder={t('region')}
      value={f.region}
      onChange={(v) => set({ region: v })}
      options={named(regions)}
      {...searchWithoutDiacritics}
    />,
    <Select
      key="area"
      allowClear
      aria-label={t('area')}
      placeholder={t('area')}
      value={f.area}
      onChange={(v) => set({ area: v })}
      options={named(areas)}
    />,
    <Select
      key="kind"
      allowClear
      aria-label={t('kind')}
      placeholder={t('kind')}
      value={f.kind}
      onChange={(v) => set({ kind: v })}
      options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
    />,
  ];
  const scoped = session?.scope_province_2025 != null;
  const order = (field: string) =>
    f.sort === field ? 'ascend' : f.sort === `-${field}` ? 'descend' : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.projects')}
        actions={
          <Space wrap>
            <a href={api.exportUrl(withoutPaging(f), 'csv')}>{t('exportCsv')}</a>
            <a href={api.exportUrl(withoutPaging(f), 'xlsx')}>{t('exportXlsx')}</a>
            <a href={api.exportUrl({ ...withoutPaging(f), layout: 'report' }, 'xlsx')}>
              {t('exportReport')}
            </a>
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
          style={{ width: 300 }}
        />
        {program}
        {province}
        {status}
        <Badge count={active} size="small">
          <Button onClick={() => setDrawer(true)}>{t('moreFilters')}</Button>
        </Badge>
        {active > 0 && (
          <Button
            type="link"
            onClick={() => {
              setText('');
              clear();
            }}
          >
            {t('clearFilters')}
          </Button>
        )}
      </Space>
      <Drawer title={t('moreFilters')} open={drawer} onClose={() => setDrawer(false)} size={360}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {more.map((m) => (
            <div key={m.key} style={{ width: '100%' }}>
              <Typography.Text type="secondary">{m.props['aria-label']}</Typography.Text>
              <div>{m}</div>
            </div>
          ))}
        </Space>
      </Drawer>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="filtered-total">
          {totals.data
            ? `${totals.data.projects} ${t('projects')} · ${t('filteredTotal')}: ${formatVndShort(totals.data.requested_vnd)}`
            : '\u00a0'}
        </Typography.Text>
        <StatusLegend />
      </Space>
      <ResponsiveTable<Project>
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        loading={data.isFetching}
        dataSource={data.data?.items ?? []}
        locale={{
          emptyText: data.isFetching ? (
            ' '
          ) : (
            <Empty description={t(active || !scoped ? 'empty.projects' : 'empty.projectsScoped')} />
          ),
        }}
        pagination={{
          current: f.page,
          pageSize: f.page_size,
          total: data.data?.total ?? 0,
          showTotal: (n) => `${n} ${t('projects')}`,
        }}
        onChange={(p, _filters, sorter) => {
          const s = sorter as SorterResult<Project>;
          const field = s.order ? String(s.field) : undefined;
          set(
            {
              page: p.current ?? 1,
              page_size: p.pageSize ?? 20,
              sort: field ? (s.order === 'descend' ? `-${field}` : field) : undefined,
            },
            true,
          );
        }}
        columns={[
          {
            title: t('code'),
            dataIndex: 'code',
            sorter: true,
            sortOrder: order('code'),
            width: 130,
          },
          {
            title: t('title'),
            dataIndex: 'title',
            sorter: true,
            sortOrder: order('title'),
            render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link>,
          },
          {
            title: t('content'),
            dataIndex: 'content_code',
            sorter: true,
            sortOrder: order('content_code'),
            render: (c: string) => (
              <span>
                {c} — {label(contentByCode.get(c))}
              </span>
            ),
          },
          {
            title: t('province'),
            dataIndex: 'provinces',
            render: (ps: Project['provinces']) => ps.map(provinceName).join(', '),
          },
          { title: t('implementingOrg'), dataIndex: 'implementing_org_name' },
          {
            title: t('requested'),
            dataIndex: 'requested_vnd',
            sorter: true,
            sortOrder: order('requested_vnd'),
            align: 'right',
            render: (v: number) => formatVnd(v),
          },
          {
            title: t('start'),
            dataIndex: 'start',
            sorter: true,
            sortOrder: order('start'),
            render: formatDate,
          },
          {
            title: t('status'),
            dataIndex: 'status',
            sorter: true,
            sortOrder: order('status'),
            render: (s: string) => <StatusTag status={s} />,
          },
        ]}
      />
    </Space>
  );
}
