// Where a selection round is held, as words: " — <area>" for a regional round, " — <province>"
// for a provincial one, nothing for the national round.
import { useLabel, useReference } from '../../shared/reference';
import { useProvinceName } from '../../shared/places';
import type { SelectionRound } from '../../shared/types';

export function useRoundPlace(): (r: SelectionRound) => string {
  const label = useLabel();
  const areas = useReference('areas');
  const province = useProvinceName();
  return (r) => {
    if (r.area_code) {
      const area = areas.find((a) => String(a.code) === r.area_code);
      return ` — ${area ? label(area, r.area_code) : r.area_code}`;
    }
    if (r.province_2025) return ` — ${province({ set: '2025', code: r.province_2025 })}`;
    return '';
  };
}
