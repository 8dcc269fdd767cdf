// A province's profile across the years (/reports/province/:code?set=2025|2008): what it was
// formed from or merged into, its plan, contracts, disbursements and acceptances by year, the
// plan by content and the outputs, with a link to its projects. The dashboard's map opens it.
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Row, Segmented, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatNumber, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { ProvinceMap } from '../../shared/charts';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useSession } from '../../shared/session';
import type { ReportFigures } from '../../shared/types';
import { Downloads, GroupTable, OutputsCard, pct, ReportTabs, useStacked, AsOf } from './parts';

export function ProvinceReportPage() {
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const navigate = useNavigate();
  const { session } = useSession();
  const { state } = useUrlState({ set: '2025' });
  const stacked = useStacked();
  const list = useReference(state.set === '2008' ? 'provinces-2008' : 'provinces-2025');
  const contents = byCode(useReference('contents'));
  const own = session?.scope_province_2025 ?? '';
  const code = useParams().code ?? (state.set === '2025' ? own : '');
  const query = { province: code, set: state.set };
  const report = useQuery({
    queryKey: ['report', 'province', query],
    queryFn: () => api.provinceReport(query),
    enabled: code !== '',
  });
  const names = useMemo(
    () => new Map(list.map((p) => [String(p.code), label(p, String(p.code))])),
    [list, label],
  );
  const selected = useMemo(() => new Map(code ? [[code, 1]] : []), [code]);
  if (!can('read_execution')) return <NoAccess title={t('nav.reports')} />;
  const r = report.data;
  const open = (next: string, nextSet = state.set) =>
    navigate(`/reports/province/${next}${nextSet === '2025' ? '' : `?set=${nextSet}`}`);
  const money = (key: keyof ReportFigures['funds'], title: string) => ({
    title,
    align: 'right' as const,
    render: (_: unknown, y: ReportFigures) => formatVnd(y.funds[key]),
  });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={r ? `${t('report.province')}: ${r.province.name}` : t('report.province')}
      />
      <ReportTabs />
      <Space wrap>
        <Segmented
          aria-label={t('report.provinceSet')}
          vertical={stacked}
          block={stacked}
          value={state.set}
          onChange={(v) => navigate(`/reports/province${v === '2025' ? '' : `?set=${v}`}`)}
          options={[
            { value: '2025', label: t('report.set2025') },
            { value: '2008', label: t('report.set2008') },
          ]}
        />
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          aria-label={t('province')}
          placeholder={t('report.pickProvince')}
          value={code || undefined}
          onChange={(v: string) => open(v)}
          options={list.map((p) => ({ value: String(p.code), label: label(p, String(p.code)) }))}
        />
        {code && <Downloads url={(format) => api.reportUrl('province', { ...query, format })} />}
        {code && (
          <Link
            to={`/projects?province=${code}${state.set === '2008' ? '&province_set=2008' : ''}`}
          >
            <Button>{t('report.projectsOf')}</Button>
          </Link>
        )}
      </Space>
      <AsOf value={report.data?.data_as_of} />
      {r && (
        <Typography.Text type="secondary">
          {r.province.formed_from
            ? t('report.formedFrom', { list: r.province.formed_from.map((p) => p.name).join(', ') })
            : t('report.mergedInto', { code: r.province.province_2025 })}
        </Typography.Text>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ProvinceMap
            set={state.set === '2008' ? '2008' : '2025'}
            amounts={selected}
            names={names}
            label={t('report.locatorMap')}
            height={360}
            scale={false}
            format={() => ''}
            onSelect={(next) => names.has(next) && open(next)}
          />
        </Col>
        <Col xs={24} lg={14}>
          {r && (
            <GroupTable
              title={t('content')}
              groups={r.by_content}
              name={(k) => `${k} — ${label(contents.get(k), k)}`}
            />
          )}
        </Col>
      </Row>
      {code && (
        <ResponsiveTable<ReportFigures>
          size="small"
          rowKey={(y) => String(y.year)}
          loading={report.isLoading}
          pagination={false}
          dataSource={r?.years ?? []}
          columns={[
            { title: t('year'), dataIndex: 'year' },
            {
              title: t('report.projects'),
              align: 'right',
              render: (_: unknown, y: ReportFigures) => formatNumber(y.projects.planned),
            },
            money('plan_vnd', t('report.plan')),
            money('contracted_vnd', t('report.contracted')),
            money('disbursed_vnd', t('report.disbursed')),
            money('accepted_vnd', t('report.accepted')),
            {
              title: t('exec.completionRate'),
              align: 'right',
              render: (_: unknown, y: ReportFigures) => pct(y.completion_rate),
            },
          ]}
        />
      )}
      {r && <OutputsCard outputs={r.total.outputs} />}
    </Space>
  );
}
