// The provinces' boundaries for the map (data/geo, simplified from the reference data: see
// data/SOURCES.md), loaded on first use so that no other page carries them. A page may ask for
// them ahead (`prefetchQuery(geoQuery(set))`) without loading the map's code first: the map's
// chunk (ECharts) comes with the boundaries, on its own.
async function loadMap(set: string) {
  const [map, r] = await Promise.all([
    import('./ProvinceMap'), // the map's code, which ECharts needs to keep the boundaries
    fetch(`${import.meta.env.BASE_URL}geo/provinces-${set}.json`),
  ]);
  await map.registerBoundaries(`vn-${set}`, () => {
    if (!r.ok) throw new Error(`map: ${r.status}`);
    return r.json();
  });
  return true;
}

/** The boundaries of `set`, loaded once. */
export const geoQuery = (set: '2025' | '2008') => ({
  queryKey: ['geo', set],
  queryFn: () => loadMap(set),
  staleTime: Infinity,
});
