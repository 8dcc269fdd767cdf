// The reference filters every list and board shares: a province (of either province set),
// a content of activity and a year, searchable without diacritics, labelled in the user's language.
import { Select } from 'antd';
import { useI18n } from './i18n';
import { searchWithoutDiacritics } from './lists';
import { useLabel, useReference } from './reference';

type FilterProps = {
  value?: string;
  onChange?: (v: string | undefined) => void;
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

/** A year, from the program's first records (2012) to next year, newest first; clearable. */
export function YearSelect({
  value,
  onChange,
}: {
  value?: number;
  onChange: (year?: number) => void;
}) {
  const { t } = useI18n();
  const years: number[] = [];
  for (let y = new Date().getFullYear() + 1; y >= 2012; y -= 1) years.push(y);
  return (
    <Select
      aria-label={t('year')}
      placeholder={t('year')}
      allowClear
      style={{ width: 140 }}
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: String(y) }))}
    />
  );
}
