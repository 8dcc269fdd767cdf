import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { usePageTitle } from '../../shared/title';
import { useSession } from '../../shared/session';

export function LoginPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('login'));
  const submit = async (v: { login: string; password: string }) => {
    setError(null);
    try {
      await api.login(v.login, v.password);
      await refresh();
    } catch (e) {
      const status = e instanceof ApiError ? e.problem.status : -1;
      setError(
        status === 429 ? t('tooManyAttempts') : status === 0 ? t('problem.network') : t('badLogin'),
      );
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} className="page-title">
          {t('app')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('loginHint')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="login" label={t('loginName')} rules={[{ required: true }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('login')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
