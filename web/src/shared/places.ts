// Provinces in words: "Hà Tây (nay thuộc Hà Nội)" for a province of the 63-province set that
// was merged in 2025.
import { useI18n } from './i18n';
import { byCode, useLabel, useReference } from './reference';
import type { ProvinceRef } from './types';

export function useProvinceName() {
  const { t } = useI18n();
  const label = useLabel();
  const p2008 = byCode(useReference('provinces-2008'));
  const p2025 = byCode(useReference('provinces-2025'));
  return (p: ProvinceRef): string => {
    if (p.set === '2025') return label(p2025.get(p.code), p.code);
    const old = p2008.get(p.code);
    const name = label(old, p.code);
    const now = old ? p2025.get(String(old.code_2025)) : undefined;
    return now && label(now) !== name ? `${name} (${t('nowIn')} ${label(now)})` : name;
  };
}
