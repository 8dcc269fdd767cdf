// The form of a fair, to register one or correct it: held in Vietnam (a province of the 34,
// a province user's own only) or abroad (a country). Server errors land on their fields.
import { Checkbox, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../shared/api';
import { DateInput } from '../../shared/forms';
import { useI18n } from '../../shared/i18n';
import { searchWithoutDiacritics } from '../../shared/lists';
import { RecordModal } from '../../shared/RecordModal';
import { useLabel, useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import type { Fair } from '../../shared/types';

const FIELDS = ['code', 'name', 'place', 'abroad', 'country', 'province', 'starts_on', 'ends_on'];

function Fields() {
  const { t } = useI18n();
  const label = useLabel();
  const { session } = useSession();
  const own = session?.scope_province_2025;
  const abroad = Form.useWatch('abroad');
  const provinces = useReference('provinces-2025').filter((p) => !own || String(p.code) === own);
  const required = [{ required: true, message: t('form.required') }];
  return (
    <>
      <Space wrap>
        <Form.Item name="code" label={t('code')} rules={required}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="abroad" valuePropName="checked" label=" ">
          <Checkbox disabled={!!own}>{t('fair.abroad')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="name" label={t('fair.name')} rules={required}>
        <Input />
      </Form.Item>
      {abroad ? (
        <Form.Item name="country" label={t('fair.country')} rules={required}>
          <Input style={{ width: 260 }} />
        </Form.Item>
      ) : (
        <Form.Item name="province" label={t('province')} rules={required}>
          <Select
            style={{ width: 260 }}
            options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
            {...searchWithoutDiacritics}
          />
        </Form.Item>
      )}
      <Form.Item name="place" label={t('fair.place')} rules={required}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="starts_on" label={t('fair.startsOn')} rules={required}>
          <DateInput />
        </Form.Item>
        <Form.Item name="ends_on" label={t('fair.endsOn')} rules={required}>
          <DateInput />
        </Form.Item>
      </Space>
      <Form.Item name="organizer" label={t('fair.organizer')} rules={required}>
        <Input />
      </Form.Item>
    </>
  );
}

/** "Thêm hội chợ", or "Sửa" for `fair` (the reason asked for). */
export function FairForm({ fair }: { fair?: Fair }) {
  const { t } = useI18n();
  const { session } = useSession();
  const initial = fair
    ? {
        ...fair,
        province: fair.province_2025 ?? undefined,
        starts_on: dayjs(fair.starts_on),
        ends_on: dayjs(fair.ends_on),
      }
    : { province: session?.scope_province_2025 ?? undefined };
  return (
    <RecordModal
      button={fair ? t('edit') : t('fair.new')}
      title={fair ? fair.name : t('fair.new')}
      fields={FIELDS}
      initial={initial}
      submit={(v) => {
        const body = {
          code: v.code,
          name: v.name,
          place: v.place,
          organizer: v.organizer,
          starts_on: v.starts_on,
          ends_on: v.ends_on,
          abroad: !!v.abroad,
          ...(v.abroad ? { country: v.country } : { province: { set: '2025', code: v.province } }),
          ...(fair ? { project_id: fair.project_id, version: fair.version, reason: v.reason } : {}),
        };
        return fair ? api.updateFair(fair.id, body) : api.createFair(body);
      }}
    >
      <Fields />
      {fair && (
        <Form.Item name="reason" label={t('reason')}>
          <Input />
        </Form.Item>
      )}
    </RecordModal>
  );
}
