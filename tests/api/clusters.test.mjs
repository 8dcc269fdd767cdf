// The register of industrial clusters: a province registers its own; areas in hectares with the
// leased land within the industrial land; the rules' checks come back as flags computed from
// the province's other clusters and the dated settings; updates need the version read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s;
let dept;
let hanoi;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
});
after(() => s.stop());

const cluster = (overrides = {}) => ({
  code: 'CCN-HN-TEST',
  name: 'Cụm công nghiệp Phú Nghĩa mở rộng',
  province: { set: '2025', code: '01' },
  status: 'expanded',
  established_on: '01/08/2024',
  area_ha: 60.5,
  industrial_land_ha: 42,
  leased_land_ha: 21,
  roads_done: true,
  water_done: true,
  wastewater_done: false,
  tenants: 12,
  workers: 900,
  ...overrides,
});
const codes = (r) => (r.json.errors ?? []).map((e) => [e.field, e.code]);
const rules = async () =>
  Object.fromEntries(
    (await dept('GET', '/api/v1/reference/rules')).json.items
      .filter((r) => r.rule_key.startsWith('ccn_') && !r.valid_to)
      .map((r) => [r.rule_key, Number(r.value_text)]),
  );

test('bad areas, another province and unknown projects are named; nothing is written', async () => {
  const before = (await dept('GET', '/api/v1/clusters?page_size=1')).json.total;
  const r = await hanoi('POST', '/api/v1/clusters', cluster({ leased_land_ha: 50, area_ha: -1 }));
  assert.equal(r.status, 422);
  assert.deepEqual(
    codes(r)
      .map((c) => c[0])
      .sort(),
    ['area_ha', 'industrial_land_ha', 'leased_land_ha'],
  );
  const away = await hanoi(
    'POST',
    '/api/v1/clusters',
    cluster({ province: { set: '2025', code: '79' } }),
  );
  assert.deepEqual(codes(away), [['province', 'own_province']]);
  const project = await dept('POST', '/api/v1/clusters', cluster({ project_ids: [999999] }));
  assert.deepEqual(codes(project), [['project_ids/0', 'no_such_record']]);
  assert.equal((await dept('GET', '/api/v1/clusters?page_size=1')).json.total, before);
});

test('an expansion is flagged by the rules in force on its establishment date', async () => {
  const made = await hanoi('POST', '/api/v1/clusters', cluster());
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.occupancy_pct, 50);
  const detail = (await hanoi('GET', `/api/v1/clusters/${made.json.id}`)).json;
  const check = Object.fromEntries(detail.checks.map((c) => [c.code, c]));
  const r = await rules();
  // 50 % occupancy is below the expansion's threshold, and the wastewater works are unfinished.
  assert.equal(check.expansion_occupancy.ok, 50 >= r.ccn_expand_min_occupancy_pct);
  assert.equal(check.expansion_infrastructure.ok, false);
  assert.equal(check.area.ok, 60.5 >= r.ccn_area_min_ha && 60.5 <= r.ccn_area_max_ha);
  // When demand exceeds the land available and the works are done, the flags clear.
  const fixed = await hanoi('PUT', `/api/v1/clusters/${made.json.id}`, {
    ...cluster(),
    version: made.json.version,
    demand_exceeds_land: true,
    wastewater_done: true,
    reason: 'Hoàn thành trạm xử lý nước thải',
  });
  assert.equal(fixed.status, 200, fixed.text);
  const after = (await hanoi('GET', `/api/v1/clusters/${made.json.id}`)).json;
  assert.ok(
    after.checks.every((c) => c.ok),
    JSON.stringify(after.checks),
  );
  const stale = await hanoi('PUT', `/api/v1/clusters/${made.json.id}`, {
    ...cluster(),
    version: made.json.version,
  });
  assert.equal(stale.status, 409);
  const hcm = await s.session('province-79');
  assert.equal(
    (
      await hcm('PUT', `/api/v1/clusters/${made.json.id}`, {
        ...cluster(),
        version: fixed.json.version,
      })
    ).status,
    404,
  );
});

test("a new cluster is checked against the province's other clusters", async () => {
  const r = await rules();
  // Hà Nội's established clusters, as the register holds them.
  const all = (await dept('GET', '/api/v1/clusters?province=01&page_size=100')).json.items.filter(
    (c) => ['established', 'expanded', 'operating'].includes(c.status),
  );
  const made = await dept(
    'POST',
    '/api/v1/clusters',
    cluster({
      code: 'CCN-HN-NEW',
      status: 'in_list',
      established_on: undefined,
      leased_land_ha: 0,
    }),
  );
  assert.equal(made.status, 201, made.text);
  const check = (await dept('GET', `/api/v1/clusters/${made.json.id}`)).json.checks.find(
    (c) => c.code === 'establishment',
  );
  const land = all.reduce((a, c) => a + c.industrial_land_ha, 0);
  const leased = all.reduce((a, c) => a + c.leased_land_ha, 0);
  const mean =
    all.reduce(
      (a, c) => a + (c.industrial_land_ha ? (100 * c.leased_land_ha) / c.industrial_land_ha : 0),
      0,
    ) / all.length;
  assert.ok(check, 'Hà Nội has clusters, so the establishment rule applies');
  assert.equal(check.params.clusters, String(all.length));
  assert.equal(
    check.ok,
    mean > r.ccn_new_min_occupancy_pct || land - leased <= r.ccn_new_max_unleased_ha + 1e-9,
  );
});

test('the map counts the filter by province: the same clusters as the list', async () => {
  const all = (await dept('GET', '/api/v1/clusters?page_size=200')).json;
  const counted = {};
  for (const c of all.items) counted[c.province_2025] = (counted[c.province_2025] ?? 0) + 1;
  assert.deepEqual(all.totals.by_province, counted);
  const sum = Object.values(all.totals.by_province).reduce((a, b) => a + b, 0);
  assert.equal(sum, all.totals.clusters);
  const [code] = Object.keys(counted);
  const one = (await dept('GET', `/api/v1/clusters?province=${code}`)).json.totals.by_province;
  assert.deepEqual(one, { [code]: counted[code] });
});
