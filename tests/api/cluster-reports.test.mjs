// The industrial clusters' half-year and year reports: a province records its clusters'
// reports (one per period, received within the window, late past the dated deadline), the
// register changes only when the province compiles its period, and the national view counts
// per province who reported, who was late and who is missing, equal to the reports listed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s, dept, hanoi, hcm;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  hcm = await s.session('province-79');
});
after(() => s.stop());

const codes = (r) => (r.json.errors ?? []).map((e) => [e.field, e.code]);
const setting = async (key) =>
  (await dept('GET', '/api/v1/reference/rules')).json.items.find(
    (r) => r.rule_key === key && !r.valid_to,
  ).value_text;

test("the demo's national view of a period agrees with the reports listed", async () => {
  const sum = await dept('GET', '/api/v1/cluster-reports/summary?year=2026&kind=half');
  assert.equal(sum.status, 200, sum.text);
  const { provinces, totals } = sum.json;
  assert.ok(provinces.length > 1);
  assert.equal(sum.json.due_on, `2026-${await setting('ccn_report_half_due')}`);
  assert.equal(sum.json.window.from, `2025-${await setting('ccn_report_window_start')}`);
  const listed = (await dept('GET', '/api/v1/cluster-reports?year=2026&kind=half&page_size=100'))
    .json.items;
  assert.equal(totals.reported, listed.length);
  assert.equal(totals.late, listed.filter((r) => r.late).length);
  assert.ok(totals.late > 0 && totals.missing > 0, 'the demo has late and missing reports');
  const clusters = (await dept('GET', '/api/v1/clusters?page_size=100')).json;
  assert.equal(totals.clusters, totals.reported + totals.missing);
  assert.equal(totals.clusters, clusters.total, 'every demo cluster must report');
  for (const p of provinces) {
    const mine = listed.filter((r) => r.province_2025 === p.province_2025);
    assert.equal(p.reported, mine.length, p.province_2025);
    assert.equal(
      p.tenants,
      mine.reduce((n, r) => n + r.tenants, 0),
    );
    // Compiled provinces have every report compiled, and the register shows their figures.
    if (p.compiled_on) {
      for (const r of mine) {
        assert.equal(r.status, 'compiled');
        const c = (await dept('GET', `/api/v1/clusters/${r.cluster_id}`)).json;
        assert.equal(c.tenants, r.tenants);
        assert.equal(c.leased_land_ha, r.leased_land_ha);
        assert.ok(c.reports.some((x) => x.id === r.id));
      }
    }
  }
  assert.ok(totals.provinces_compiled > 0 && totals.provinces_compiled < provinces.length);
});

test('a province records, corrects and compiles its own cluster; the register follows', async () => {
  const made = await hanoi('POST', '/api/v1/clusters', {
    code: 'CCN-HN-BC',
    name: 'Cụm công nghiệp Thanh Oai',
    province: { set: '2025', code: '01' },
    status: 'operating',
    established_on: '01/03/2020',
    area_ha: 40,
    industrial_land_ha: 30,
    leased_land_ha: 10,
    tenants: 5,
    workers: 300,
  });
  assert.equal(made.status, 201, made.text);
  const cluster = made.json;
  const report = (over = {}) => ({
    cluster_id: cluster.id,
    year: 2026,
    kind: 'half',
    received_on: '25/06/2026',
    tenants: 9,
    tenant_reports: 7,
    workers: 640,
    leased_land_ha: 18.5,
    wastewater_done: true,
    investment_vnd: 2_000_000_000,
    ...over,
  });
  // Bad figures, a day outside the window, another province: named, nothing written.
  const bad = await hanoi(
    'POST',
    '/api/v1/cluster-reports',
    report({ leased_land_ha: 31, received_on: '2025-12-01', tenant_reports: 12, kind: 'q3' }),
  );
  assert.equal(bad.status, 422);
  assert.deepEqual(codes(bad).sort(), [
    ['kind', 'one_of'],
    ['tenant_reports', 'between'],
  ]);
  const bad2 = await hanoi(
    'POST',
    '/api/v1/cluster-reports',
    report({ leased_land_ha: 31, received_on: '2025-12-01' }),
  );
  assert.deepEqual(codes(bad2).sort(), [
    ['leased_land_ha', 'between'],
    ['received_on', 'outside_window'],
  ]);
  assert.deepEqual(codes(await hcm('POST', '/api/v1/cluster-reports', report())), [
    ['cluster_id', 'own_province'],
  ]);
  assert.equal(
    (await dept('GET', `/api/v1/cluster-reports?q=Thanh Oai&year=2026`)).json.total,
    0,
    'nothing written',
  );

  const rec = await hanoi('POST', '/api/v1/cluster-reports', report());
  assert.equal(rec.status, 201, rec.text);
  assert.equal(rec.json.due_on, `2026-${await setting('ccn_report_half_due')}`);
  assert.equal(rec.json.late, rec.json.received_on > rec.json.due_on);
  assert.equal(rec.json.late, true, '25 June is after the deadline');
  assert.equal(rec.json.status, 'received');
  assert.equal(rec.json.occupancy_pct, Math.round((18.5 / 30) * 1000) / 10);
  const twice = await hanoi('POST', '/api/v1/cluster-reports', report());
  assert.deepEqual(codes(twice), [['cluster_id', 'already_reported']]);
  assert.equal(twice.json.errors[0].params.id, String(rec.json.id));
  let c = (await hanoi('GET', `/api/v1/clusters/${cluster.id}`)).json;
  assert.equal(c.tenants, 5, 'the register waits for the compilation');

  // Another province can neither correct nor compile it.
  const fix = { ...report({ tenants: 10, tenant_reports: 8 }), version: rec.json.version };
  assert.equal((await hcm('PUT', `/api/v1/cluster-reports/${rec.json.id}`, fix)).status, 404);
  const away = await hcm('POST', '/api/v1/cluster-reports/compile', {
    year: 2026,
    kind: 'half',
    province: '01',
  });
  assert.deepEqual(codes(away), [['province', 'own_province']]);

  const compiled = await hanoi('POST', '/api/v1/cluster-reports/compile', {
    year: 2026,
    kind: 'half',
  });
  assert.equal(compiled.status, 201, compiled.text);
  assert.equal(compiled.json.province_2025, '01');
  assert.equal(compiled.json.compiled_now, 1);
  assert.ok(compiled.json.late >= 1);
  c = (await hanoi('GET', `/api/v1/clusters/${cluster.id}`)).json;
  assert.deepEqual(
    [c.tenants, c.workers, c.leased_land_ha, c.wastewater_done],
    [9, 640, 18.5, true],
  );
  assert.equal(c.reports[0].status, 'compiled');

  // A correction goes back to "received" and reaches the register at the next compilation.
  const stale = await hanoi('PUT', `/api/v1/cluster-reports/${rec.json.id}`, fix);
  assert.equal(stale.status, 409, 'the compilation moved the version on');
  const now = (await hanoi('GET', `/api/v1/cluster-reports/${rec.json.id}`)).json;
  const fixed = await hanoi('PUT', `/api/v1/cluster-reports/${rec.json.id}`, {
    ...fix,
    version: now.version,
  });
  assert.equal(fixed.status, 200, fixed.text);
  assert.equal(fixed.json.status, 'received');
  await hanoi('POST', '/api/v1/cluster-reports/compile', { year: 2026, kind: 'half' });
  assert.equal((await hanoi('GET', `/api/v1/clusters/${cluster.id}`)).json.tenants, 10);
  const one = await dept('GET', '/api/v1/cluster-reports/summary?year=2026&kind=half&province=01');
  assert.equal(one.json.provinces.length, 1);
  assert.ok(one.json.provinces[0].compiled_on);
});

test('the national view needs its period; a bad one is named', async () => {
  const none = await dept('GET', '/api/v1/cluster-reports/summary');
  assert.equal(none.status, 422);
  assert.deepEqual(
    codes(none)
      .map((c) => c[0])
      .sort(),
    ['kind', 'year'],
  );
  const bad = await dept('GET', '/api/v1/cluster-reports/summary?year=2026&kind=quarter');
  assert.deepEqual(codes(bad), [['kind', 'one_of']]);
  const listBad = await dept('GET', '/api/v1/cluster-reports?status=lost');
  assert.deepEqual(codes(listBad), [['status', 'one_of']]);
});
