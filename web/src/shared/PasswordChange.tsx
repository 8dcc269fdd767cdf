// Changing one's own password, from the header. Every session ends with it, so the login page
// follows.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from './api';
import { useServerErrors } from './forms';
import { useI18n } from './i18n';
import { useSession } from './session';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

const FIELDS = new Set(['current_password', 'new_password']);

export function PasswordChange() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form, FIELDS);
  const submit = async (v: Values) => {
    try {
      await api.changePassword(v.current_password, v.new_password);
      setOpen(false);
      await refresh();
    } catch (e) {
      server.show(e);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('changePassword')}</Button>
      <Modal
        open={open}
        title={t('changePassword')}
        okText={t('save')}
        cancelText={t('close')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {server.alert}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={server.onValuesChange}
        >
          <Form.Item
            name="current_password"
            label={t('currentPassword')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="new_password"
            label={t('newPassword')}
            rules={[{ required: true, min: 10, message: t('passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('confirmPassword')}
            dependencies={['new_password']}
            rules={[
              { required: true, message: t('form.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('new_password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
