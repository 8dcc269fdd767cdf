// The industrial clusters' reporting periods: the national view of a period (per province, the
// clusters that must report, those that reported, late or not, and whether the province has
// compiled), the period's reports, and a province's two actions: record a report it received
// and compile its period into the register. Year, kind and province live in the address.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Segmented,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { DateInput, MoneyInput, useMoneyRules } from '../../shared/forms';
import { formatDate, formatNumber, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useProvinceName } from '../../shared/places';
import { RecordModal } from '../../shared/RecordModal';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useSession } from '../../shared/session';
import { TotalsRow } from '../../shared/TotalsRow';
import type { ClusterReport, ClusterReportProvince } from '../../shared/types';
import { formatHa } from './ClusterList';
import { reportColumns } from './ReportStatus';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

function RecordForm({ year, kind, province }: { year: number; kind: string; province?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState<string>();
  const clusters = useQuery({
    queryKey: ['clusters', 'pick', province, q],
    queryFn: () => api.clusters({ province, q, page_size: 50 }),
  });
  const required = [{ required: true, message: t('form.required') }];
  const money = useMoneyRules(false);
  const fields = ['cluster_id', 'received_on', 'tenants', 'tenant_reports', 'workers'];
  return (
    <RecordModal
      button={t('creport.record')}
      title={`${t('creport.record')} — ${t(`creport.kind.${kind}`)} ${year}`}
      fields={[...fields, 'leased_land_ha', 'wastewater_done', 'investment_vnd', 'note']}
      initial={{ wastewater_done: false }}
      submit={(v) => api.recordClusterReport({ ...v, year, kind })}
    >
      <Form.Item name="cluster_id" label={t('creport.cluster')} rules={required}>
        <Select
          showSearch
          filterOption={false}
          onSearch={(text) => setQ(text || undefined)}
          loading={clusters.isFetching}
          options={(clusters.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.code} — ${c.name}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="received_on" label={t('creport.receivedOn')} rules={required}>
        <DateInput />
      </Form.Item>
      <Space wrap>
        <Form.Item name="tenants" label={t('cluster.tenants')} rules={required}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="tenant_reports" label={t('creport.tenantReports')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="workers" label={t('cluster.workers')} rules={required}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="leased_land_ha" label={t('cluster.leasedLand')} rules={required}>
          <InputNumber min={0} step={0.01} suffix="ha" decimalSeparator="," />
        </Form.Item>
      </Space>
      <Form.Item name="wastewater_done" label={t('cluster.wastewater')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="investment_vnd" label={t('creport.investment')} rules={money}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="note" label={t('creport.note')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
    </RecordModal>
  );
}

function CompileButton({ year, kind, province }: { year: number; kind: string; province: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => api.compileClusterReports({ year, kind, province }),
    onSuccess: (r) => {
      message.success(
        t('creport.compiled', { count: (r as { compiled_now: number }).compiled_now }),
      );
      for (const key of ['clusters', 'cluster-reports'])
        client.invalidateQueries({ queryKey: [key] });
    },
  });
  return (
    <Button size="small" loading={run.isPending} onClick={() => run.mutate()}>
      {t('creport.compile')}
    </Button>
  );
}

export function ClusterReports() {
  const { t } = useI18n();
  const can = useCan();
  const { session } = useSession();
  const province = useProvinceName();
  const own = session?.scope_province_2025 ?? undefined;
  const { state, set } = useUrlState({
    year: THIS_YEAR,
    kind: 'half',
    province: undefined as string | undefined,
    page: 1,
  });
  const { year, kind, page } = state;
  const readable = can('read_places');
  const summary = useQuery({
    queryKey: ['cluster-reports', 'summary', year, kind],
    queryFn: () => api.clusterReportSummary({ year, kind }),
    enabled: readable,
  });
  const reports = useQuery({
    queryKey: ['cluster-reports', year, kind, state.province, page],
    queryFn: () =>
      api.clusterReports({ year, kind, province: state.province, page, page_size: 20 }),
    enabled: readable,
  });
  if (!readable) return <NoAccess title={t('nav.clusterReports')} />;
  const s = summary.data;
  const manage = can('manage_clusters');
  const mayCompile = (code: string) => manage && (!own || own === code);
  const name = (code: string) => province({ set: '2025', code });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.clusterReports')}
        actions={manage && <RecordForm year={year} kind={kind} province={own} />}
      />
      <Typography.Paragraph type="secondary">{t('creport.hint')}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('creport.year')}
          style={{ width: 120 }}
          value={year}
          onChange={(y) => set({ year: y, page: 1 })}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        />
        <Segmented
          aria-label={t('creport.period')}
          value={kind}
          onChange={(k) => set({ kind: String(k), page: 1 })}
          options={['half', 'year'].map((k) => ({ value: k, label: t(`creport.kind.${k}`) }))}
        />
        {s && (
          <Typography.Text>
            {t('creport.window', {
              from: formatDate(s.window.from),
              to: formatDate(s.window.to),
              due: formatDate(s.due_on),
            })}
          </Typography.Text>
        )}
      </Space>
      <TotalsRow
        loading={!s}
        items={[
          [t('creport.clusters'), formatNumber(s?.totals.clusters ?? 0)],
          [t('creport.reported'), formatNumber(s?.totals.reported ?? 0)],
          [t('creport.late'), formatNumber(s?.totals.late ?? 0)],
          [t('creport.missing'), formatNumber(s?.totals.missing ?? 0)],
        ]}
      />
      <ResponsiveTable<ClusterReportProvince>
        rowKey="province_2025"
        size="small"
        loading={summary.isLoading}
        pagination={false}
        dataSource={s?.provinces}
        columns={[
          {
            title: t('province'),
            dataIndex: 'province_2025',
            render: (code: string) => (
              <Button type="link" size="small" onClick={() => set({ province: code, page: 1 })}>
                {name(code)}
              </Button>
            ),
          },
          { title: t('creport.clusters'), dataIndex: 'clusters', align: 'right' },
          { title: t('creport.reported'), dataIndex: 'reported', align: 'right' },
          { title: t('creport.late'), dataIndex: 'late', align: 'right' },
          { title: t('creport.missing'), dataIndex: 'missing', align: 'right' },
          {
            title: t('cluster.leasedLand'),
            dataIndex: 'leased_land_ha',
            align: 'right',
            render: formatHa,
          },
          {
            title: t('cluster.workers'),
            dataIndex: 'workers',
            align: 'right',
            render: formatNumber,
          },
          {
            title: t('creport.compiledOn'),
            dataIndex: 'compiled_on',
            render: (d: string | null, p) => (
              <Space size={8} wrap>
                {d ? formatDate(d) : t('creport.notCompiled')}
                {mayCompile(p.province_2025) && p.compiled < p.reported && (
                  <CompileButton year={year} kind={kind} province={p.province_2025} />
                )}
              </Space>
            ),
          },
        ]}
      />
      <Card
        size="small"
        title={
          state.province
            ? `${t('creport.reports')} — ${name(state.province)}`
            : t('creport.reports')
        }
        extra={
          state.province && (
            <Button size="small" onClick={() => set({ province: undefined, page: 1 })}>
              {t('clearFilters')}
            </Button>
          )
        }
      >
        <ResponsiveTable<ClusterReport>
          {...pagedTable(reports, page, set)}
          columns={[
            {
              title: t('creport.cluster'),
              dataIndex: 'cluster_name',
              render: (n: string, r) => <Link to={`/clusters/${r.cluster_id}`}>{n}</Link>,
            },
            { title: t('province'), dataIndex: 'province_2025', render: name },
            ...reportColumns(t),
            {
              title: t('creport.investment'),
              dataIndex: 'investment_vnd',
              align: 'right',
              render: formatVnd,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
