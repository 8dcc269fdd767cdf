// One contract as the department and the unit follow it: parties, value, dates and the
// advance rule; the ledger (advanced, paid, recovered, net); the payments, the progress
// reports and the acceptance with its outputs; and the actions its status allows.
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { formatDate, formatVnd } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { OutputsTable } from '../../shared/OutputsTable';
import type {
  ContractChange,
  ContractView,
  MonitoringVisit,
  Payment,
  ProgressReport,
  ProjectOutput,
} from '../../shared/types';
import { ContractActions } from './ContractActions';

export const CONTRACT_COLORS: Record<string, string> = {
  draft: 'default',
  signed: '#0958d9',
  in_progress: '#7c3aed',
  accepted: '#135200',
  settled: '#135200',
  terminated: '#820014',
};

export function ContractStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={CONTRACT_COLORS[status]}>{t(`contract.${status}`)}</Tag>;
}

export function ContractCard({ c, outputs }: { c: ContractView; outputs: ProjectOutput[] }) {
  const { t } = useI18n();
  const a = c.acceptance;
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {`${t(`contract.level.${c.level}`)} ${c.number}`}
          <ContractStatus status={c.status} />
        </Space>
      }
      extra={<ContractActions c={c} outputs={outputs} />}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <a href={`/api/v1/contracts/${c.id}/document`}>{t('exec.contractPdf')}</a>
        <a href={`/api/v1/contracts/${c.id}/document?format=docx`}>{t('exec.contractDocx')}</a>
        {a && <a href={`/api/v1/contracts/${c.id}/acceptance-minutes`}>{t('exec.minutesPdf')}</a>}
        {c.status === 'settled' && (
          <a href={`/api/v1/contracts/${c.id}/settlement-minutes`}>{t('exec.settlementPdf')}</a>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('exec.partyA')}>{c.party_a}</Descriptions.Item>
        <Descriptions.Item label={t('exec.partyB')}>{c.party_b}</Descriptions.Item>
        <Descriptions.Item label={t('exec.value')}>{formatVnd(c.value_vnd)}</Descriptions.Item>
        <Descriptions.Item label={t('exec.period')}>
          {`${formatDate(c.start_on)} – ${formatDate(c.end_on)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('plan.signedOn')}>
          {c.signed_on ? formatDate(c.signed_on) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('exec.officer')}>
          {c.officer_name ?? t('exec.noOfficer')}
        </Descriptions.Item>
        <Descriptions.Item label={t('exec.advanceRule')}>
          {`${c.advance_pct} % (${c.advance_rule})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('exec.net')}>
          {`${formatVnd(c.ledger.net_vnd)} (${t('exec.kind.advance')} ${formatVnd(
            c.ledger.advanced_vnd,
          )}; ${t('exec.kind.payment')} ${formatVnd(c.ledger.paid_vnd)}; ${t(
            'exec.kind.recovery',
          )} ${formatVnd(c.ledger.recovered_vnd)})`}
        </Descriptions.Item>
        {c.status_reason && (
          <Descriptions.Item label={t('reason')}>{c.status_reason}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t('exec.reports')}</Typography.Title>
      <Table<ProgressReport>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.progress_reports}
        locale={{
          emptyText: (
            <Typography.Text className="empty-text">{t('exec.noReports')}</Typography.Text>
          ),
        }}
        columns={[
          { title: t('exec.periodEnd'), dataIndex: 'period_end', render: formatDate },
          { title: t('exec.progress'), dataIndex: 'progress_pct', render: (v) => `${v} %` },
          { title: t('exec.spent'), dataIndex: 'spent_vnd', align: 'right', render: formatVnd },
          { title: t('exec.problems'), dataIndex: 'problems' },
        ]}
      />
      <Typography.Title level={5}>{t('exec.payments')}</Typography.Title>
      <Table<Payment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.payments}
        locale={{
          emptyText: (
            <Typography.Text className="empty-text">{t('exec.noPayments')}</Typography.Text>
          ),
        }}
        columns={[
          { title: t('exec.paidOn'), dataIndex: 'paid_on', render: formatDate },
          { title: t('exec.kind'), dataIndex: 'kind', render: (k) => t(`exec.kind.${k}`) },
          { title: t('exec.amount'), dataIndex: 'amount_vnd', align: 'right', render: formatVnd },
          { title: t('exec.reference'), dataIndex: 'reference' },
        ]}
      />
      {c.changes.length > 0 && (
        <>
          <Typography.Title level={5}>{t('exec.changes')}</Typography.Title>
          <Table<ContractChange>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.changes}
            columns={[
              { title: t('exec.decisionDate'), dataIndex: 'decision_date', render: formatDate },
              { title: t('exec.decisionNumber'), dataIndex: 'decision_number' },
              {
                title: t('exec.changeKind'),
                dataIndex: 'kind',
                render: (k) => t(`exec.change.${k}`),
              },
              {
                title: t('exec.newEnd'),
                dataIndex: 'new_end_on',
                render: (v: string, r) => (v === r.old_end_on ? '—' : formatDate(v)),
              },
              {
                title: t('exec.amount'),
                dataIndex: 'amount_vnd',
                align: 'right',
                render: (v: number) => (v ? formatVnd(v) : '—'),
              },
              { title: t('reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      )}
      {c.visits.length > 0 && (
        <>
          <Typography.Title level={5}>{t('exec.visits')}</Typography.Title>
          <Table<MonitoringVisit>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.visits}
            columns={[
              { title: t('exec.visitedOn'), dataIndex: 'visited_on', render: formatDate },
              { title: t('exec.findings'), dataIndex: 'findings' },
              { title: t('exec.actions'), dataIndex: 'actions' },
              {
                title: t('exec.dueOn'),
                dataIndex: 'due_on',
                render: (v: string | null) => (v ? formatDate(v) : '—'),
              },
            ]}
          />
        </>
      )}
      {a && (
        <>
          <Typography.Title level={5}>
            {t('exec.acceptance', {
              number: a.number,
              date: formatDate(a.accepted_on),
              verdict: t(`exec.verdict.${a.verdict}`),
              amount: formatVnd(a.accepted_vnd),
            })}
          </Typography.Title>
          <OutputsTable
            title={t('exec.actualOutputs')}
            outputs={a.outputs.map((o) => ({ indicator: o.indicator, quantity: o.actual }))}
          />
        </>
      )}
    </Card>
  );
}
