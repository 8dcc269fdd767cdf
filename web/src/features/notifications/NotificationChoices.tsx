// What the user receives: their e-mail address and, per kind, in the system and by e-mail.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Table, Typography, message } from 'antd';
import { useEffect } from 'react';
import { api } from '../../shared/api';
import { useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import type { NotificationSettings } from '../../shared/types';

type Choice = NotificationSettings['choices'][number];
const FIELDS = new Set(['email', 'choices']);

export function NotificationChoices() {
  const { t } = useI18n();
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['notification-settings'],
    queryFn: api.notificationSettings,
  });
  const [form] = Form.useForm<NotificationSettings>();
  const server = useServerErrors(form, FIELDS, undefined, new Set(['choices']));
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = async (v: NotificationSettings) => {
    try {
      const saved = await api.saveNotificationSettings({
        email: v.email ?? '',
        choices: form.getFieldValue('choices') as Choice[],
      });
      client.setQueryData(['notification-settings'], saved);
      server.clear();
      message.success(t('notify.saved'));
    } catch (e) {
      server.show(e);
    }
  };
  const box = (i: number, field: 'in_app' | 'email', label: string) => (
    <Form.Item name={['choices', i, field]} valuePropName="checked" noStyle>
      <Checkbox aria-label={label} />
    </Form.Item>
  );
  return (
    <Card title={<h2 className="card-title">{t('notify.settings')}</h2>}>
      <Typography.Paragraph type="secondary">{t('notify.settingsHelp')}</Typography.Paragraph>
      {server.alert}
      <Form<NotificationSettings>
        form={form}
        layout="vertical"
        onFinish={save}
        onValuesChange={server.onValuesChange}
        disabled={settings.isLoading}
      >
        <Form.Item name="email" label={t('notify.email')} style={{ maxWidth: 420 }}>
          <Input inputMode="email" autoComplete="email" placeholder="ten@example.vn" />
        </Form.Item>
        <Table<Choice>
          rowKey="kind"
          size="small"
          pagination={false}
          loading={settings.isLoading}
          dataSource={settings.data?.choices ?? []}
          columns={[
            {
              title: t('notify.kind'),
              dataIndex: 'kind',
              render: (k: string) => t(`notify.kind.${k}`),
            },
            {
              title: t('notify.inApp'),
              key: 'in_app',
              render: (_: unknown, c: Choice, i: number) =>
                box(i, 'in_app', `${t(`notify.kind.${c.kind}`)}: ${t('notify.inApp')}`),
            },
            {
              title: t('notify.byEmail'),
              key: 'email',
              render: (_: unknown, c: Choice, i: number) =>
                box(i, 'email', `${t(`notify.kind.${c.kind}`)}: ${t('notify.byEmail')}`),
            },
          ]}
        />
        <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
