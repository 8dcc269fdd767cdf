// The annual report against the system's other answers: the programs' envelope, the decision
// list, the completion figures, the project list's totals; the CSV and XLSX carry the same
// numbers; a province reads its own part; bad queries are named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsOf, startServer } from './server.mjs';

let s, ministry, prov;
before(async () => {
  s = await startServer({ demo: true });
  ministry = await s.session('ministry');
  prov = await s.session('province-01');
});
after(() => s.stop());

const url = '/api/v1/reports/annual?year=2018&program=KCQG-2018';

test('the 2018 report agrees with the programs, decisions, completion and the project list', async () => {
  const r = await ministry('GET', url);
  assert.equal(r.status, 200, r.text);
  const report = r.json;
  const program = (await ministry('GET', '/api/v1/programs?year=2018')).json.items.find(
    (p) => p.code === 'KCQG-2018',
  );
  assert.equal(report.envelope_vnd, program.budget_vnd);
  const decisions = (await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2018')).json;
  assert.equal(report.decisions.count, decisions.items.length);
  assert.equal(
    report.decisions.items.reduce((a, d) => a + d.amount_vnd, 0),
    decisions.books.decisions_vnd,
  );
  const done = (await ministry('GET', '/api/v1/completion?program=KCQG-2018')).json;
  assert.deepEqual(report.projects, done.projects);
  assert.equal(report.completion_rate, done.completion_rate);
  assert.equal(report.funds.plan_vnd, done.funds.plan_vnd);
  for (const o of done.outputs)
    assert.deepEqual(report.outputs[o.indicator], { planned: o.expected, actual: o.actual });
  // Every breakdown adds up to the plan; by content it matches the list of each content.
  for (const dim of ['content', 'kind', 'region', 'province']) {
    const groups = Object.values(report.by[dim]);
    assert.equal(
      groups.reduce((a, g) => a + g.plan_vnd, 0),
      report.funds.plan_vnd,
      dim,
    );
    assert.equal(
      groups.reduce((a, g) => a + g.projects, 0),
      report.projects.planned,
      dim,
    );
  }
  const stats = (await ministry('GET', '/api/v1/projects/stats?program=KCQG-2018')).json;
  for (const c of stats.by_content)
    assert.equal(report.by.content[c.key].projects, c.projects, c.key);
  assert.equal(report.funds.counterpart_vnd, stats.counterpart_vnd);
  assert.equal(
    report.counterpart_per_program_vnd,
    Math.round((stats.counterpart_vnd / report.funds.plan_vnd) * 10000) / 10000,
  );
  assert.equal(
    report.cluster_projects.total,
    report.outputs.ccn_detailed_plan.actual + report.outputs.ccn_infrastructure.actual,
  );
});

test('the CLI writes the same report as the API', async () => {
  const api = (await ministry('GET', url)).json;
  const cli = JSON.parse(s.cli('report', 'annual', '--year', '2018', '--program', 'KCQG-2018'));
  assert.deepEqual(cli, api);
});

test('the CSV has the same figures, one row each; the XLSX is a workbook', async () => {
  const report = (await ministry('GET', url)).json;
  const csv = await fetch(`${s.base}${url}&format=csv`, { headers: { Cookie: ministry.cookie } });
  assert.equal(csv.status, 200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  assert.equal(lines[0], 'section,dimension,key,measure,value');
  const cell = (section, dimension, key, measure) =>
    lines
      .map((l) => l.split(','))
      .find((c) => c[0] === section && c[1] === dimension && c[2] === key && c[3] === measure)?.[4];
  assert.equal(Number(cell('envelope', '', '', 'envelope_vnd')), report.envelope_vnd);
  assert.equal(Number(cell('rates', '', '', 'completion_rate')), report.completion_rate);
  assert.equal(
    Number(cell('outputs', 'indicator', 'demo_model', 'actual')),
    report.outputs.demo_model.actual,
  );
  for (const [key, g] of Object.entries(report.by.region))
    assert.equal(Number(cell('by', 'region', key, 'plan_vnd')), g.plan_vnd, key);
  const xlsx = await fetch(`${s.base}${url}&format=xlsx`, { headers: { Cookie: ministry.cookie } });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal(
    Buffer.from(await xlsx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
    'PK',
  );
});

test("a province's report is its own part of the year", async () => {
  const all = (await ministry('GET', url)).json;
  const own = (await prov('GET', url)).json;
  const done = (await prov('GET', '/api/v1/completion?program=KCQG-2018')).json;
  assert.deepEqual(own.projects, done.projects);
  assert.ok(own.projects.planned > 0 && own.projects.planned < all.projects.planned);
  // Its own province's projects are all there (the others: projects spanning it, placed by
  // their main province).
  assert.deepEqual(own.by.province['01'], all.by.province['01']);
});

test('bad queries are named and refused', async () => {
  const cases = [
    ['/api/v1/reports/annual', 'year'],
    ['/api/v1/reports/annual?year=abc', 'year'],
    ['/api/v1/reports/annual?year=2018&program=NOPE', 'program'],
    ['/api/v1/reports/annual?year=2018&format=pdf', 'format'],
    ['/api/v1/reports/annual?year=2018&colour=red', 'colour'],
  ];
  for (const [path, field] of cases) {
    const r = await ministry('GET', path);
    assert.equal(r.status, 422, `${path}: ${r.text}`);
    assert.ok(fieldsOf(r.json).includes(field), `${path}: ${r.text}`);
  }
});
