// The demo data set reproduces the public record of the 2018 national plan. The figures
// below are the published ones (the department's 2019 bulletin interview); the test reads
// them back through the API's own queries, and checks that the different queries agree.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startServer } from './server.mjs';

const PUBLIC_RECORD_2018 = {
  budget_vnd: 120_000_000_000,
  projects: 262,
  contracted: 262,
  completion_rate: 0.996,
  demo_model: 34,
  facility_tech_machinery: 166,
  fair_booth: 2000,
  typical_product_regional: 244,
  ccn_detailed_plan: 5,
  ccn_infrastructure: 6,
};

let server;
let api;
let program;
let stats;
before(async () => {
  server = await startServer({ demo: true });
  api = await server.session('ministry');
  const programs = await api('GET', '/api/v1/programs?year=2018&level=KCQG');
  program = programs.json.items[0];
  stats = (await api('GET', `/api/v1/projects/stats?program=${program.id}`)).json;
});
after(() => server.stop());

test('the 2018 national plan has the published budget and project counts', () => {
  assert.equal(program.budget_vnd, PUBLIC_RECORD_2018.budget_vnd);
  assert.equal(stats.projects, PUBLIC_RECORD_2018.projects);
  assert.equal(stats.requested_vnd, PUBLIC_RECORD_2018.budget_vnd);
});

test('the year completes from contract, acceptance and payment records', async () => {
  const c = (await api('GET', `/api/v1/completion?program=${program.id}`)).json;
  assert.equal(c.projects.planned, PUBLIC_RECORD_2018.projects);
  assert.equal(c.projects.contracted, PUBLIC_RECORD_2018.contracted);
  assert.equal(c.funds.plan_vnd, PUBLIC_RECORD_2018.budget_vnd);
  assert.equal(c.completion_rate, PUBLIC_RECORD_2018.completion_rate);
  // The figures are the records' own: the acceptances and payments listed add up to them.
  const all = async (path) => {
    const items = [];
    for (let page = 1; ; page += 1) {
      const r = (await api('GET', `${path}&page_size=100&page=${page}`)).json;
      items.push(...r.items);
      if (items.length >= r.total) return items;
    }
  };
  const acceptances = await all(`/api/v1/acceptances?program=${program.id}`);
  assert.equal(acceptances.length, c.projects.accepted);
  const accepted = acceptances.reduce((a, x) => a + x.accepted_vnd, 0);
  assert.equal(accepted, c.funds.accepted_vnd);
  assert.equal(c.completion_rate, Math.round((accepted / c.funds.plan_vnd) * 1e4) / 1e4);
  const payments = await all(`/api/v1/payments?program=${program.id}`);
  const net = payments.reduce((a, x) => a + (x.kind === 'recovery' ? -1 : 1) * x.amount_vnd, 0);
  assert.equal(net, c.funds.disbursed_vnd);
  // Every contract is settled: what was paid is what was accepted.
  assert.equal(net, accepted);
  const actual = Object.fromEntries(c.outputs.map((o) => [o.indicator, o.actual]));
  for (const k of [
    'demo_model',
    'facility_tech_machinery',
    'fair_booth',
    'typical_product_regional',
  ])
    assert.equal(actual[k], PUBLIC_RECORD_2018[k], k);
  // The projects' status follows their contracts: all settled, so all completed.
  const done = stats.by_status.find((g) => g.key === 'completed');
  assert.equal(done.projects, PUBLIC_RECORD_2018.projects);
});

test("the booths recorded at the year's fairs are the booths the acceptances counted", async () => {
  const c = (await api('GET', `/api/v1/completion?program=${program.id}`)).json;
  const accepted = c.outputs.find((o) => o.indicator === 'fair_booth').actual;
  const fairs = (await api('GET', '/api/v1/fairs?year=2018&page_size=100')).json;
  assert.equal(fairs.totals.booths, PUBLIC_RECORD_2018.fair_booth);
  assert.equal(fairs.totals.booths, accepted);
  assert.equal(fairs.items.length, fairs.totals.fairs);
  // Each fair's booths are its funding project's accepted booths, and its support fits in
  // what the acceptance accepted.
  const acceptances = [];
  for (let page = 1; acceptances.length < c.projects.accepted; page += 1)
    acceptances.push(
      ...(await api('GET', `/api/v1/acceptances?program=${program.id}&page_size=100&page=${page}`))
        .json.items,
    );
  const byProject = new Map(acceptances.map((a) => [a.project_id, a]));
  for (const f of fairs.items) {
    const a = byProject.get(f.project_id);
    assert.ok(a, f.code);
    assert.equal(f.booths, a.outputs.find((o) => o.indicator === 'fair_booth').actual, f.code);
    assert.ok(f.amount_vnd <= a.accepted_vnd, f.code);
  }
});

test('the products recognised at regional level in 2018 are those the acceptances counted', async () => {
  const c = (await api('GET', `/api/v1/completion?program=${program.id}`)).json;
  const accepted = c.outputs.find((o) => o.indicator === 'typical_product_regional').actual;
  const products = (
    await api('GET', '/api/v1/typical-products?year=2018&kind=regional&page_size=1')
  ).json;
  assert.equal(products.total, PUBLIC_RECORD_2018.typical_product_regional);
  assert.equal(products.by_level.regional, accepted);
  // Per area too: each selection project's products are its acceptance's.
  let sum = 0;
  for (const area of ['BAC', 'TRUNG', 'NAM'])
    sum += (await api('GET', `/api/v1/typical-products?year=2018&area=${area}&page_size=1`)).json
      .total;
  assert.equal(sum, accepted);
});

test("the year's cluster projects are the register's: each cluster links the project that supported it", async () => {
  const clusters = (await api('GET', '/api/v1/clusters?page_size=100')).json;
  const count = { ccn_detailed_plan: 0, ccn_infrastructure: 0 };
  for (const c of clusters.items) {
    const detail = (await api('GET', `/api/v1/clusters/${c.id}`)).json;
    for (const p of detail.projects.filter((x) => x.year === 2018))
      for (const k of Object.keys(count)) if (p.indicators.includes(k)) count[k] += 1;
  }
  assert.equal(count.ccn_detailed_plan, PUBLIC_RECORD_2018.ccn_detailed_plan);
  assert.equal(count.ccn_infrastructure, PUBLIC_RECORD_2018.ccn_infrastructure);
  const planned = Object.fromEntries(stats.outputs.map((o) => [o.indicator, o.quantity]));
  assert.equal(count.ccn_detailed_plan, planned.ccn_detailed_plan);
  assert.equal(count.ccn_infrastructure, planned.ccn_infrastructure);
});

test('expected outputs per indicator match the published results', () => {
  const out = Object.fromEntries(stats.outputs.map((o) => [o.indicator, o.quantity]));
  for (const k of [
    'demo_model',
    'facility_tech_machinery',
    'fair_booth',
    'typical_product_regional',
    'ccn_detailed_plan',
    'ccn_infrastructure',
  ]) {
    assert.equal(out[k], PUBLIC_RECORD_2018[k], k);
  }
});

test('the plan spreads over the nine contents and all six regions', () => {
  assert.deepEqual(
    stats.by_content.map((g) => g.key),
    [
      'ND45-01',
      'ND45-02',
      'ND45-03',
      'ND45-04',
      'ND45-05',
      'ND45-06',
      'ND45-07',
      'ND45-08',
      'ND45-09',
    ],
  );
  assert.equal(stats.by_region.length, 6);
});

test('groups, list totals and the export agree with the totals', async () => {
  const sum = (gs) => gs.reduce((a, g) => a + g.requested_vnd, 0);
  assert.equal(sum(stats.by_content), stats.requested_vnd);
  assert.equal(sum(stats.by_kind), stats.requested_vnd);
  assert.equal(
    stats.by_content.reduce((a, g) => a + g.projects, 0),
    stats.projects,
  );
  const list = await api('GET', `/api/v1/projects?program=${program.id}&page_size=1`);
  assert.equal(list.json.total, stats.projects);
  for (const g of stats.by_content) {
    const byContent = await api(
      'GET',
      `/api/v1/projects?program=${program.id}&content=${g.key}&page_size=1`,
    );
    assert.equal(byContent.json.total, g.projects, g.key);
  }
  const csv = await api('GET', `/api/v1/projects/export?program=${program.id}&format=csv`);
  assert.equal(csv.status, 200);
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines.length - 1, stats.projects);
});

test('the 2019 round ran through both appraisal levels: most passed, some failed', async () => {
  const r = await api('GET', '/api/v1/projects/stats?year=2019');
  const by = Object.fromEntries(r.json.by_status.map((g) => [g.key, g.projects]));
  assert.deepEqual(Object.keys(by).sort(), ['failed', 'not_forwarded', 'passed']);
  assert.ok(by.passed > by.failed && by.failed > 0, JSON.stringify(by));
  assert.equal(by.not_forwarded, 2);
  const rounds = (await api('GET', '/api/v1/rounds?year=2019')).json.items;
  assert.equal(rounds.length, 1);
  const councils = (await api('GET', `/api/v1/rounds/${rounds[0].id}/councils`)).json.items;
  assert.deepEqual(councils.map((c) => c.level).sort(), ['ministry', 'province']);
});
