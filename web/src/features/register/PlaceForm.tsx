// Create and edit an organization or a facility, with the form patterns of every screen:
// required marks, server errors in the user's language at the field, a reason on edit, and
// a province user offered only its own province.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, InputNumber, Select, Space, message } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { FormFooter, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { searchWithoutDiacritics } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useLabel, useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import type { Facility } from '../../shared/types';
import { PLACES, type PlaceKind } from './places';

type Values = Omit<Partial<Facility>, 'province'> & {
  province_set: '2008' | '2025';
  province_code: string;
  reason?: string;
};

const FIELDS = new Set([
  'name',
  'kind',
  'province',
  'address',
  'tax_code',
  'commune',
  'industry',
  'employees',
]);

export function PlaceForm({ kind }: { kind: PlaceKind }) {
  const { id } = useParams();
  const editing = id !== undefined;
  const spec = PLACES[kind];
  const { t } = useI18n();
  const can = useCan();
  const label = useLabel();
  const { session } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = useQuery({
    queryKey: [kind, 'one', id],
    queryFn: () => spec.get(Number(id)),
    enabled: editing,
  });
  const set = Form.useWatch('province_set', form) ?? '2025';
  const own = session?.scope_province_2025;
  const provinces = useReference(`provinces-${set}`).filter(
    (p) => !own || String(set === '2025' ? p.code : p.code_2025) === own,
  );
  const server = useServerErrors(form, FIELDS, () => existing.refetch());
  const required = [{ required: true, message: t('form.required') }];

  useEffect(() => {
    const p = existing.data;
    if (p)
      form.setFieldsValue({
        ...(p as Partial<Facility>),
        province_set: p.province.set as '2008' | '2025',
        province_code: p.province.code,
      });
  }, [existing.data, form]);

  if (!can('write_places')) return <NoAccess title={t(spec.title)} />;

  const submit = async (v: Values) => {
    server.clear();
    const { province_set, province_code, reason, ...rest } = v;
    const body = { ...rest, province: { set: province_set, code: province_code } };
    try {
      const saved = editing
        ? await spec.update(Number(id), {
            ...body,
            version: existing.data!.version,
            ...(reason?.trim() ? { reason: reason.trim() } : {}),
          })
        : await spec.create(body);
      client.invalidateQueries({ queryKey: [kind] });
      client.invalidateQueries({ queryKey: [`${kind}-list`] });
      message.success(t('saved'));
      navigate(`/${kind}/${saved.id}`);
    } catch (e) {
      server.show(e);
    }
  };

  const title = editing
    ? `${t('edit')} ${existing.data?.name ?? ''}`
    : t(kind === 'organizations' ? 'newOrganization' : 'newFacility');
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 800 }}>
      <PageHeading title={title} />
      {server.alert}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={server.onValuesChange}
        initialValues={{ province_set: '2025' }}
      >
        <Form.Item name="name" label={t('name')} rules={required}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('kind')} rules={required}>
            <Select
              style={{ width: 280 }}
              options={spec.kinds.map((k) => ({ value: k, label: t(`${spec.kindWord}.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="province_set" label={t('provinceSet')}>
            <Select
              style={{ width: 230 }}
              onChange={() => form.setFieldValue('province_code', undefined)}
              options={[
                { value: '2025', label: t('set2025') },
                { value: '2008', label: t('set2008') },
              ]}
            />
          </Form.Item>
          <Form.Item name="province_code" label={t('province')} rules={required}>
            <Select
              style={{ width: 220 }}
              options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
              {...searchWithoutDiacritics}
            />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('address')}>
          <Input />
        </Form.Item>
        <Form.Item name="tax_code" label={t('taxCode')}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        {kind === 'facilities' && (
          <>
            <Space wrap>
              <Form.Item name="commune" label={t('commune')}>
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="industry" label={t('industry')}>
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="employees" label={t('employees')}>
                <InputNumber min={0} precision={0} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="craft_village" valuePropName="checked">
                <Checkbox>{t('craftVillage')}</Checkbox>
              </Form.Item>
              <Form.Item name="women_owned" valuePropName="checked">
                <Checkbox>{t('womenOwned')}</Checkbox>
              </Form.Item>
              <Form.Item name="ethnic_minority_workers" valuePropName="checked">
                <Checkbox>{t('ethnicWorkers')}</Checkbox>
              </Form.Item>
            </Space>
          </>
        )}
        <FormFooter editing={editing} />
      </Form>
    </Space>
  );
}
