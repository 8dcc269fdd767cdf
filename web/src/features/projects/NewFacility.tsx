// Registering a beneficiary facility on the way, from the proposal's form: the place form's
// fields in a dialog; the new facility joins the proposal's beneficiaries. Offered to whoever
// may write the register (a province, in its own province).
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import type { Facility } from '../../shared/types';
import { PLACE_FIELDS, PlaceFields, placeBody, type Values } from '../register/placeFields';

export function NewFacility({ onCreated }: { onCreated: (f: Facility) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form, PLACE_FIELDS);
  const create = useMutation({
    mutationFn: (v: Values) => api.createFacility(placeBody(v) as Partial<Facility>),
    onSuccess: (f) => {
      client.invalidateQueries({ queryKey: ['facilities'] });
      onCreated(f);
      setOpen(false);
    },
    onError: server.show,
  });
  if (!can('write_places')) return null;
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('facility.registerNew')}
      </Button>
      <Modal
        open={open}
        title={t('newFacility')}
        okText={t('save')}
        cancelText={t('cancel')}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        width={760}
        destroyOnHidden
      >
        {server.alert}
        <Form<Values>
          form={form}
          name="new-facility"
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          onValuesChange={server.onValuesChange}
          initialValues={{ province_set: '2025' }}
        >
          <PlaceFields kind="facilities" />
        </Form>
      </Modal>
    </>
  );
}
