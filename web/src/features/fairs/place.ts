// Where a fair is held, in words: its province (with "nay thuộc …" for a merged one), or the
// country abroad.
import { useI18n } from '../../shared/i18n';
import { useProvinceName } from '../../shared/places';
import type { Fair } from '../../shared/types';

export function useFairPlace() {
  const { t } = useI18n();
  const province = useProvinceName();
  return (f: Fair) =>
    f.abroad ? `${t('fair.abroad')}: ${f.country ?? ''}` : f.province ? province(f.province) : '';
}
