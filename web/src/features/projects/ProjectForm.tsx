// Create and edit a project. The server validates; its field errors are shown, in the user's
// language, at the field they name ("provinces/0/code" is shown at "provinces"). A province or
// unit is offered only its own province; the status moves through workflow actions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import {
  DateInput,
  FormFooter,
  MoneyInput,
  useMoneyRules,
  useServerErrors,
} from '../../shared/forms';
import { COMPUTED_FLAGS, DECLARED_FLAGS, KINDS, useI18n } from '../../shared/i18n';
import { PageHeading } from '../../shared/page';
import { FacilityPicker } from './FacilityPicker';
import { useSession } from '../../shared/session';
import { useLabel, useReference } from '../../shared/reference';
import type { Project, ProjectOutput } from '../../shared/types';
import { PROGRAMS_QUERY } from '../../shared/programs';

interface FormValues {
  code: string;
  title: string;
  year: number;
  program_id: number;
  content_code: string;
  kind: string;
  province_set: '2008' | '2025';
  provinces: string[];
  implementing_org_id: number;
  requested_vnd: number;
  counterpart_vnd: number;
  start: Dayjs;
  end: Dayjs;
  priority_flags: string[];
  outputs: ProjectOutput[];
  beneficiary_ids: number[];
  reason?: string;
}

const FORM_FIELDS = new Set([
  'code',
  'title',
  'year',
  'program_id',
  'content_code',
  'kind',
  'provinces',
  'implementing_org_id',
  'requested_vnd',
  'counterpart_vnd',
  'start',
  'end',
  'status',
  'priority_flags',
  'outputs',
  'beneficiary_ids',
]);

export function ProjectForm() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const { session } = useSession();
  const existing = useQuery({
    queryKey: ['project', id],
    queryFn: () => api.project(Number(id)),
    enabled: editing,
  });
  const programs = useQuery(PROGRAMS_QUERY);
  const orgs = useQuery({
    queryKey: ['organizations', 'all'],
    queryFn: () => api.organizations({ page_size: 200, sort: 'name' }),
  });
  const contents = useReference('contents');
  const indicators = useReference('indicators');
  const set = Form.useWatch('province_set', form) ?? '2025';
  const allProvinces = useReference(`provinces-${set}`);
  // A province or unit is offered only its own province (in the 2008 set: the old provinces
  // that now lie in it).
  const own = session?.scope_province_2025;
  const provinces = own
    ? allProvinces.filter((p) => String(set === '2025' ? p.code : p.code_2025) === own)
    : allProvinces;
  const server = useServerErrors(form, FORM_FIELDS, () => existing.refetch());
  const required = [{ required: true, message: t('form.required') }];
  const moneyRules = useMoneyRules(true);
  // Itemized in the dossier: the amounts are the items' sums, changed only there.
  const fromDossier = !!existing.data?.amounts_from_dossier;

  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    form.setFieldsValue({
      ...p,
      province_set: p.provinces[0]?.set ?? '2025',
      provinces: p.provinces.map((x) => x.code),
      start: dayjs(p.start),
      end: dayjs(p.end),
      priority_flags: (p.priority_flags ?? []).filter((f) => DECLARED_FLAGS.includes(f)),
      outputs: p.outputs ?? [],
      beneficiary_ids: p.beneficiary_ids ?? [],
    });
  }, [existing.data, form]);

  const submit = async (v: FormValues) => {
    server.clear();
    const body: Partial<Project> = {
      code: v.code,
      title: v.title,
      year: v.year,
      program_id: v.program_id,
      content_code: v.content_code,
      kind: v.kind as Project['kind'],
      provinces: (v.provinces ?? []).map((code) => ({ set: v.province_set, code })),
      implementing_org_id: v.implementing_org_id,
      requested_vnd: Number(v.requested_vnd ?? 0),
      counterpart_vnd: Number(v.counterpart_vnd ?? 0),
      start: v.start?.format('YYYY-MM-DD'),
      end: v.end?.format('YYYY-MM-DD'),
      // A new proposal is a draft; later statuses come only from workflow actions.
      ...(editing ? {} : { status: 'draft' as Project['status'] }),
      priority_flags: (v.priority_flags ?? []) as Project['priority_flags'],
      outputs: v.outputs ?? [],
      beneficiary_ids: v.beneficiary_ids ?? [],
      cooperating_org_ids: existing.data?.cooperating_org_ids ?? [],
    };
    try {
      const saved = editing
        ? await api.updateProject(Number(id), {
            ...body,
            version: existing.data!.version,
            reason: v.reason?.trim() || undefined,
          })
        : await api.createProject(body);
      client.invalidateQueries({ queryKey: ['projects'] });
      client.setQueryData(['project', String(saved.id)], saved);
      message.success(t('saved'));
      navigate(`/projects/${saved.id}`);
    } catch (e) {
      server.show(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 900 }}>
      <PageHeading
        title={editing ? `${t('edit')} ${existing.data?.code ?? ''}` : t('newProject')}
      />
      {server.alert}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={server.onValuesChange}
        initialValues={{
          kind: 'regular',
          province_set: '2025',
          year: new Date().getFullYear(),
          counterpart_vnd: 0,
        }}
      >
        <Space wrap>
          <Form.Item name="code" label={t('code')} rules={required}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="year" label={t('year')} rules={required}>
            <InputNumber style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="program_id" label={t('program')} rules={required}>
            <Select
              style={{ width: 280 }}
              options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={required}>
            <Select
              style={{ width: 160 }}
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('title')} rules={required}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="content_code" label={t('content')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={contents.map((c) => ({
              value: String(c.code),
              label: `${String(c.code)} — ${label(c)}`,
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="province_set" label={t('provinceSet')}>
            <Select
              style={{ width: 230 }}
              options={[
                { value: '2025', label: t('set2025') },
                { value: '2008', label: t('set2008') },
              ]}
            />
          </Form.Item>
          <Form.Item name="provinces" label={t('province')} rules={required}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 300 }}
              options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="implementing_org_id" label={t('implementingOrg')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="requested_vnd"
            label={t('requested')}
            rules={moneyRules}
            extra={fromDossier ? t('dossier.fromItems') : undefined}
          >
            <MoneyInput style={{ width: 220 }} disabled={fromDossier} />
          </Form.Item>
          <Form.Item name="counterpart_vnd" label={t('counterpart')} rules={moneyRules}>
            <MoneyInput style={{ width: 220 }} disabled={fromDossier} />
          </Form.Item>
          <Form.Item name="start" label={t('start')} rules={required}>
            <DateInput />
          </Form.Item>
          <Form.Item name="end" label={t('end')} rules={required}>
            <DateInput />
          </Form.Item>
        </Space>
        <Form.Item name="beneficiary_ids" label={t('beneficiaries')}>
          <FacilityPicker />
        </Form.Item>
        <Form.Item
          name="priority_flags"
          label={t('flags.declared')}
          extra={t('flags.computed', {
            flags: COMPUTED_FLAGS.map((f) => t(`flag.${f}`).toLowerCase()).join(', '),
          })}
        >
          <Checkbox.Group
            options={DECLARED_FLAGS.map((f) => ({ value: f, label: t(`flag.${f}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('outputs')}>
          <Form.List name="outputs">
            {(fields, { add, remove }) => (
              <Space orientation="vertical">
                {fields.map((field) => (
                  <Space key={field.key}>
                    <Form.Item name={[field.name, 'indicator']} noStyle>
                      <Select
                        style={{ width: 420 }}
                        placeholder={t('indicator')}
                        options={indicators.map((i) => ({
                          value: String(i.code),
                          label: label(i),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quantity']} noStyle>
                      <InputNumber placeholder={t('quantity')} min={0} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>−</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ quantity: 1 })}>+ {t('indicator')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <FormFooter editing={editing} />
      </Form>
    </Space>
  );
}
