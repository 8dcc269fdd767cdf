// One fair: where and when, who organized it, the project that funds it, and the booths
// supported per facility; the department (or the fair's province) corrects it and adds booths.
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Form, InputNumber, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { FacilitySelect } from '../../shared/FacilitySelect';
import { formatDate, formatNumber, formatVnd } from '../../shared/format';
import { MoneyInput, useMoneyRules } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, PageHeading, useCan } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { RecordModal } from '../../shared/RecordModal';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useSession } from '../../shared/session';
import type { BoothSupport } from '../../shared/types';
import { FairForm } from './FairForm';
import { useFairPlace } from './place';

function AddBooth({ fairId }: { fairId: number }) {
  const { t } = useI18n();
  const money = useMoneyRules(true);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <RecordModal
      button={t('fair.addBooth')}
      title={t('fair.addBooth')}
      fields={['facility_id', 'booths', 'amount_vnd']}
      initial={{ booths: 1 }}
      submit={(v) => api.addBooth(fairId, v)}
    >
      <Form.Item name="facility_id" label={t('fair.facility')} rules={required}>
        <FacilitySelect aria-label={t('fair.facility')} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="booths" label={t('fair.booths')} rules={required}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="amount_vnd" label={t('fair.support')} rules={money}>
          <MoneyInput />
        </Form.Item>
      </Space>
    </RecordModal>
  );
}

export function FairDetail() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const { session } = useSession();
  const where = useFairPlace();
  const q = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['fairs', 'one', id],
    queryFn: () => api.fair(Number(id)),
  });
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const f = q.data;
  if (!f) return <Skeleton active paragraph={{ rows: 6 }} />;
  const own = session?.scope_province_2025;
  const mayEdit = can('manage_fairs') && (!own || own === f.province_2025);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={f.name}
        actions={
          <Space>
            {mayEdit && <FairForm fair={f} />}
            {can('manage_fairs') && <AddBooth fairId={f.id} />}
          </Space>
        }
      />
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('code')}>{f.code}</Descriptions.Item>
        <Descriptions.Item label={t('fair.where')}>{where(f)}</Descriptions.Item>
        <Descriptions.Item label={t('fair.place')}>{f.place}</Descriptions.Item>
        <Descriptions.Item label={t('fair.dates')}>
          {`${formatDate(f.starts_on)} – ${formatDate(f.ends_on)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('fair.organizer')}>{f.organizer}</Descriptions.Item>
        <Descriptions.Item label={t('fair.project')}>
          {f.project_id ? (
            <Link to={`/projects/${f.project_id}`}>{t('fair.openProject')}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('fair.booths')}>{formatNumber(f.booths)}</Descriptions.Item>
        <Descriptions.Item label={t('fair.support')}>{formatVnd(f.amount_vnd)}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('fair.exhibitors')}>
        <ResponsiveTable<BoothSupport>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 50 }}
          dataSource={f.booth_supports}
          columns={[
            {
              title: t('fair.facility'),
              dataIndex: 'facility_name',
              render: (n: string, b) => <Link to={`/facilities/${b.facility_id}`}>{n}</Link>,
            },
            { title: t('fair.booths'), dataIndex: 'booths', align: 'right' },
            {
              title: t('fair.support'),
              dataIndex: 'amount_vnd',
              align: 'right',
              render: formatVnd,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
