// User administration (admin role): list, create, disable or enable, reset a password.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useI18n } from '../../shared/i18n';
import { useLabel, useReference } from '../../shared/reference';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import type { User } from '../../shared/types';

const ROLES = ['admin', 'ministry', 'department', 'appraiser', 'province', 'unit'];

export function UserAdmin() {
  const can = useCan();
  const { t } = useI18n();
  const label = useLabel();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: api.users });
  const provinces = useReference('provinces-2025');
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form);
  const reload = () => client.invalidateQueries({ queryKey: ['users'] });

  const create = async (v: Record<string, string>) => {
    try {
      const u = await api.createUser({
        login: v.login,
        display_name: v.display_name,
        role: v.role as User['role'],
        province: v.province ? { set: '2025', code: v.province } : null,
        organization_id: v.organization_id ? Number(v.organization_id) : null,
      });
      setNotice(`${u.login}: ${t('oneTimePassword')} ${u.one_time_password}`);
      setOpen(false);
      form.resetFields();
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(
        (e.problem.errors ?? []).map((fe) => ({
          name: fe.field.split('/')[0],
          errors: [fe.message],
        })),
      );
    }
  };
  const toggle = async (u: User) => {
    await api.updateUser(u.id, { ...u, disabled: !u.disabled });
    reload();
  };
  const reset = async (u: User) => {
    const r = await api.resetPassword(u.id);
    setNotice(`${u.login}: ${t('oneTimePassword')} ${r.one_time_password}`);
  };

  if (!can('manage_users')) return <NoAccess title={t('nav.users')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.users')}
        actions={
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('newUser')}
          </Button>
        }
      />
      {notice && <Alert type="success" title={notice} closable onClose={() => setNotice(null)} />}
      <ResponsiveTable<User>
        rowKey="id"
        size="small"
        dataSource={users.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('loginName'), dataIndex: 'login' },
          { title: t('name'), dataIndex: 'display_name' },
          { title: t('role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          {
            title: t('scope'),
            render: (_: unknown, u) =>
              u.province
                ? `${u.province.set}:${u.province.code}`
                : u.organization_id
                  ? `#${u.organization_id}`
                  : '',
          },
          {
            title: t('status'),
            render: (_: unknown, u) => (
              <Space>
                {u.disabled && <Tag color="#a8071a">{t('disabled')}</Tag>}
                {u.demo_password && <Tag color="#ad4e00">{t('demoPassword')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_: unknown, u) => (
              <Space>
                <Button size="small" onClick={() => toggle(u)}>
                  {u.disabled ? t('enable') : t('disable')}
                </Button>
                <Button size="small" onClick={() => reset(u)}>
                  {t('resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('newUser')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="login" label={t('loginName')}>
            <Input />
          </Form.Item>
          <Form.Item name="display_name" label={t('name')}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('role')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          {role === 'province' && (
            <Form.Item name="province" label={t('province')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
              />
            </Form.Item>
          )}
          {role === 'unit' && (
            <Form.Item name="organization_id" label={t('implementingOrg')}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
