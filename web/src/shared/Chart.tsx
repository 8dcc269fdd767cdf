// Apache ECharts, with only the parts the screens use (bar charts, SVG renderer), so that the
// chunk stays small. The chart follows its container's width and is described for screen
// readers by `label`. `onSelect` hears a click on a data item (its name).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function Chart({
  option,
  label,
  height = 240,
  onSelect,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  onSelect?: (name: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const select = useRef(onSelect);
  select.current = onSelect;
  // Drawn once the page around it has painted (a frame, then a task of its own): drawing takes
  // tens of milliseconds per chart, which the page's figures and tables need not wait for.
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let resize: ResizeObserver | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const c = echarts.init(node, undefined, { renderer: 'svg' });
        c.setOption(latest.current);
        c.on('click', (p) => select.current?.(String((p as { name?: string }).name ?? '')));
        resize = new ResizeObserver(() => c.resize());
        resize.observe(node);
        chart.current = c;
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  // A new option replaces the drawn one (the chart stays: no blank between the two).
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
