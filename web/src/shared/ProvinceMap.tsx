// Money by province on the map of the 34 provinces (2025) or of the 63 before the merger (2008):
// each province shaded by its amount, the amount and the name in the tooltip. The boundaries (data/geo, simplified from the
// reference data: see data/SOURCES.md) load on first use, so that no other page carries them.
// With `onSelect`, a click on a province gives its code (the dashboard opens its profile).
import { useQuery } from '@tanstack/react-query';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from './Chart';
import { formatVnd } from './format';

echarts.use([MapChart, VisualMapComponent]);

async function loadMap(set: string) {
  const name = `vn-${set}`;
  if (!echarts.getMap(name)) {
    const r = await fetch(`${import.meta.env.BASE_URL}geo/provinces-${set}.json`);
    if (!r.ok) throw new Error(`map: ${r.status}`);
    echarts.registerMap(name, await r.json());
  }
  return true;
}

/** The boundaries of `set`, loaded once. */
export const geoQuery = (set: '2025' | '2008') => ({
  queryKey: ['geo', set],
  queryFn: () => loadMap(set),
  staleTime: Infinity,
});

export function ProvinceMap({
  amounts,
  names,
  label,
  height = 420,
  onSelect,
  set = '2025',
  format = formatVnd,
  scale = true,
}: {
  amounts: Map<string, number>; // by province code of `set`
  names: Map<string, string>;
  label: string;
  height?: number;
  onSelect?: (code: string) => void;
  set?: '2025' | '2008';
  format?: (value: number) => string;
  scale?: boolean; // the colour scale under the map
}) {
  const ready = useQuery(geoQuery(set));
  const option = useMemo<ChartOption>(() => {
    const values = [...amounts.values()];
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) => {
          const name = names.get(p.name) ?? p.name;
          const value = format(Number.isFinite(p.value) ? p.value : 0);
          return value ? `${name}: ${value}` : name;
        },
      },
      visualMap: {
        show: scale,
        min: 0,
        max: Math.max(1, ...values),
        calculable: false,
        orient: 'horizontal',
        left: 'left',
        bottom: 0,
        text: [format(Math.max(0, ...values)), format(0)],
        inRange: { color: ['#e6f4ff', '#0958d9', '#002c8c'] },
      },
      series: [
        {
          type: 'map',
          map: `vn-${set}`,
          nameProperty: 'code',
          roam: true,
          emphasis: { label: { show: false } },
          data: [...names.keys()].map((code) => ({ name: code, value: amounts.get(code) ?? 0 })),
        },
      ],
    };
  }, [amounts, names, set, format, scale]);
  if (!ready.data) return <div style={{ height }} aria-busy="true" />;
  return <Chart option={option} label={label} height={height} onSelect={onSelect} />;
}
