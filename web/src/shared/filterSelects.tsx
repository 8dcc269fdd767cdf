// The reference filters every list and board shares: a province (of either province set) and
// a content of activity, searchable without diacritics, labelled in the user's language.
import { Select } from 'antd';
import { useI18n } from './i18n';
import { searchWithoutDiacritics } from './lists';
import { useLabel, useReference } from './reference';

type FilterProps = {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  width?: number;
};

export function ProvinceSelect({
  value,
  onChange,
  width = 200,
  set = '2025',
}: FilterProps & { set?: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const provinces = useReference(`provinces-${set}`);
  return (
    <Select
      allowClear
      aria-label={t('province')}
      placeholder={t('province')}
      style={{ width }}
      value={value}
      onChange={onChange}
      options={provinces.map((p) => ({ value: String(p.code), label: label(p) }))}
      {...searchWithoutDiacritics}
    />
  );
}

export function ContentSelect({ value, onChange, width }: FilterProps) {
  const { t } = useI18n();
  const label = useLabel();
  const contents = useReference('contents');
  return (
    <Select
      allowClear
      aria-label={t('content')}
      placeholder={t('content')}
      style={width ? { width } : undefined}
      value={value}
      onChange={onChange}
      options={contents.map((c) => ({ value: String(c.code), label: `${c.code} — ${label(c)}` }))}
      {...searchWithoutDiacritics}
    />
  );
}
