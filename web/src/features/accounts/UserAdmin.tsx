// User administration (admin role): list, create, edit (name, role, scope), disable or enable,
// reset a password. Scopes read as names: the province, or the implementing unit chosen by
// typing its name.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../shared/api';
import { FacilitySelect } from '../../shared/FacilitySelect';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useI18n } from '../../shared/i18n';
import { fieldMessage } from '../../shared/messages';
import { useProblemText } from '../../shared/problems';
import { byCode, useLabel, useReference } from '../../shared/reference';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import type { User } from '../../shared/types';

const ROLES = ['admin', 'ministry', 'department', 'appraiser', 'province', 'unit'];

type Values = {
  login?: string;
  display_name: string;
  role: User['role'];
  province?: string;
  organization_id?: number;
};

export function UserAdmin() {
  const can = useCan();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const label = useLabel();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, enabled: can('manage_users') });
  const provinces = useReference('provinces-2025');
  const provinces2008 = byCode(useReference('provinces-2008'));
  const named2025 = byCode(provinces);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const reload = () => client.invalidateQueries({ queryKey: ['users'] });
  // The units' names, for the scope column and the form.
  const orgIds = [...new Set((users.data?.items ?? []).map((u) => u.organization_id))].filter(
    (id): id is number => !!id,
  );
  const orgs = useQueries({
    queries: orgIds.map((id) => ({
      queryKey: ['organization', id],
      queryFn: () => api.organization(id),
    })),
  });
  const orgName = new Map(orgs.flatMap((q) => (q.data ? [[q.data.id, q.data.name]] : [])));

  // A user's province as a 2025 code (a 2008 one through what it merged into).
  const province2025 = (u: User) =>
    !u.province
      ? undefined
      : u.province.set === '2025'
        ? u.province.code
        : String(provinces2008.get(u.province.code)?.code_2025 ?? '');
  const scopeOf = (u: User) => {
    if (u.province) {
      const row = (u.province.set === '2025' ? named2025 : provinces2008).get(u.province.code);
      return row ? label(row) : u.province.code;
    }
    if (u.organization_id) return orgName.get(u.organization_id) ?? '…';
    return '';
  };

  const start = (u: User | null) => {
    setEditing(u);
    form.resetFields();
    if (u)
      form.setFieldsValue({
        display_name: u.display_name,
        role: u.role,
        province: province2025(u),
        organization_id: u.organization_id ?? undefined,
      });
    setOpen(true);
  };
  const save = async (v: Values) => {
    const scope = {
      province:
        v.role === 'province' && v.province ? { set: '2025' as const, code: v.province } : null,
      organization_id: v.role === 'unit' && v.organization_id ? v.organization_id : null,
    };
    try {
      if (editing) {
        await api.updateUser(editing.id, {
          ...editing,
          display_name: v.display_name,
          role: v.role,
          ...scope,
        });
      } else {
        const u = await api.createUser({
          login: v.login ?? '',
          display_name: v.display_name,
          role: v.role,
          ...scope,
        });
        setNotice(`${u.login}: ${t('oneTimePassword')} ${u.one_time_password}`);
      }
      setOpen(false);
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.problem.errors ?? [];
      // A refusal of no field (a conflict, the line down) is said in a message.
      if (fields.length === 0) void message.error(problemText(e));
      form.setFields(
        fields.map((fe) => ({
          name: fe.field.split('/')[0] as keyof Values,
          errors: [fieldMessage(fe, lang)],
        })),
      );
    }
  };
  // Runs a row's action; its failure is said in a message.
  const act = (action: () => Promise<void>) =>
    action().catch((e: unknown) => void message.error(problemText(e)));
  const toggle = (u: User) =>
    act(async () => {
      await api.updateUser(u.id, { ...u, disabled: !u.disabled });
      reload();
    });
  const reset = (u: User) =>
    act(async () => {
      const r = await api.resetPassword(u.id);
      setNotice(`${u.login}: ${t('oneTimePassword')} ${r.one_time_password}`);
    });

  if (!can('manage_users')) return <NoAccess title={t('nav.users')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.users')}
        actions={
          <Button type="primary" onClick={() => start(null)}>
            {t('newUser')}
          </Button>
        }
      />
      {notice && <Alert type="success" title={notice} closable onClose={() => setNotice(null)} />}
      <ResponsiveTable<User>
        rowKey="id"
        size="small"
        loading={users.isLoading}
        dataSource={users.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('loginName'), dataIndex: 'login' },
          { title: t('name'), dataIndex: 'display_name' },
          { title: t('role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          { title: t('scope'), render: (_: unknown, u) => scopeOf(u) },
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
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => start(u)}
                  aria-label={`${t('edit')} ${u.login}`}
                >
                  {t('edit')}
                </Button>
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
        title={editing ? `${t('editUser')} ${editing.login}` : t('newUser')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('save')}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={save}>
          {!editing && (
            <Form.Item name="login" label={t('loginName')}>
              <Input />
            </Form.Item>
          )}
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
              <FacilitySelect
                kind="organizations"
                aria-label={t('implementingOrg')}
                known={
                  editing?.organization_id
                    ? [
                        {
                          id: editing.organization_id,
                          name: orgName.get(editing.organization_id) ?? '',
                        },
                      ]
                    : []
                }
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
