// One selection round: its level and place, closing day, pass mark, criteria and council; the
// nominated products with, for the department, the ministry and the council, each one's rank,
// score and verdict. A province nominates its facilities' products while the round is open; a
// member scores each product (or declares a conflict); the department concludes the round.
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Tag,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { FacilitySelect } from '../../shared/FacilitySelect';
import { DateInput } from '../../shared/forms';
import { formatDate } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { LoadFailed, PageHeading, useCan } from '../../shared/page';
import { SHOWN_HERE } from '../../shared/problems';
import { useProvinceName } from '../../shared/places';
import { RecordModal } from '../../shared/RecordModal';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useSession } from '../../shared/session';
import type { Nomination, SelectionRoundDetail } from '../../shared/types';
import { useRoundPlace } from './place';

const GROUPS = ['handicraft', 'processed_food', 'machinery', 'other'];
const CONDITIONS = ['own_product', 'mass_producible', 'quality_declared', 'safety_declared'];

function NominateForm({ round }: { round: SelectionRoundDetail }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('form.required') }];
  return (
    <RecordModal
      button={t('sel.nominate')}
      title={`${t('sel.nominate')} — ${round.name}`}
      fields={['facility_id', 'name', 'group', 'description', ...CONDITIONS]}
      initial={Object.fromEntries(CONDITIONS.map((c) => [c, false]))}
      submit={(v) => api.nominate(round.id, v)}
    >
      <Form.Item name="facility_id" label={t('product.facility')} rules={required}>
        <FacilitySelect aria-label={t('product.facility')} />
      </Form.Item>
      <Form.Item name="name" label={t('product.name')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="group" label={t('product.group')} rules={required}>
        <Select options={GROUPS.map((g) => ({ value: g, label: t(`product.group.${g}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('chain.description')}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14 }}>{t('sel.eligibility')}</legend>
        {CONDITIONS.map((c) => (
          <Form.Item key={c} name={c} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t(`sel.${c}`)}</Checkbox>
          </Form.Item>
        ))}
      </fieldset>
    </RecordModal>
  );
}

function ScoreForm({ round, n }: { round: SelectionRoundDetail; n: Nomination }) {
  const { t } = useI18n();
  const mine = new Map((n.my_sheet?.lines ?? []).map((l) => [l.criterion, l.points]));
  const initial: Record<string, unknown> = { conflict: n.my_sheet?.conflict ?? false };
  for (const c of round.criteria) initial[c.code] = mine.get(c.code);
  return (
    <RecordModal
      button={t('sel.score.action')}
      title={t('sel.score.title', { name: n.name })}
      fields={['conflict', ...round.criteria.map((c) => c.code)]}
      initial={initial}
      submit={(v) =>
        api.scoreNomination(
          n.id,
          v.conflict
            ? { conflict: true }
            : {
                lines: round.criteria.map((c) => ({ criterion: c.code, points: v[c.code] ?? 0 })),
              },
        )
      }
    >
      {round.criteria.map((c) => (
        <Form.Item key={c.code} name={c.code} label={`${c.name} (0–${c.max_points})`}>
          <InputNumber min={0} max={c.max_points} precision={0} />
        </Form.Item>
      ))}
      <Form.Item name="conflict" valuePropName="checked">
        <Checkbox>{t('sel.conflict')}</Checkbox>
      </Form.Item>
    </RecordModal>
  );
}

export function SelectionRoundPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const { session } = useSession();
  const province = useProvinceName();
  const place = useRoundPlace();
  const q = useQuery({
    meta: SHOWN_HERE,
    queryKey: ['selection', 'one', id],
    queryFn: () => api.selectionRound(Number(id)),
  });
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  if (!r) return <Skeleton active paragraph={{ rows: 6 }} />;
  const own = session?.scope_province_2025;
  const member = r.members.some((m) => m.user_id === session?.user.id);
  const manages =
    can('manage_products') &&
    (!own || (['commune', 'district', 'provincial'].includes(r.level) && r.province_2025 === own));
  const scores = r.nominations.some((n) => n.result);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading
        title={r.name}
        actions={
          <Space wrap>
            {can('manage_products') && r.open && <NominateForm round={r} />}
            {manages && r.status === 'open' && (
              <RecordModal
                button={t('sel.conclude')}
                title={t('sel.conclude')}
                fields={['recognized_on']}
                submit={(v) => api.concludeSelection(r.id, v)}
              >
                <Form.Item
                  name="recognized_on"
                  label={t('sel.recognizedOn')}
                  rules={[{ required: true, message: t('form.required') }]}
                >
                  <DateInput />
                </Form.Item>
              </RecordModal>
            )}
          </Space>
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('sel.level')}>
          {`${t(`product.level.${r.level}`)}${place(r)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <Tag color={r.status === 'open' ? '#0958d9' : '#237804'}>
            {t(`sel.status.${r.status}`)}
          </Tag>
          {r.recognized_on ? formatDate(r.recognized_on) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('sel.closesOn')}>{formatDate(r.closes_on)}</Descriptions.Item>
        <Descriptions.Item label={t('sel.passMark')}>{r.pass_mark}</Descriptions.Item>
        <Descriptions.Item label={t('sel.criteria')}>
          {r.criteria.map((c) => `${c.name}: ${t('sel.points', { n: c.max_points })}`).join('; ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sel.council')}>
          {r.members.map((m) => `${m.name} (${t(`sel.role.${m.role}`)})`).join(', ')}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('sel.nominations')}>
        <ResponsiveTable<Nomination>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.nominations}
          columns={[
            ...(scores
              ? [{ title: t('sel.rank'), dataIndex: ['result', 'rank'], align: 'right' as const }]
              : []),
            { title: t('product.name'), dataIndex: 'name' },
            {
              title: t('product.facility'),
              dataIndex: 'facility_name',
              render: (f: string, n: Nomination) => (
                <Link to={`/facilities/${n.facility_id}`}>{f}</Link>
              ),
            },
            {
              title: t('province'),
              dataIndex: 'province_2025',
              render: (code: string) => province({ set: '2025', code }),
            },
            ...(scores
              ? [
                  {
                    title: t('sel.score'),
                    dataIndex: ['result', 'score'],
                    align: 'right' as const,
                    render: (_: number, n: Nomination) =>
                      n.result?.scored ? (
                        <Space size={4}>
                          {n.result.score.toLocaleString('vi-VN')}
                          <Tag color={n.result.passed ? '#237804' : '#ad4e00'}>
                            {t(n.result.passed ? 'sel.passed' : 'sel.failed')}
                          </Tag>
                        </Space>
                      ) : (
                        t('sel.notScored')
                      ),
                  },
                  {
                    title: t('sel.counted'),
                    dataIndex: ['result', 'counted'],
                    align: 'right' as const,
                  },
                ]
              : []),
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: string, n: Nomination) =>
                n.typical_product_id ? (
                  <Link to={`/products?q=${encodeURIComponent(n.name)}`}>
                    {t(`sel.nstatus.${s}`)}
                  </Link>
                ) : (
                  t(`sel.nstatus.${s}`)
                ),
            },
            ...(member && r.status === 'open'
              ? [
                  {
                    title: t('sel.myScore'),
                    dataIndex: 'my_sheet',
                    render: (_: unknown, n: Nomination) => (
                      <Space size={8} wrap>
                        {n.my_sheet &&
                          (n.my_sheet.conflict
                            ? t('sel.conflicts')
                            : n.my_sheet.lines.reduce((s, l) => s + l.points, 0))}
                        <ScoreForm round={r} n={n} />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
