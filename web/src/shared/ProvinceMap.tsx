// Money by province on the map of the 34 provinces (2025) or of the 63 before the merger (2008):
// each province shaded by its amount, the amount and the name in the tooltip. The boundaries
// load on first use (./geo). Screens take it from ./charts, which loads this module and ECharts
// on their own. With `onSelect`, a click on a province gives its code (the dashboard opens its
// profile).
import { useQuery } from '@tanstack/react-query';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from './Chart';
import { formatVnd } from './format';
import { geoQuery } from './geo';

echarts.use([MapChart, VisualMapComponent]);

/** Registers the boundaries `name` once (./geo loads them). Only once the map chart is in use
 *  does ECharts keep them: hence here, not beside the bar charts. */
export function registerBoundaries(name: string, geoJson: () => Promise<unknown>) {
  if (echarts.getMap(name)) return Promise.resolve();
  return geoJson().then((json) =>
    echarts.registerMap(name, json as Parameters<typeof echarts.registerMap>[1]),
  );
}

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
