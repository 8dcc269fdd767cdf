// The proposal's written dossier (thuyết minh): its texts, the schedule's milestones and the
// costs by item with program and counterpart funds. Read as a page; whoever may edit the
// proposal edits it whole in a form whose sums run as the amounts are typed. Once it itemizes
// costs, the project's amounts are those sums (the server computes them).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Input,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
  message,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { DateInput, MoneyInput, useMoneyRules, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { wideTable } from '../../shared/ResponsiveTable';
import type { Dossier as DossierValue, DossierInput } from '../../shared/types';

/** The dossier's texts, in the template's order (also the history's labels). */
export const TEXTS = [
  'objectives',
  'need',
  'legal_basis',
  'activities',
  'location',
  'scale',
  'effect',
] as const;
const CATEGORIES = [
  'equipment',
  'materials',
  'training',
  'organization',
  'consulting',
  'information',
  'other',
];
const FIELDS = new Set<string>([...TEXTS, 'milestones', 'cost_items', 'reason']);
const LISTS = new Set(['milestones', 'cost_items']);

type CostRow = {
  category?: string;
  description?: string;
  program_vnd?: unknown;
  counterpart_vnd?: unknown;
};
type Values = Record<(typeof TEXTS)[number], string> & {
  milestones?: { date?: Dayjs; description?: string }[];
  cost_items?: CostRow[];
  reason?: string;
};

type Category = NonNullable<DossierInput['cost_items']>[number]['category'];

const amount = (v: unknown) => (typeof v === 'number' ? v : 0);

function sums(rows: CostRow[] = []) {
  const program = rows.reduce((a, r) => a + amount(r?.program_vnd), 0);
  const counterpart = rows.reduce((a, r) => a + amount(r?.counterpart_vnd), 0);
  return { program, counterpart, total: program + counterpart };
}

function CostTable({ d }: { d: DossierValue }) {
  const { t } = useI18n();
  return (
    <Table
      {...wideTable(d.cost_items, 640)}
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={d.cost_items}
      columns={[
        {
          title: t('dossier.category'),
          dataIndex: 'category',
          render: (c: string) => t(`cost.${c}`),
        },
        { title: t('dossier.description'), dataIndex: 'description' },
        {
          title: t('dossier.program'),
          dataIndex: 'program_vnd',
          align: 'right',
          render: formatVnd,
        },
        {
          title: t('dossier.counterpart'),
          dataIndex: 'counterpart_vnd',
          align: 'right',
          render: formatVnd,
        },
        { title: t('dossier.total'), dataIndex: 'total_vnd', align: 'right', render: formatVnd },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>{t('dossier.sum')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong>{formatVnd(d.totals.program_vnd)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <strong>{formatVnd(d.totals.counterpart_vnd)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <strong>{formatVnd(d.totals.total_vnd)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function DossierView({ d }: { d: DossierValue }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered column={1} size="small">
        {TEXTS.map((k) => (
          <Descriptions.Item key={k} label={t(`dossier.${k}`)}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d[k] || t('dossier.none')}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <section aria-label={t('dossier.milestones')}>
        <Typography.Title level={5}>{t('dossier.milestones')}</Typography.Title>
        <Table
          {...wideTable(d.milestones, 360)}
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={d.milestones}
          columns={[
            {
              title: t('dossier.milestoneDate'),
              dataIndex: 'date',
              render: formatDate,
              width: 140,
            },
            { title: t('dossier.milestoneText'), dataIndex: 'description' },
          ]}
        />
      </section>
      <section aria-label={t('dossier.costs')}>
        <Typography.Title level={5}>{t('dossier.costs')}</Typography.Title>
        {d.amounts_from_items && <Alert type="info" showIcon title={t('dossier.fromItems')} />}
        <CostTable d={d} />
      </section>
    </Space>
  );
}

function DossierForm({ d, onDone }: { d: DossierValue; onDone: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const money = useMoneyRules(true);
  const required = [{ required: true, message: t('form.required') }];
  const reload = () =>
    client.invalidateQueries({ queryKey: ['projects', d.project_id, 'dossier'] });
  const errors = useServerErrors(form, FIELDS, reload, LISTS);
  const rows = Form.useWatch('cost_items', form) as CostRow[] | undefined;
  const running = sums(rows);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: DossierInput = {
        version: d.project_version,
        ...Object.fromEntries(TEXTS.map((k) => [k, v[k] ?? ''])),
        milestones: (v.milestones ?? []).map((m) => ({
          date: m.date ? m.date.format('YYYY-MM-DD') : '',
          description: m.description ?? '',
        })),
        cost_items: (v.cost_items ?? []).map((c) => ({
          category: (c.category ?? '') as Category,
          description: c.description ?? '',
          program_vnd: c.program_vnd as number,
          counterpart_vnd: c.counterpart_vnd as number,
        })),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      };
      return api.putDossier(d.project_id, body);
    },
    onSuccess: (saved) => {
      client.setQueryData(['projects', d.project_id, 'dossier'], saved);
      client.invalidateQueries({ queryKey: ['project'] });
      client.invalidateQueries({ queryKey: ['projects'] });
      client.invalidateQueries({ queryKey: ['history'] });
      message.success(t('dossier.saved'));
      onDone();
    },
    onError: errors.show,
  });
  const initial: Values = {
    ...(Object.fromEntries(TEXTS.map((k) => [k, d[k]])) as Record<(typeof TEXTS)[number], string>),
    milestones: d.milestones.map((m) => ({ date: dayjs(m.date), description: m.description })),
    cost_items: d.cost_items.map((c) => ({ ...c })),
  };
  const removeButton = (onClick: () => void, i: number) => (
    <Button
      type="text"
      aria-label={`${t('dossier.remove')} ${i + 1}`}
      icon={<DeleteOutlined />}
      onClick={onClick}
    />
  );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      onValuesChange={errors.onValuesChange}
    >
      {errors.alert}
      {TEXTS.map((k) => (
        <Form.Item key={k} name={k} label={t(`dossier.${k}`)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
      ))}
      <Typography.Title level={5}>{t('dossier.milestones')}</Typography.Title>
      <Form.List name="milestones">
        {(items, { add, remove }) => (
          <>
            {items.map((row, i) => (
              <Space key={row.key} align="start" wrap>
                <Form.Item name={[row.name, 'date']} rules={required}>
                  <DateInput aria-label={`${t('dossier.milestoneDate')} ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[row.name, 'description']} rules={required}>
                  <Input
                    aria-label={`${t('dossier.milestoneText')} ${i + 1}`}
                    style={{ width: 'min(420px, 70vw)' }}
                  />
                </Form.Item>
                {removeButton(() => remove(row.name), i)}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('dossier.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('dossier.costs')}</Typography.Title>
      <Form.List name="cost_items">
        {(items, { add, remove }) => (
          <>
            {items.map((row, i) => (
              <Space key={row.key} align="start" wrap>
                <Form.Item name={[row.name, 'category']} rules={required}>
                  <Select
                    aria-label={`${t('dossier.category')} ${i + 1}`}
                    style={{ width: 220 }}
                    options={CATEGORIES.map((c) => ({ value: c, label: t(`cost.${c}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'description']} rules={required}>
                  <Input
                    aria-label={`${t('dossier.description')} ${i + 1}`}
                    style={{ width: 260 }}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'program_vnd']} rules={money}>
                  <MoneyInput
                    aria-label={`${t('dossier.program')} ${i + 1}`}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'counterpart_vnd']} rules={money}>
                  <MoneyInput
                    aria-label={`${t('dossier.counterpart')} ${i + 1}`}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                {removeButton(() => remove(row.name), i)}
              </Space>
            ))}
            <Space wrap>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ program_vnd: 0, counterpart_vnd: 0 })}
              >
                {t('dossier.addCost')}
              </Button>
              <span role="status" data-testid="dossier-sums">
                {t('dossier.program')}: <strong>{formatVnd(running.program)}</strong> ·{' '}
                {t('dossier.counterpart')}: <strong>{formatVnd(running.counterpart)}</strong> ·{' '}
                {t('dossier.total')}: <strong>{formatVnd(running.total)}</strong>
              </span>
            </Space>
          </>
        )}
      </Form.List>
      <Form.Item name="reason" label={t('changeReason')} style={{ marginTop: 16 }}>
        <Input.TextArea autoSize placeholder={t('reasonHint')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}

export function Dossier({ projectId, mayEdit }: { projectId: number; mayEdit: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['projects', projectId, 'dossier'],
    queryFn: () => api.dossier(projectId),
  });
  if (!q.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (editing) return <DossierForm d={q.data} onDone={() => setEditing(false)} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {mayEdit && (
        <Button type="primary" onClick={() => setEditing(true)}>
          {t('dossier.edit')}
        </Button>
      )}
      {!q.data.updated_at && <Alert type="info" showIcon title={t('dossier.empty')} />}
      <DossierView d={q.data} />
    </Space>
  );
}
