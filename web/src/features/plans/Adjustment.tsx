// An adjustment decision (the ministry): each listed project's amount after it — 0 takes a
// project out of the plan, a passed proposal enters it — with the decision's number, date,
// signer and reason. The server checks everything in one transaction; its errors land on
// the row and field they name.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { AmountRows } from '../../shared/AmountRows';
import { formatVnd } from '../../shared/format';
import { DateInput, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';

const FIELDS = new Set(['number', 'signed_on', 'signer', 'reason', 'items']);
const LISTS = new Set(['items']);

type Values = {
  number: string;
  signer: string;
  reason: string;
  signed_on: { format: (f: string) => string };
  items: { code: string; amount_vnd: number }[];
};

export function AdjustButton({ program }: { program: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const server = useServerErrors(form, FIELDS, undefined, LISTS);
  const adjust = useMutation({
    mutationFn: (v: Values) =>
      api.adjustPlan({
        program,
        number: v.number,
        signer: v.signer,
        reason: v.reason,
        signed_on: v.signed_on.format('YYYY-MM-DD'),
        items: v.items,
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['decisions'] });
      client.invalidateQueries({ queryKey: ['projects'] });
      client.invalidateQueries({ queryKey: ['released'] });
      form.resetFields();
      setOpen(false);
    },
    onError: server.show,
  });
  const required = [{ required: true, message: t('form.required') }];
  // Funds that ended contracts left unused: offered as rows lowering those projects.
  const released = useQuery({
    queryKey: ['released', program],
    queryFn: () => api.releasedFunds(program),
    enabled: open,
  });
  const offer = released.data?.items ?? [];
  const addReleased = () => {
    const rows = ((form.getFieldValue('items') ?? []) as Values['items']).filter((r) => r?.code);
    const listed = new Set(rows.map((r) => r.code));
    form.setFieldsValue({
      items: [
        ...rows,
        ...offer
          .filter((r) => !listed.has(r.code))
          .map((r) => ({ code: r.code, amount_vnd: r.used_vnd })),
      ],
    });
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('plan.adjust')}
      </Button>
      <Modal
        open={open}
        width={640}
        title={t('plan.adjustTitle', { program })}
        okText={t('plan.adjustSubmit')}
        cancelText={t('close')}
        confirmLoading={adjust.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        {server.alert}
        {offer.length > 0 && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={t('exec.releasedTitle', { amount: formatVnd(released.data?.total_vnd ?? 0) })}
            description={
              <>
                <Typography.Paragraph>{t('exec.releasedHelp')}</Typography.Paragraph>
                <ul>
                  {offer.map((r) => (
                    <li key={r.contract_id}>
                      {t('exec.releasedLine', {
                        code: r.code,
                        contract: r.contract_number,
                        plan: formatVnd(r.plan_vnd),
                        used: formatVnd(r.used_vnd),
                      })}
                    </li>
                  ))}
                </ul>
                <Button size="small" onClick={addReleased}>
                  {t('exec.releasedAdd')}
                </Button>
              </>
            }
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ items: [{}] }}
          onFinish={(v) => adjust.mutate(v)}
          onValuesChange={server.onValuesChange}
        >
          <Space wrap>
            <Form.Item name="number" label={t('plan.decisionNumber')} rules={required}>
              <Input placeholder="123/QĐ-BCT" />
            </Form.Item>
            <Form.Item name="signed_on" label={t('plan.signedOn')} rules={required}>
              <DateInput />
            </Form.Item>
            <Form.Item name="signer" label={t('plan.signer')} rules={required}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label={t('plan.adjustReason')} rules={required}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <AmountRows
            keyField="code"
            keyLabel={t('code')}
            renderKey={(i) => (
              <Input placeholder="KCQG-2019-001" aria-label={`${t('code')} ${i + 1}`} />
            )}
            amountLabel={t('plan.newAmount')}
          />
        </Form>
      </Modal>
    </>
  );
}
