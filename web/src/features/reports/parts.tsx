// What the report pages share: the tabs between the reports, the download buttons (PDF, Excel,
// CSV: the same figures as the page), a table of groups and the outputs planned and accepted.
import { Button, Card, Grid, Segmented, Space, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatNumber, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { ResponsiveTable } from '../../shared/ResponsiveTable';

// "Số liệu đến 08:44 ngày 04/12/2026", in Vietnam's time, and whether read from the replica.
export function AsOf({ value }: { value?: { at: string; source: string } }) {
  const { t } = useI18n();
  if (!value) return null;
  const at = new Date(value.at);
  const part = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', ...o }).format(at);
  const time = part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = part({ day: '2-digit', month: '2-digit', year: 'numeric' });
  return (
    <Typography.Text type="secondary">
      {t(value.source === 'replica' ? 'report.asOfReplica' : 'report.asOf', { time, day })}
    </Typography.Text>
  );
}

export const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)} %`;

const TABS = [
  ['annual', '/reports'],
  ['period', '/reports/period'],
  ['province', '/reports/province'],
] as const;

// On a phone, a choice of a few stacks its options instead of running off the screen.
export function useStacked() {
  return !Grid.useBreakpoint().md;
}

export function ReportTabs() {
  const { t } = useI18n();
  const stacked = useStacked();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = [...TABS].reverse().find(([, path]) => pathname.startsWith(path))?.[1];
  return (
    <Segmented
      aria-label={t('nav.reports')}
      vertical={stacked}
      block={stacked}
      value={current}
      onChange={(path) => navigate(String(path))}
      options={TABS.map(([key, path]) => ({ value: path, label: t(`report.tabs.${key}`) }))}
    />
  );
}

export function Downloads({ url }: { url: (format: string) => string }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
        <Button key={f} href={url(f)}>
          {t(`report.download.${f}`)}
        </Button>
      ))}
    </Space>
  );
}

type Group = { projects: number; plan_vnd: number; counterpart_vnd: number };

export function GroupTable({
  title,
  groups,
  name,
}: {
  title: string;
  groups: Record<string, Group>;
  name: (key: string) => string;
}) {
  const { t } = useI18n();
  const rows = Object.entries(groups).map(([key, g]) => ({ key, ...g }));
  return (
    <Card title={title}>
      <ResponsiveTable
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: title, dataIndex: 'key', render: (k: string) => name(k) },
          {
            title: t('report.projects'),
            dataIndex: 'projects',
            align: 'right',
            render: formatNumber,
          },
          { title: t('report.plan'), dataIndex: 'plan_vnd', align: 'right', render: formatVnd },
          {
            title: t('counterpart'),
            dataIndex: 'counterpart_vnd',
            align: 'right',
            render: formatVnd,
          },
        ]}
      />
    </Card>
  );
}

export function OutputsCard({
  outputs,
}: {
  outputs: Record<string, { planned: number; actual: number }>;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const indicators = byCode(useReference('indicators'));
  return (
    <Card title={t('exec.outputs')}>
      <ResponsiveTable
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={Object.entries(outputs).map(([key, o]) => ({ key, ...o }))}
        columns={[
          {
            title: t('indicator'),
            dataIndex: 'key',
            render: (k: string) => label(indicators.get(k), k),
          },
          { title: t('exec.expected'), dataIndex: 'planned', align: 'right', render: formatNumber },
          { title: t('exec.actual'), dataIndex: 'actual', align: 'right', render: formatNumber },
        ]}
      />
    </Card>
  );
}
