// One petition: what the locality asked, its status and deadline, and for the department the
// actions to take it in hand and to answer it (published on the bulletin or not).
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, NoAccess, PageHeading, useCan } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { RecordModal } from '../../shared/RecordModal';
import { useProvinceName } from '../../shared/places';
import { PETITION_COLOR } from './PetitionList';

export function PetitionDetail() {
  const { t } = useI18n();
  const can = useCan();
  const province = useProvinceName();
  const id = Number(useParams().id);
  const data = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['petitions', 'one', id],
    queryFn: () => api.petition(id),
    enabled: can('read_petitions'),
  });
  if (!can('read_petitions')) return <NoAccess title={t('nav.petitions')} />;
  if (data.isError) return <LoadFailed error={data.error} retry={() => void data.refetch()} />;
  const p = data.data;
  if (!p) return <Card loading />;
  const actions = can('answer_petitions') && (
    <Space>
      {p.status !== 'answered' && (
        <RecordModal
          button={t('petition.assignToMe')}
          title={p.title}
          fields={[]}
          submit={() => api.assignPetition(p.id, { version: p.version })}
        >
          <Typography.Paragraph>{t('petition.assignToMe')}?</Typography.Paragraph>
        </RecordModal>
      )}
      <RecordModal
        button={t('petition.answer')}
        title={p.title}
        fields={['answer', 'published']}
        initial={{ answer: p.answer ?? '', published: p.published }}
        submit={(v) =>
          api.answerPetition(p.id, {
            answer: v.answer,
            published: !!v.published,
            version: p.version,
          })
        }
      >
        <Form.Item
          name="answer"
          label={t('petition.answerText')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="published" valuePropName="checked">
          <Checkbox>{t('petition.publish')}</Checkbox>
        </Form.Item>
      </RecordModal>
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={p.title} actions={actions} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('petition.province')}>
          {province({ set: '2025', code: p.province_2025 })}
        </Descriptions.Item>
        <Descriptions.Item label={t('petition.status')}>
          <Tag color={PETITION_COLOR[p.status]}>{t(`petition.status.${p.status}`)}</Tag>
          {p.overdue && <Tag color="#a8071a">{t('petition.overdue')}</Tag>}
          {p.published && <Tag>{t('petition.published')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('petition.filedOn')}>
          {formatDate(p.filed_on)}
        </Descriptions.Item>
        <Descriptions.Item label={t('petition.dueOn')}>{formatDate(p.due_on)}</Descriptions.Item>
        <Descriptions.Item label={t('petition.assignee')}>
          {p.assignee_name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('petition.answeredOn')}>
          {p.answered_on ? formatDate(p.answered_on) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('petition.body')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{p.body}</Typography.Paragraph>
      </Card>
      {p.answer && (
        <Card size="small" title={t('petition.answerText')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{p.answer}</Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
