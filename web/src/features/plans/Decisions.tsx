// Plan decisions: the ministry approves a saved scenario (number, date, signer, batch), and
// adjusts the plan later; every reader sees the program's decisions, what each changed, and
// whether the books balance.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDate, formatVnd } from '../../shared/format';
import { DateInput, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { useCan } from '../../shared/page';
import { byCode, useLabel, useReference } from '../../shared/reference';
import type { PlanDecision, SavedScenario } from '../../shared/types';
import { wideTable } from '../../shared/ResponsiveTable';
import { AdjustButton } from './Adjustment';

const FIELDS = new Set(['number', 'signed_on', 'signer', 'batch']);

export function ApproveButton({ scenario }: { scenario: SavedScenario }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const server = useServerErrors(form, FIELDS);
  const approve = useMutation({
    mutationFn: (v: {
      number: string;
      signer: string;
      batch?: number;
      signed_on: { format: (f: string) => string };
    }) =>
      api.decide({
        scenario_id: scenario.id,
        number: v.number,
        signer: v.signer,
        batch: v.batch ?? 1,
        signed_on: v.signed_on.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['decisions'] });
      client.invalidateQueries({ queryKey: ['projects'] });
      setOpen(false);
    },
    onError: server.show,
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('plan.approve')}
      </Button>
      <Modal
        open={open}
        title={t('plan.approveTitle', { name: scenario.name })}
        okText={t('plan.approve')}
        cancelText={t('close')}
        confirmLoading={approve.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        {server.alert}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => approve.mutate(v)}
          onValuesChange={server.onValuesChange}
        >
          <Form.Item
            name="number"
            label={t('plan.decisionNumber')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input placeholder="123/QĐ-BCT" />
          </Form.Item>
          <Form.Item
            name="signed_on"
            label={t('plan.signedOn')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <DateInput />
          </Form.Item>
          <Form.Item
            name="signer"
            label={t('plan.signer')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="batch" label={t('plan.batch')} initialValue={1}>
            <InputNumber min={1} max={20} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function DecisionList({ program }: { program: string }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['decisions', program],
    queryFn: () => api.decisions(program),
    enabled: !!program,
  });
  const can = useCan();
  const books = list.data?.books;
  return (
    <Card
      size="small"
      title={t('plan.decisions')}
      extra={
        books && (
          <Tag color={books.balanced ? '#135200' : '#820014'}>
            {t(books.balanced ? 'plan.booksBalanced' : 'plan.booksOff')}
          </Tag>
        )
      }
    >
      {can('decide_plans') && program && (
        <div style={{ marginBottom: 8 }}>
          <AdjustButton program={program} />
        </div>
      )}
      <Table<PlanDecision>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        pagination={false}
        {...wideTable(list.data?.items, 960)}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Typography.Text className="empty-text">{t('plan.noDecisions')}</Typography.Text>
          ),
        }}
        expandable={{
          expandedRowRender: (d) => <DecisionItems decision={d} />,
          expandRowByClick: true,
        }}
        columns={[
          {
            title: t('plan.decisionKind'),
            dataIndex: 'kind',
            render: (k: string) => t(`plan.kind.${k}`),
          },
          { title: t('plan.decisionNumber'), dataIndex: 'number' },
          { title: t('plan.signedOn'), dataIndex: 'signed_on', render: formatDate },
          { title: t('plan.signer'), dataIndex: 'signer' },
          { title: t('plan.batch'), dataIndex: 'batch', align: 'right' },
          { title: t('plan.adjustReason'), dataIndex: 'reason' },
          {
            title: t('plan.projects'),
            key: 'items',
            align: 'right',
            render: (_, d) => d.items.length,
          },
          { title: t('plan.total'), dataIndex: 'total_vnd', align: 'right', render: formatVnd },
          {
            title: t('plan.files'),
            key: 'files',
            render: (_, d) => (
              <Space size="small" onClick={(e) => e.stopPropagation()}>
                <a
                  href={`/api/v1/plans/decisions/${d.id}/document?format=pdf`}
                  aria-label={t('plan.documentOf', { number: d.number, format: 'PDF' })}
                >
                  PDF
                </a>
                <a
                  href={`/api/v1/plans/decisions/${d.id}/document?format=docx`}
                  aria-label={t('plan.documentOf', { number: d.number, format: 'DOCX' })}
                >
                  DOCX
                </a>
                <a
                  href={`/api/v1/plans/decisions/${d.id}/appendix?format=xlsx`}
                  aria-label={t('plan.appendixOf', { number: d.number })}
                >
                  XLSX
                </a>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

// The money one decision moved by content or by region: each key with its signed change.
function Moved({ decision, by }: { decision: PlanDecision; by: 'content' | 'region' }) {
  const { t } = useI18n();
  const label = useLabel();
  const names = byCode(useReference(by === 'content' ? 'contents' : 'regions'));
  const list = decision.moved[by];
  if (list.length === 0) return null;
  return (
    <div className="moved">
      <Typography.Text strong>
        {t(by === 'content' ? 'plan.movedContent' : 'plan.movedRegion')}:{' '}
      </Typography.Text>
      {list.map((m) => (
        <Tag key={m.key} color={m.change_vnd < 0 ? '#820014' : '#135200'}>
          {label(names.get(m.key), m.key)} {m.change_vnd > 0 ? '+' : ''}
          {formatVnd(m.change_vnd)}
        </Tag>
      ))}
    </div>
  );
}

// What one decision changed: the money moved by content and region, then each project's amount
// before and after it.
function DecisionItems({ decision }: { decision: PlanDecision }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Moved decision={decision} by="content" />
      <Moved decision={decision} by="region" />
      {decision.tranches.length > 0 && (
        <div>
          <Typography.Text strong>{t('plan.laterTranches')}: </Typography.Text>
          {decision.tranches.map((tr) => (
            <Tag key={`${tr.code}-${tr.year}`}>
              {tr.code} {tr.year}: {formatVnd(tr.amount_vnd)}
            </Tag>
          ))}
        </div>
      )}
      <DecisionItemTable decision={decision} />
    </Space>
  );
}

function DecisionItemTable({ decision }: { decision: PlanDecision }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="project_id"
      dataSource={decision.items}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      columns={[
        {
          title: t('code'),
          dataIndex: 'code',
          render: (code: string, i) => <Link to={`/projects/${i.project_id}`}>{code}</Link>,
        },
        {
          title: t('plan.change'),
          dataIndex: 'change',
          render: (c: string) => t(`plan.change.${c}`),
        },
        { title: t('plan.before'), dataIndex: 'before_vnd', align: 'right', render: formatVnd },
        { title: t('plan.after'), dataIndex: 'after_vnd', align: 'right', render: formatVnd },
      ]}
    />
  );
}
