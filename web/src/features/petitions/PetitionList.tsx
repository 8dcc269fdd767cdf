// Localities' petitions: a province files its own and follows them; the department sees them
// all, newest first, with what is overdue; status and overdue filters in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { pagedTable, SearchBox, useUrlState } from '../../shared/lists';
import { NoAccess, PageHeading, useCan } from '../../shared/page';
import { useProvinceName } from '../../shared/places';
import { RecordModal } from '../../shared/RecordModal';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import type { Petition } from '../../shared/types';

// Solid colours dark enough for white text (WCAG AA).
export const PETITION_COLOR: Record<string, string> = {
  submitted: '#0958d9',
  assigned: '#ad4e00',
  answered: '#237804',
};

function FileForm() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  return (
    <RecordModal
      button={t('petition.new')}
      title={t('petition.new')}
      fields={['title', 'body']}
      submit={(v) => api.filePetition({ title: v.title, body: v.body })}
    >
      <Form.Item name="title" label={t('petition.title')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="body" label={t('petition.body')} rules={required}>
        <Input.TextArea rows={6} />
      </Form.Item>
    </RecordModal>
  );
}

export function PetitionList() {
  const { t } = useI18n();
  const can = useCan();
  const province = useProvinceName();
  const { state, set } = useUrlState({
    status: undefined as string | undefined,
    kind: undefined as string | undefined,
    q: undefined as string | undefined,
    page: 1,
  });
  const { status, kind, q, page } = state;
  const data = useQuery({
    queryKey: ['petitions', status, kind, q, page],
    queryFn: () => api.petitions({ status, kind, q, page, page_size: 20 }),
    placeholderData: keepPreviousData,
    enabled: can('read_petitions'),
  });
  if (!can('read_petitions')) return <NoAccess title={t('nav.petitions')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t('nav.petitions')} actions={can('file_petitions') && <FileForm />} />
      <Space wrap>
        <Select
          allowClear
          aria-label={t('petition.status')}
          placeholder={t('petition.allStatuses')}
          style={{ width: 200 }}
          value={status}
          onChange={(v) => set({ status: v, page: 1 })}
          options={['open', 'submitted', 'assigned', 'answered'].map((s) => ({
            value: s,
            label: t(`petition.status.${s}`),
          }))}
        />
        <Checkbox
          checked={kind === 'overdue'}
          onChange={(e) => set({ kind: e.target.checked ? 'overdue' : undefined, page: 1 })}
        >
          {t('petition.onlyOverdue')}
        </Checkbox>
        <SearchBox value={q} onSearch={(q) => set({ q, page: 1 })} />
      </Space>
      <ResponsiveTable<Petition>
        {...pagedTable(data, page, set)}
        columns={[
          {
            title: t('petition.title'),
            dataIndex: 'title',
            render: (title: string, p) => <Link to={`/petitions/${p.id}`}>{title}</Link>,
          },
          {
            title: t('petition.province'),
            dataIndex: 'province_2025',
            render: (code: string) => province({ set: '2025', code }),
          },
          {
            title: t('petition.status'),
            dataIndex: 'status',
            render: (s: string, p) => (
              <Space size={4} wrap>
                <Tag color={PETITION_COLOR[s]}>{t(`petition.status.${s}`)}</Tag>
                {p.overdue && <Tag color="#a8071a">{t('petition.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('petition.filedOn'), dataIndex: 'filed_on', render: formatDate },
          { title: t('petition.dueOn'), dataIndex: 'due_on', render: formatDate },
          {
            title: t('petition.assignee'),
            dataIndex: 'assignee_name',
            render: (n: string | null) => n ?? '—',
          },
        ]}
      />
    </Space>
  );
}
