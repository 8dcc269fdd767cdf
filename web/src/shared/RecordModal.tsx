// One dialog for a record made by a form (execution's signature, progress report, payment,
// acceptance, settlement, termination; a council's round conclusion): server errors land on
// the fields they name, and success refreshes what the record changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useServerErrors } from './forms';
import { useI18n } from './i18n';

type Values = Record<string, unknown>;

/** Turns date pickers' values into ISO dates, leaving everything else as typed. */
function plain(v: Values): Values {
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) {
    const d = x as { format?: (f: string) => string } | undefined;
    out[k] =
      d && typeof d === 'object' && typeof d.format === 'function' ? d.format('YYYY-MM-DD') : x;
  }
  return out;
}

export function RecordModal({
  button,
  title,
  fields,
  initial,
  submit,
  danger,
  children,
}: {
  button: string;
  title: string;
  fields: string[];
  initial?: Values;
  submit: (values: Values) => Promise<unknown>;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const server = useServerErrors(form, new Set(fields));
  const run = useMutation({
    mutationFn: (v: Values) => submit(plain(v)),
    onSuccess: () => {
      for (const key of [
        'projects',
        'completion',
        'attention',
        'contracts',
        'round-conclusion',
        'fairs',
        'petitions',
        'clusters',
        'cluster-reports',
        'chains',
        'selection',
      ])
        client.invalidateQueries({ queryKey: [key] });
      form.resetFields();
      setOpen(false);
    },
    onError: server.show,
  });
  return (
    <>
      <Button size="small" danger={danger} onClick={() => setOpen(true)}>
        {button}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={button}
        okButtonProps={{ danger }}
        cancelText={t('close')}
        confirmLoading={run.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {server.alert}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => run.mutate(v)}
          onValuesChange={server.onValuesChange}
        >
          {children}
        </Form>
      </Modal>
    </>
  );
}
