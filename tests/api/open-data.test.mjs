// The open-data file against the system's other answers: the annual report's projects, plan,
// payments, acceptances and outputs; public and the same for everyone; no beneficiary named;
// the CLI writes the same records; bad queries named. Every answer is checked against the
// OpenAPI schema (contract.mjs), which is also docs/open-data.schema.json.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, fieldsOf, startServer } from './server.mjs';

let s, ministry;
before(async () => {
  s = await startServer({ demo: true });
  ministry = await s.session('ministry');
});
after(() => s.stop());

const path = '/api/v1/open-data?year=2018&program=KCQG-2018';

test('the published 2018 plan agrees with the annual report', async () => {
  const r = await call(s.base, 'GET', path); // no login: published records are public
  assert.equal(r.status, 200, r.text);
  assert.match(
    r.headers.get('content-disposition'),
    /attachment; filename="?du-lieu-mo-2018-KCQG-2018\.json/,
  );
  const data = r.json;
  const report = (await ministry('GET', '/api/v1/reports/annual?year=2018&program=KCQG-2018')).json;
  assert.equal(data.projects.length, report.projects.planned);
  const sum = (f) => data.projects.reduce((a, p) => a + f(p), 0);
  assert.equal(
    sum((p) => p.budget.plan_vnd),
    report.funds.plan_vnd,
  );
  const contracts = data.projects.flatMap((p) => p.contracts);
  assert.equal(
    contracts.reduce((a, c) => a + c.paid_vnd, 0),
    report.funds.disbursed_vnd,
  );
  assert.equal(
    contracts
      .filter((c) => c.acceptance && c.acceptance.verdict !== 'failed')
      .reduce((a, c) => a + c.acceptance.accepted_vnd, 0),
    report.funds.accepted_vnd,
  );
  for (const [code, o] of Object.entries(report.outputs)) {
    const actual = sum((p) =>
      p.outputs.filter((x) => x.indicator === code).reduce((a, x) => a + x.actual, 0),
    );
    assert.equal(actual, o.actual, code);
  }
  for (const p of data.projects) assert.equal(p.ocid, data.ocid_prefix + p.code);
});

test('the same file for everyone, no beneficiary named; the CLI writes the same records', async () => {
  const anonymous = (await call(s.base, 'GET', path)).json;
  const prov = await s.session('province-01');
  const own = (await prov('GET', path)).json;
  assert.deepEqual(own.projects, anonymous.projects);
  const code = anonymous.projects.find((p) => p.beneficiaries > 0).code;
  const id = (await ministry('GET', `/api/v1/projects?q=${code}`)).json.items.find(
    (p) => p.code === code,
  ).id;
  const full = (await ministry('GET', `/api/v1/projects/${id}`)).json;
  const facility = (await ministry('GET', `/api/v1/facilities/${full.beneficiary_ids[0]}`)).json;
  const text = JSON.stringify(anonymous);
  assert.ok(!text.includes(facility.name), facility.name);
  const record = anonymous.projects.find((p) => p.code === full.code);
  assert.equal(record.beneficiaries, full.beneficiary_ids.length);
  const cli = JSON.parse(s.cli('export', 'open-data', '--year', '2018', '--program', 'KCQG-2018'));
  assert.deepEqual(cli.projects, anonymous.projects);
});

test('bad queries are named and refused', async () => {
  for (const [q, field] of [
    ['?year=abc', 'year'],
    ['?year=2018&program=NOPE', 'program'],
    ['?colour=red', 'colour'],
    ['?format=csv', 'format'],
  ]) {
    const r = await call(s.base, 'GET', `/api/v1/open-data${q}`);
    assert.equal(r.status, 422, `${q}: ${r.text}`);
    assert.ok(fieldsOf(r.json).includes(field), `${q}: ${r.text}`);
  }
});

test('the open data as a background job: progress, then the same file', async () => {
  const direct = (await call(s.base, 'GET', path)).json;
  const started = await ministry('POST', '/api/v1/jobs', {
    kind: 'open_data',
    filters: { year: 2018, program: 'KCQG-2018' },
  });
  assert.equal(started.status, 202, started.text);
  let job = started.json;
  for (let i = 0; i < 200 && !['done', 'failed'].includes(job.status); i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await ministry('GET', `/api/v1/jobs/${job.id}`)).json;
  }
  assert.equal(job.status, 'done', job.error);
  assert.equal(job.kind, 'open_data');
  assert.equal(job.done, direct.projects.length);
  const file = await ministry('GET', `/api/v1/jobs/${job.id}/file`);
  assert.equal(file.status, 200);
  assert.deepEqual(file.json.projects, direct.projects);
  const bad = await ministry('POST', '/api/v1/jobs', {
    kind: 'open_data',
    filters: { year: 'abc', province: '01' },
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(fieldsOf(bad.json).sort(), ['filters/province', 'filters/year']);
});
