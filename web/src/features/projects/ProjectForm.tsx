// Create and edit a project. The server validates; its field errors are shown at the field
// they name ("provinces/0/code" is shown at "provinces").
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../shared/api';
import { FLAGS, KINDS, STATUSES, useI18n } from '../../shared/i18n';
import { useLabel, useReference } from '../../shared/reference';
import type { Project, ProjectOutput } from '../../shared/types';

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
  status: string;
  priority_flags: string[];
  outputs: ProjectOutput[];
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
]);

const money = {
  formatter: (v: number | string | undefined) =>
    v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  parser: (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')),
};

export function ProjectForm() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [general, setGeneral] = useState<string | null>(null);
  const existing = useQuery({
    queryKey: ['project', id],
    queryFn: () => api.project(Number(id)),
    enabled: editing,
  });
  const programs = useQuery({ queryKey: ['programs'], queryFn: () => api.programs() });
  const orgs = useQuery({
    queryKey: ['organizations', 'all'],
    queryFn: () => api.organizations({ page_size: 200, sort: 'name' }),
  });
  const contents = useReference('contents');
  const indicators = useReference('indicators');
  const set = Form.useWatch('province_set', form) ?? '2025';
  const provinces = useReference(`provinces-${set}`);

  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    form.setFieldsValue({
      ...p,
      province_set: p.provinces[0]?.set ?? '2025',
      provinces: p.provinces.map((x) => x.code),
      start: dayjs(p.start),
      end: dayjs(p.end),
      priority_flags: p.priority_flags ?? [],
      outputs: p.outputs ?? [],
    });
  }, [existing.data, form]);

  const submit = async (v: FormValues) => {
    setGeneral(null);
    const body: Partial<Project> = {
      code: v.code,
      title: v.title,
      year: v.year,
      program_id: v.program_id,
      content_code: v.content_code,
      kind: v.kind as Project['kind'],
      provinces: (v.provinces ?? []).map((code) => ({ set: v.province_set, code })),
      implementing_org_id: v.implementing_org_id,
      requested_vnd: v.requested_vnd ?? 0,
      counterpart_vnd: v.counterpart_vnd ?? 0,
      start: v.start?.format('YYYY-MM-DD'),
      end: v.end?.format('YYYY-MM-DD'),
      status: v.status as Project['status'],
      priority_flags: (v.priority_flags ?? []) as Project['priority_flags'],
      outputs: v.outputs ?? [],
      beneficiary_ids: existing.data?.beneficiary_ids ?? [],
      cooperating_org_ids: existing.data?.cooperating_org_ids ?? [],
    };
    try {
      const saved = editing
        ? await api.updateProject(Number(id), { ...body, version: existing.data!.version })
        : await api.createProject(body);
      client.invalidateQueries({ queryKey: ['projects'] });
      client.setQueryData(['project', String(saved.id)], saved);
      message.success(t('saved'));
      navigate(`/projects/${saved.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.problem.status === 409) {
        setGeneral(t('conflict'));
        return;
      }
      const byField = new Map<string, string[]>();
      const unplaced: string[] = [];
      for (const fe of e.problem.errors ?? []) {
        const name = fe.field.split('/')[0];
        if (FORM_FIELDS.has(name)) byField.set(name, [...(byField.get(name) ?? []), fe.message]);
        else unplaced.push(`${fe.field}: ${fe.message}`);
      }
      form.setFields(
        [...byField].map(([name, errors]) => ({ name: name as keyof FormValues, errors })),
      );
      setGeneral(unplaced.length ? unplaced.join('; ') : e.problem.detail);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Title level={3}>
        {editing ? `${t('edit')} ${existing.data?.code ?? ''}` : t('newProject')}
      </Typography.Title>
      {general && <Alert type="error" title={general} showIcon />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'regular',
          status: 'draft',
          province_set: '2025',
          year: new Date().getFullYear(),
          counterpart_vnd: 0,
        }}
      >
        <Space wrap>
          <Form.Item name="code" label={t('code')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="year" label={t('year')}>
            <InputNumber style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="program_id" label={t('program')}>
            <Select
              style={{ width: 280 }}
              options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')}>
            <Select
              style={{ width: 160 }}
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="status" label={t('status')}>
            <Select
              style={{ width: 160 }}
              options={STATUSES.filter((s) => s !== 'cancelled').map((s) => ({
                value: s,
                label: t(`status.${s}`),
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('title')}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item name="content_code" label={t('content')}>
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
          <Form.Item name="provinces" label={t('province')}>
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 300 }}
              options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="implementing_org_id" label={t('implementingOrg')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="requested_vnd" label={`${t('requested')} (₫)`}>
            <InputNumber<number> style={{ width: 220 }} {...money} />
          </Form.Item>
          <Form.Item name="counterpart_vnd" label={`${t('counterpart')} (₫)`}>
            <InputNumber<number> style={{ width: 220 }} {...money} />
          </Form.Item>
          <Form.Item name="start" label={t('start')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="end" label={t('end')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="priority_flags" label={t('priorityFlags')}>
          <Checkbox.Group options={FLAGS.map((f) => ({ value: f, label: t(`flag.${f}`) }))} />
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
        <Space>
          <Button type="primary" htmlType="submit">
            {t('save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Space>
  );
}
