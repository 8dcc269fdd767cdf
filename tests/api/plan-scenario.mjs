// What the plan builder's API tests share: the 2019 round's scenario on the demo, with
// changes, and a sum over a list.
export const scenario = (extra = {}) => ({
  name: 'Phương án 1',
  program: 'KCQG-2019',
  weights: [{ dimension: 'region', key: 'TDMNPB', factor: 1.2 }],
  limits: [
    { dimension: 'province_2008', key: '*', max_vnd: 4_800_000_000 },
    { dimension: 'content', key: '*', min_vnd: 4_800_000_000 },
    { dimension: 'region', key: 'TDMNPB', min_share: 0.15 },
  ],
  bundles: 'all_or_none',
  force_in: [],
  force_out: [],
  partial: { allowed: false, min_share: 0.7 },
  ...extra,
});

export function sum(items, f) {
  return items.reduce((a, x) => a + f(x), 0);
}
