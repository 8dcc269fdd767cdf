// Execution of a program's plan: the completion computed from the records (contracted,
// accepted, disbursed; the completion rate, accepted / current plan), the outputs expected and
// achieved, the decisions whose contracts can be drafted, and what needs attention today.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { useProblemText } from '../../shared/problems';
import { ProvinceSelect } from '../../shared/filterSelects';
import { formatDate, formatNumber, formatVnd, formatVndShort } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { wideTable } from '../../shared/ResponsiveTable';
import type { AttentionItem } from '../../shared/types';
import { PROGRAMS_QUERY } from '../../shared/programs';

const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)} %`;

export function ExecutionPage() {
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const indicators = byCode(useReference('indicators'));
  const programs = useQuery(PROGRAMS_QUERY);
  const { state, set } = useUrlState({ program: '', province: '', officer: '' });
  const list = programs.data?.items ?? [];
  const program = state.program || list[0]?.code || '';
  const filter = { program, province: state.province || undefined };
  const completion = useQuery({
    queryKey: ['completion', filter],
    queryFn: () => api.completion(filter),
    enabled: !!program,
  });
  const watched = { ...filter, officer: state.officer || undefined };
  const attention = useQuery({
    queryKey: ['attention', watched],
    queryFn: () => api.attention(watched),
    enabled: !!program,
  });
  if (!can('read_execution')) return <NoAccess title={t('nav.execution')} />;
  const c = completion.data;
  const loading = completion.isLoading;
  const stat = (title: string, value: string) => (
    <Col xs={12} lg={6}>
      <Card>
        <Statistic loading={loading} title={title} value={value} />
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading title={t('nav.execution')} />
      <Space wrap>
        <Select
          style={{ width: 280 }}
          aria-label={t('program')}
          value={program || undefined}
          onChange={(v) => set({ program: v })}
          options={list.map((p) => ({ value: p.code, label: p.name }))}
        />
        <ProvinceSelect
          value={state.province || undefined}
          onChange={(v) => set({ province: v ?? '' })}
        />
      </Space>
      <Row gutter={[16, 16]}>
        {stat(t('contracted'), c ? `${c.projects.contracted}/${c.projects.planned}` : '-')}
        {stat(t('exec.completionRate'), c ? pct(c.completion_rate) : '-')}
        {stat(t('exec.disbursementRate'), c ? pct(c.disbursement_rate) : '-')}
        {stat(t('exec.acceptedFunds'), c ? formatVndShort(c.funds.accepted_vnd) : '-')}
        {stat(t('exec.released'), c ? formatVndShort(c.funds.released_vnd) : '-')}
      </Row>
      {can('manage_contracts') && <DraftContracts program={program} />}
      <Card title={t('exec.outputs')}>
        <Table
          size="small"
          rowKey="indicator"
          pagination={false}
          loading={loading}
          dataSource={c?.outputs ?? []}
          columns={[
            {
              title: t('indicator'),
              dataIndex: 'indicator',
              render: (k: string) => label(indicators.get(k), k),
            },
            {
              title: t('exec.expected'),
              dataIndex: 'expected',
              align: 'right',
              render: formatNumber,
            },
            { title: t('exec.actual'), dataIndex: 'actual', align: 'right', render: formatNumber },
          ]}
        />
      </Card>
      <Card
        title={t('exec.attention', {
          flagged: attention.data?.items.length ?? 0,
          running: attention.data?.running ?? 0,
        })}
        extra={
          <Space>
            <Switch
              size="small"
              checked={state.officer === 'me'}
              onChange={(on) => set({ officer: on ? 'me' : '' })}
              aria-label={t('exec.mine')}
            />
            <Typography.Text>{t('exec.mine')}</Typography.Text>
          </Space>
        }
      >
        <Table<AttentionItem>
          {...wideTable(attention.data?.items, 900)}
          size="small"
          rowKey="contract_id"
          loading={attention.isLoading}
          dataSource={attention.data?.items ?? []}
          locale={{
            emptyText: (
              <Typography.Text className="empty-text">{t('exec.nothingFlagged')}</Typography.Text>
            ),
          }}
          columns={[
            {
              title: t('code'),
              dataIndex: 'project_code',
              render: (code: string, r) => (
                <Link to={`/projects/${r.project_id}`} aria-label={`${code} ${r.project_title}`}>
                  {code}
                </Link>
              ),
            },
            { title: t('title'), dataIndex: 'project_title', ellipsis: true },
            { title: t('exec.contract'), dataIndex: 'contract_number' },
            { title: t('end'), dataIndex: 'end_on', render: formatDate },
            {
              title: t('exec.progress'),
              dataIndex: 'progress_pct',
              render: (v: number | null) => (v === null ? '—' : `${v} %`),
            },
            { title: t('exec.net'), dataIndex: 'net_paid_vnd', align: 'right', render: formatVnd },
            {
              title: t('exec.officer'),
              dataIndex: 'officer_name',
              render: (name: string) => name || t('exec.noOfficer'),
            },
            {
              title: t('exec.flags'),
              dataIndex: 'flags',
              render: (fs: string[]) => fs.map((f) => <Tag key={f}>{t(`exec.flag.${f}`)}</Tag>),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

// The program's decisions, each with a button drafting the contracts of the projects it funds.
function DraftContracts({ program }: { program: string }) {
  const { t } = useI18n();
  const problem = useProblemText();
  const client = useQueryClient();
  const decisions = useQuery({
    queryKey: ['decisions', program],
    queryFn: () => api.decisions(program),
    enabled: !!program,
  });
  const draft = useMutation({
    mutationFn: (id: number) => api.draftContracts(id),
    onSuccess: (r) => {
      message.success(t('exec.drafted', { n: r.created }));
      for (const key of ['completion', 'attention', 'projects'])
        client.invalidateQueries({ queryKey: [key] });
    },
    onError: (e) => message.error(problem(e)),
  });
  const items = decisions.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('exec.decisions')} size="small">
      <Space wrap>
        {items.map((d) => (
          <Button
            key={d.id}
            loading={draft.isPending && draft.variables === d.id}
            onClick={() => draft.mutate(d.id)}
          >
            {t('exec.draftFor', { number: d.number, date: formatDate(d.signed_on) })}
          </Button>
        ))}
      </Space>
    </Card>
  );
}
