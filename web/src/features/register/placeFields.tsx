// The fields of an organization or a facility and what the API takes from them: shared by
// the place form and the "register a new facility" dialog of a proposal.
import { Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../shared/i18n';
import { searchWithoutDiacritics } from '../../shared/lists';
import { useLabel, useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import type { Facility } from '../../shared/types';
import { PLACES, type PlaceKind } from './places';

export type Values = Omit<Partial<Facility>, 'province'> & {
  province_set: '2008' | '2025';
  province_code: string;
  reason?: string;
};

export const PLACE_FIELDS = new Set([
  'name',
  'kind',
  'province',
  'address',
  'tax_code',
  'commune',
  'industry',
  'employees',
]);

/** The API's body from the form's values. */
export function placeBody(v: Values) {
  const { province_set, province_code, ...rest } = v;
  return { ...rest, province: { set: province_set, code: province_code } };
}

/** The fields of an organization or a facility (inside a Form whose values are `Values`):
 * the place form's and the "register a new facility" dialog's. */
export function PlaceFields({ kind }: { kind: PlaceKind }) {
  const spec = PLACES[kind];
  const { t } = useI18n();
  const label = useLabel();
  const { session } = useSession();
  const form = Form.useFormInstance<Values>();
  const set = Form.useWatch('province_set', form) ?? '2025';
  const own = session?.scope_province_2025;
  const provinces = useReference(`provinces-${set}`).filter(
    (p) => !own || String(set === '2025' ? p.code : p.code_2025) === own,
  );
  const required = [{ required: true, message: t('form.required') }];
  return (
    <>
      <Form.Item name="name" label={t('name')} rules={required}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Select
            style={{ width: 280 }}
            options={spec.kinds.map((k) => ({ value: k, label: t(`${spec.kindWord}.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="province_set" label={t('provinceSet')}>
          <Select
            style={{ width: 230 }}
            onChange={() => form.setFieldValue('province_code', undefined)}
            options={[
              { value: '2025', label: t('set2025') },
              { value: '2008', label: t('set2008') },
            ]}
          />
        </Form.Item>
        <Form.Item name="province_code" label={t('province')} rules={required}>
          <Select
            style={{ width: 220 }}
            options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
            {...searchWithoutDiacritics}
          />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t('address')}>
        <Input />
      </Form.Item>
      <Form.Item name="tax_code" label={t('taxCode')}>
        <Input style={{ width: 220 }} />
      </Form.Item>
      {kind === 'facilities' && (
        <>
          <Space wrap>
            <Form.Item name="commune" label={t('commune')}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="industry" label={t('industry')}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="employees" label={t('employees')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="craft_village" valuePropName="checked">
              <Checkbox>{t('craftVillage')}</Checkbox>
            </Form.Item>
            <Form.Item name="women_owned" valuePropName="checked">
              <Checkbox>{t('womenOwned')}</Checkbox>
            </Form.Item>
            <Form.Item name="ethnic_minority_workers" valuePropName="checked">
              <Checkbox>{t('ethnicWorkers')}</Checkbox>
            </Form.Item>
          </Space>
        </>
      )}
    </>
  );
}
