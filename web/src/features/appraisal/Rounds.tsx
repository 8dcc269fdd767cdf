// Registration rounds and their councils: where the department opens a round and everyone
// with a part in appraisal finds the councils they may see.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Modal, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { DateInput, useServerErrors } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useProvinceName } from '../../shared/places';
import { useSession } from '../../shared/session';
import type { Round } from '../../shared/types';
import { PROGRAMS_QUERY } from '../../shared/programs';

function Councils({ round }: { round: Round }) {
  const { t } = useI18n();
  const province = useProvinceName();
  const councils = useQuery({
    queryKey: ['councils', round.id],
    queryFn: () => api.councils(round.id),
  });
  return (
    <Table
      size="small"
      rowKey="id"
      loading={councils.isLoading}
      pagination={false}
      dataSource={councils.data?.items ?? []}
      locale={{ emptyText: <span className="empty-text">{t('appraisal.noCouncil')}</span> }}
      columns={[
        {
          title: t('appraisal.council'),
          dataIndex: 'name',
          render: (name: string, c) => <Link to={`/appraisal/councils/${c.id}`}>{name}</Link>,
        },
        {
          title: t('appraisal.level'),
          dataIndex: 'level',
          render: (level: string, c) =>
            level === 'province'
              ? `${t('appraisal.level.province')} — ${province({ set: '2025', code: c.province ?? '' })}`
              : t('appraisal.level.ministry'),
        },
        {
          title: t('appraisal.members'),
          render: (_, c) => c.members?.length ?? 0,
        },
      ]}
    />
  );
}

const ROUND_FIELDS = new Set(['program_id', 'closes_on']);

function NewRound({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const programs = useQuery(PROGRAMS_QUERY);
  const server = useServerErrors(form, ROUND_FIELDS);
  const create = useMutation({
    mutationFn: (v: { program_id: number; closes_on?: { format: (f: string) => string } }) => {
      const program = programs.data?.items.find((p) => p.id === v.program_id);
      return api.createRound({
        program_id: v.program_id,
        year: program?.year,
        ...(v.closes_on ? { closes_on: v.closes_on.format('YYYY-MM-DD') } : {}),
      });
    },
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['rounds'] });
      onClose();
    },
    onError: server.show,
  });
  return (
    <Modal
      open={open}
      title={t('appraisal.newRound')}
      okText={t('save')}
      cancelText={t('close')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {server.alert}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        onValuesChange={server.onValuesChange}
      >
        <Form.Item
          name="program_id"
          label={t('program')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="closes_on"
          label={t('appraisal.closesOn')}
          extra={t('appraisal.closesHint')}
        >
          <DateInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function Rounds() {
  const { t } = useI18n();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const rounds = useQuery({
    queryKey: ['rounds'],
    queryFn: () => api.rounds(),
    enabled: can('read_rounds'),
  });
  const programs = useQuery(PROGRAMS_QUERY);
  // A province's department downloads its registration report (the proposals it forwarded).
  const session = useSession().session;
  const province = can('read_plans') ? session?.scope_province_2025 : null;
  if (!can('read_rounds')) return <NoAccess title={t('nav.appraisal')} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={t('nav.appraisal')}
        actions={
          can('manage_rounds') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('appraisal.newRound')}
            </Button>
          )
        }
      />
      {rounds.isLoading && <Skeleton active />}
      {(rounds.data?.items ?? []).map((r) => (
        <Card
          key={r.id}
          title={programs.data?.items.find((p) => p.id === r.program_id)?.name ?? r.program_id}
          extra={
            <Space>
              {province && (
                <a
                  href={`/api/v1/rounds/${r.id}/registration-report?province=${province}&format=xlsx`}
                >
                  {t('appraisal.registrationReport')}
                </a>
              )}
              <Tag>{r.year}</Tag>
            </Space>
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t('appraisal.opensOn')}>
              {formatDate(r.opens_on)}
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisal.closesOn')}>
              {formatDate(r.closes_on)}
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisal.forwardBy')}>
              {formatDate(r.forward_by)}
            </Descriptions.Item>
            <Descriptions.Item label={t('appraisal.passMark')}>{r.pass_mark}</Descriptions.Item>
          </Descriptions>
          <Councils round={r} />
        </Card>
      ))}
      <NewRound open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
