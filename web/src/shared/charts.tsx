// The charts and the map, as screens use them. Apache ECharts is the app's largest script (half
// a megabyte): a page that imported it directly could not run, nor show its figures and tables,
// before that script had come and run. Here each chart's code is a chunk of its own, asked for
// as soon as a page that draws charts loads, and drawn once it has come; until then a box of the
// chart's height holds its place, so that nothing on the page moves.
import { Alert } from 'antd';
import { useEffect, useState, type ComponentType, type CSSProperties } from 'react';
import { useI18n } from './i18n';
import type { Chart as ChartOf } from './Chart';
import type { ProvinceMap as ProvinceMapOf } from './ProvinceMap';

export type { ChartOption } from './Chart';
export { geoQuery } from './geo';

// A component loaded on its own. No Suspense: React holds a page back until 300 ms after a
// fallback showed, and a chart's late code must not delay the rest of the page.
function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  box: (props: P) => CSSProperties,
) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P> | undefined> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      // Failed: the next chart drawn asks again (the browser may keep the failure until a reload).
      () => (pending = undefined),
    ));
  function Deferred(props: P) {
    const { t } = useI18n();
    const [state, setState] = useState<'loading' | 'ready' | 'failed'>(
      loaded ? 'ready' : 'loading',
    );
    useEffect(() => {
      if (loaded) return;
      let live = true;
      void preload().then((c) => live && setState(c ? 'ready' : 'failed'));
      return () => {
        live = false;
      };
    }, []);
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    // The line down or the server failing: said where the chart would be.
    if (state === 'failed')
      return (
        <div style={box(props)}>
          <Alert type="warning" showIcon message={t('loadFailed.chart')} />
        </div>
      );
    return <div style={box(props)} aria-busy="true" />;
  }
  return Object.assign(Deferred, { preload });
}

export const Chart = deferred<Parameters<typeof ChartOf>[0]>(
  () => import('./Chart').then((m) => m.Chart),
  ({ height = 240 }) => ({ width: '100%', height }),
);

export const ProvinceMap = deferred<Parameters<typeof ProvinceMapOf>[0]>(
  () => import('./ProvinceMap').then((m) => m.ProvinceMap),
  ({ height = 420 }) => ({ width: '100%', height }),
);

/** Asks for the charts' code ahead (a page that draws charts calls it as it loads). */
export function preloadCharts(map = false) {
  void Chart.preload();
  if (map) void ProvinceMap.preload();
}
