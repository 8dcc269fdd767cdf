// What can be done to a contract, offered only to whoever the server would let do it, in the
// contract's current status: sign, file a progress report, record a payment, accept, settle,
// terminate.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { api } from '../../shared/api';
import { DateInput, MoneyInput, useMoneyRules } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import { useSession } from '../../shared/session';
import { byCode, useLabel, useReference } from '../../shared/reference';
import type { ContractView, ProjectOutput } from '../../shared/types';
import { RecordModal } from '../../shared/RecordModal';

export function ContractActions({ c, outputs }: { c: ContractView; outputs: ProjectOutput[] }) {
  const { t } = useI18n();
  const can = useCan();
  const me = useSession().session?.user.id;
  const client = useQueryClient();
  const follow = useMutation({
    mutationFn: (officer: number) =>
      api.assignOfficer(c.id, { version: c.version, officer_id: officer }),
    onSuccess: () => {
      for (const key of ['projects', 'attention', 'contracts'])
        client.invalidateQueries({ queryKey: [key] });
    },
  });
  const label = useLabel();
  const indicators = byCode(useReference('indicators'));
  const manage = can('manage_contracts');
  const required = [{ required: true, message: t('form.required') }];
  const money = useMoneyRules(true);
  const running = c.status === 'signed' || c.status === 'in_progress';
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <DateInput />
    </Form.Item>
  );
  const followable =
    c.level === 'implementation' && c.status !== 'settled' && c.status !== 'terminated';
  return (
    <Space wrap>
      {manage && followable && me !== undefined && c.officer_id !== me && (
        <Button loading={follow.isPending} onClick={() => follow.mutate(me)}>
          {t('exec.follow')}
        </Button>
      )}
      {manage && c.status === 'draft' && (
        <RecordModal
          button={t('exec.sign')}
          title={t('exec.signTitle', { number: c.number })}
          fields={['signed_on', 'number']}
          initial={{ number: c.number }}
          submit={(v) => api.contractAction(c.id, 'sign', { ...v, version: c.version })}
        >
          <Form.Item name="number" label={t('exec.number')} rules={required}>
            <Input />
          </Form.Item>
          {date('signed_on', t('plan.signedOn'))}
        </RecordModal>
      )}
      {can('report_progress') && running && (
        <RecordModal
          button={t('exec.report')}
          title={t('exec.reportTitle', { number: c.number })}
          fields={['period_end', 'progress_pct', 'spent_vnd', 'problems']}
          submit={(v) => api.fileReport({ ...v, contract_id: c.id })}
        >
          {date('period_end', t('exec.periodEnd'))}
          <Form.Item name="progress_pct" label={t('exec.progress')} rules={required}>
            <InputNumber min={0} max={100} suffix="%" />
          </Form.Item>
          <Form.Item name="spent_vnd" label={t('exec.spent')} rules={money}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="problems" label={t('exec.problems')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </RecordModal>
      )}
      {manage && (running || c.status === 'accepted') && (
        <RecordModal
          button={t('exec.pay')}
          title={t('exec.payTitle', { number: c.number })}
          fields={['kind', 'amount_vnd', 'paid_on', 'reference']}
          initial={{ kind: c.payments.length === 0 ? 'advance' : 'payment' }}
          submit={(v) => api.recordPayment({ ...v, contract_id: c.id })}
        >
          <Form.Item name="kind" label={t('exec.kind')} rules={required}>
            <Select
              options={['advance', 'payment', 'recovery'].map((k) => ({
                value: k,
                label: t(`exec.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="amount_vnd" label={t('exec.amount')} rules={money}>
            <MoneyInput />
          </Form.Item>
          {date('paid_on', t('exec.paidOn'))}
          <Form.Item name="reference" label={t('exec.reference')}>
            <Input />
          </Form.Item>
        </RecordModal>
      )}
      {manage && running && (
        <RecordModal
          button={t('exec.change')}
          title={t('exec.changeTitle', { number: c.number })}
          fields={['kind', 'reason', 'decision_number', 'decision_date', 'end_on']}
          initial={{ kind: 'extension' }}
          submit={(v) => api.changeContract(c.id, { ...v, version: c.version })}
        >
          <Form.Item name="kind" label={t('exec.changeKind')} rules={required}>
            <Select
              options={['extension', 'content', 'beneficiaries', 'carry_over'].map((k) => ({
                value: k,
                label: t(`exec.change.${k}`),
              }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="decision_number" label={t('exec.decisionNumber')} rules={required}>
              <Input />
            </Form.Item>
            {date('decision_date', t('exec.decisionDate'))}
          </Space>
          <Form.Item name="end_on" label={t('exec.newEnd')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="reason" label={t('reason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </RecordModal>
      )}
      {manage && running && (
        <RecordModal
          button={t('exec.visit')}
          title={t('exec.visitTitle', { number: c.number })}
          fields={['visited_on', 'findings', 'actions', 'due_on']}
          submit={(v) => api.recordVisit(c.id, v)}
        >
          {date('visited_on', t('exec.visitedOn'))}
          <Form.Item name="findings" label={t('exec.findings')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="actions" label={t('exec.actions')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="due_on" label={t('exec.dueOn')}>
            <DateInput />
          </Form.Item>
        </RecordModal>
      )}
      {manage && c.status === 'in_progress' && (
        <RecordModal
          button={t('exec.accept')}
          title={t('exec.acceptTitle', { number: c.number })}
          fields={['number', 'accepted_on', 'verdict', 'accepted_vnd', 'conclusion', 'outputs']}
          initial={{
            verdict: 'passed',
            accepted_vnd: c.value_vnd,
            ...Object.fromEntries(outputs.map((o) => [`out.${o.indicator}`, o.quantity])),
          }}
          submit={(v) =>
            api.accept({
              contract_id: c.id,
              number: v.number,
              accepted_on: v.accepted_on,
              verdict: v.verdict,
              accepted_vnd: v.accepted_vnd,
              conclusion: v.conclusion ?? '',
              outputs: outputs.map((o) => ({
                indicator: o.indicator,
                actual: Number(v[`out.${o.indicator}`] ?? 0),
              })),
            })
          }
        >
          <Space wrap>
            <Form.Item name="number" label={t('exec.minutes')} rules={required}>
              <Input placeholder="12/BB-NT" />
            </Form.Item>
            {date('accepted_on', t('exec.acceptedOn'))}
          </Space>
          <Form.Item name="verdict" label={t('exec.verdict')} rules={required}>
            <Select
              options={['passed', 'conditional', 'failed'].map((k) => ({
                value: k,
                label: t(`exec.verdict.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="accepted_vnd" label={t('exec.acceptedAmount')} rules={money}>
            <MoneyInput />
          </Form.Item>
          {outputs.map((o) => (
            <Form.Item
              key={o.indicator}
              name={`out.${o.indicator}`}
              label={`${label(indicators.get(o.indicator), o.indicator)} (${t('exec.expected')}: ${o.quantity})`}
            >
              <InputNumber min={0} />
            </Form.Item>
          ))}
          <Form.Item name="conclusion" label={t('exec.conclusion')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </RecordModal>
      )}
      {manage && c.status === 'accepted' && (
        <RecordModal
          button={t('exec.settle')}
          title={t('exec.settleTitle', { number: c.number })}
          fields={['settled_on', 'counterpart_paid_vnd']}
          initial={{ counterpart_paid_vnd: c.counterpart_vnd }}
          submit={(v) => api.contractAction(c.id, 'settle', { ...v, version: c.version })}
        >
          {date('settled_on', t('exec.settledOn'))}
          <Form.Item name="counterpart_paid_vnd" label={t('exec.counterpartPaid')} rules={money}>
            <MoneyInput />
          </Form.Item>
        </RecordModal>
      )}
      {manage && (running || c.status === 'draft') && (
        <RecordModal
          danger
          button={t('exec.terminate')}
          title={t('exec.terminateTitle', { number: c.number })}
          fields={['reason']}
          submit={(v) => api.contractAction(c.id, 'terminate', { ...v, version: c.version })}
        >
          <Form.Item name="reason" label={t('reason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </RecordModal>
      )}
    </Space>
  );
}
