// What the plan builder's API tests share: the 2019 round's scenario on the demo, with
// changes, the two scenarios they save, and a sum over a list.
import assert from 'node:assert/strict';

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

// The two scenarios plans.test.mjs saves and compares, and decisions.test.mjs decides from.
export const BY_SCORE = () => scenario({ name: 'Theo điểm' });
export const FOCUSED = () => scenario({ name: 'Tập trung', envelope_vnd: 110_000_000_000 });

// Saves `body` as a scenario through `api` (a session): the answer, checked to be a 201.
export async function saveScenario(api, body) {
  const r = await api('POST', '/api/v1/plans/scenarios', body);
  assert.equal(r.status, 201, r.text);
  return r;
}
