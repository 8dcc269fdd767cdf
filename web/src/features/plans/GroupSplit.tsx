// A group project's amount split among its beneficiary facilities: the latest letter, and for
// whoever builds plans a dialog to record a new one (number, date, each facility's amount). The
// server checks that the amounts add up to the project's amount; its errors land on the row
// and field they name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { FacilitySelect } from '../../shared/FacilitySelect';
import { formatDate, formatVnd } from '../../shared/format';
import { AmountRows } from '../../shared/AmountRows';
import { DateInput, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import type { GroupSplit as Letter } from '../../shared/types';

const FIELDS = new Set(['number', 'signed_on', 'items']);
const LISTS = new Set(['items']);

type Values = {
  number: string;
  signed_on: { format: (f: string) => string };
  items: { facility_id: number; amount_vnd: number }[];
};

export function GroupSplit({
  projectId,
  amount,
  letters,
}: {
  projectId: number;
  amount: number;
  letters: Letter[];
}) {
  const { t } = useI18n();
  const can = useCan();
  const last = letters.at(-1);
  return (
    <Card
      size="small"
      title={t('split.title')}
      extra={
        can('build_plans') && <SplitButton projectId={projectId} amount={amount} last={last} />
      }
    >
      {last ? (
        <>
          <Typography.Paragraph>
            {t('split.letter', { number: last.number, date: formatDate(last.signed_on) })}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="facility_id"
            pagination={false}
            dataSource={last.items}
            columns={[
              { title: t('split.facility'), dataIndex: 'facility_name' },
              {
                title: t('plan.amount'),
                dataIndex: 'amount_vnd',
                align: 'right',
                render: formatVnd,
              },
            ]}
          />
        </>
      ) : (
        <Typography.Text className="empty-text">{t('split.none')}</Typography.Text>
      )}
    </Card>
  );
}

function SplitButton({
  projectId,
  amount,
  last,
}: {
  projectId: number;
  amount: number;
  last: Letter | undefined;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const server = useServerErrors(form, FIELDS, undefined, LISTS);
  const known = (last?.items ?? []).map((i) => ({ id: i.facility_id, name: i.facility_name }));
  const split = useMutation({
    mutationFn: (v: Values) =>
      api.splitGroup(projectId, {
        number: v.number,
        signed_on: v.signed_on.format('YYYY-MM-DD'),
        items: v.items,
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['projects', projectId] });
      form.resetFields();
      setOpen(false);
    },
    onError: server.show,
  });
  const required = [{ required: true, message: t('form.required') }];
  const items = Form.useWatch('items', form) ?? [];
  const total = items.reduce((a, i) => a + (Number(i?.amount_vnd) || 0), 0);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('split.new')}
      </Button>
      <Modal
        open={open}
        width={680}
        title={t('split.newTitle', { amount: formatVnd(amount) })}
        okText={t('split.submit')}
        cancelText={t('close')}
        confirmLoading={split.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        {server.alert}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            items: last
              ? last.items.map((i) => ({ facility_id: i.facility_id, amount_vnd: i.amount_vnd }))
              : [{}],
          }}
          onFinish={(v) => split.mutate(v)}
          onValuesChange={server.onValuesChange}
        >
          <Space wrap>
            <Form.Item name="number" label={t('split.number')} rules={required}>
              <Input placeholder="125/CTĐP-KC" />
            </Form.Item>
            <Form.Item name="signed_on" label={t('plan.signedOn')} rules={required}>
              <DateInput />
            </Form.Item>
          </Space>
          <AmountRows
            keyField="facility_id"
            keyLabel={t('split.facility')}
            renderKey={(i) => (
              <FacilitySelect known={known} aria-label={`${t('split.facility')} ${i + 1}`} />
            )}
            amountLabel={t('plan.amount')}
            footer={
              <Typography.Text type={total === amount ? 'success' : 'warning'}>
                {t('split.sum', { sum: formatVnd(total), amount: formatVnd(amount) })}
              </Typography.Text>
            }
          />
        </Form>
      </Modal>
    </>
  );
}
