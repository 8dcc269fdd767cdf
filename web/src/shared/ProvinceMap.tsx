// Money by province on the map of the 34 provinces (2025): each province shaded by its amount,
// the amount and the name in the tooltip. The boundaries (data/geo, simplified from the
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

const MAP = 'vn-2025';

async function loadMap() {
  if (!echarts.getMap(MAP)) {
    const r = await fetch('/geo/provinces-2025.json');
    if (!r.ok) throw new Error(`map: ${r.status}`);
    echarts.registerMap(MAP, await r.json());
  }
  return true;
}

export function ProvinceMap({
  amounts,
  names,
  label,
  height = 420,
  onSelect,
}: {
  amounts: Map<string, number>; // by 2025 province code
  names: Map<string, string>;
  label: string;
  height?: number;
  onSelect?: (code: string) => void;
}) {
  const ready = useQuery({ queryKey: ['geo', MAP], queryFn: loadMap, staleTime: Infinity });
  const option = useMemo<ChartOption>(() => {
    const values = [...amounts.values()];
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${names.get(p.name) ?? p.name}: ${formatVnd(Number.isFinite(p.value) ? p.value : 0)}`,
      },
      visualMap: {
        min: 0,
        max: Math.max(1, ...values),
        calculable: false,
        orient: 'horizontal',
        left: 'left',
        bottom: 0,
        text: [formatVnd(Math.max(0, ...values)), '0'],
        inRange: { color: ['#e6f4ff', '#0958d9', '#002c8c'] },
      },
      series: [
        {
          type: 'map',
          map: MAP,
          nameProperty: 'code',
          roam: true,
          emphasis: { label: { show: false } },
          data: [...names.keys()].map((code) => ({ name: code, value: amounts.get(code) ?? 0 })),
        },
      ],
    };
  }, [amounts, names]);
  if (!ready.data) return <div style={{ height }} aria-busy="true" />;
  return <Chart option={option} label={label} height={height} onSelect={onSelect} />;
}
