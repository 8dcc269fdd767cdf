// Create and edit an organization or a facility, with the form patterns of every screen:
// required marks, server errors in the user's language at the field, a reason on edit, and
// a province user offered only its own province.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Space, message } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { FormFooter, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import type { Facility } from '../../shared/types';
import { PLACES, type PlaceKind } from './places';
import { PLACE_FIELDS, PlaceFields, placeBody, type Values } from './placeFields';

export function PlaceForm({ kind }: { kind: PlaceKind }) {
  const { id } = useParams();
  const editing = id !== undefined;
  const spec = PLACES[kind];
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = useQuery({
    queryKey: [kind, 'one', id],
    queryFn: () => spec.get(Number(id)),
    enabled: editing,
  });
  const server = useServerErrors(form, PLACE_FIELDS, () => existing.refetch());

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
    const { reason, ...place } = v;
    const body = placeBody(place);
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
        <PlaceFields kind={kind} />
        <FormFooter editing={editing} />
      </Form>
    </Space>
  );
}
