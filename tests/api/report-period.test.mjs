// The multi-year and province reports against the system's other answers: a period's years
// against each year's annual report and program list, its indicators against the targets in
// the reference data; a province's profile against the completion figures filtered by
// province, under both province sets; the CLI and the files say the same; scope and bad
// queries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf, startServer } from './server.mjs';

let s, ministry, prov01, prov79;
before(async () => {
  s = await startServer({ demo: true });
  ministry = await s.session('ministry');
  prov01 = await s.session('province-01');
  prov79 = await s.session('province-79');
});
after(() => s.stop());

const period = '/api/v1/reports/period?period=KCQG-2016-2020';

test("a period's years are the years' annual reports, KCQG and KCĐP side by side and summed", async () => {
  const r = await ministry('GET', period);
  assert.equal(r.status, 200, r.text);
  const p = r.json;
  assert.deepEqual(
    p.years.map((y) => y.year),
    [2016, 2017, 2018, 2019, 2020],
  );
  const programs = (await ministry('GET', '/api/v1/programs?page_size=100')).json.items;
  for (const y of p.years) {
    for (const level of ['KCQG', 'KCDP']) {
      const mine = programs.filter((x) => x.year === y.year && x.level === level);
      assert.equal(y[level].programs, mine.length, `${y.year} ${level}`);
      assert.equal(
        y[level].envelope_vnd,
        mine.reduce((a, x) => a + x.budget_vnd, 0),
      );
      let planned = 0;
      let plan = 0;
      for (const x of mine) {
        const annual = (
          await ministry('GET', `/api/v1/reports/annual?year=${y.year}&program=${x.code}`)
        ).json;
        planned += annual.projects.planned;
        plan += annual.funds.plan_vnd;
      }
      assert.equal(y[level].projects.planned, planned, `${y.year} ${level}`);
      assert.equal(y[level].funds.plan_vnd, plan, `${y.year} ${level}`);
    }
    assert.equal(y.total.funds.plan_vnd, y.KCQG.funds.plan_vnd + y.KCDP.funds.plan_vnd);
    assert.equal(y.total.projects.accepted, y.KCQG.projects.accepted + y.KCDP.projects.accepted);
  }
  const sum = (f) => p.years.reduce((a, y) => a + f(y), 0);
  assert.equal(
    p.total.total.funds.accepted_vnd,
    sum((y) => y.total.funds.accepted_vnd),
  );
  assert.equal(
    p.total.total.completion_rate,
    Math.round((p.total.total.funds.accepted_vnd / p.total.total.funds.plan_vnd) * 10000) / 10000,
  );
  // The indicators: the national program's actuals, year by year, from the acceptances.
  const y2018 = (await ministry('GET', '/api/v1/reports/annual?year=2018&program=KCQG-2018')).json;
  for (const [code, o] of Object.entries(y2018.outputs))
    if (o.actual > 0) {
      assert.equal(p.indicators[code].by_year['2018'], o.actual, code);
      assert.equal(
        p.indicators[code].actual,
        sum((y) => p.indicators[code].by_year[y.year]),
      );
    }
});

test("a period's targets come from its reference records", async () => {
  const targets = (await ministry('GET', '/api/v1/reference/period-targets')).json.items;
  const next = (await ministry('GET', '/api/v1/reports/period?period=KCQG-2021-2025')).json;
  const own = targets.filter((t) => t.period_code === 'KCQG-2021-2025');
  assert.ok(own.length > 0);
  for (const t of own) {
    const i = next.indicators[t.indicator_code];
    assert.equal(i.target, t.target);
    assert.equal(i.share_of_target, Math.round((i.actual / t.target) * 10000) / 10000);
  }
  const old = (await ministry('GET', period)).json;
  for (const i of Object.values(old.indicators)) assert.equal(i.target, null);
  // The baseline of 2021–2025 is what 2016–2020 achieved.
  for (const [code, i] of Object.entries(next.indicators)) {
    assert.equal(i.baseline.period, 'KCQG-2016-2020');
    assert.equal(i.baseline.actual, old.indicators[code]?.actual ?? 0, code);
  }
});

test("a province's profile is its records by year, under either province set", async () => {
  const r = await ministry('GET', '/api/v1/reports/province?province=01');
  assert.equal(r.status, 200, r.text);
  const profile = r.json;
  assert.equal(profile.province.name, 'Hà Nội');
  assert.ok(profile.years.length > 0);
  for (const y of profile.years) {
    const done = (await ministry('GET', `/api/v1/completion?year=${y.year}&province=01`)).json;
    assert.deepEqual(y.projects, done.projects, String(y.year));
    assert.deepEqual(y.funds, done.funds, String(y.year));
  }
  const plan = Object.values(profile.by_content).reduce((a, g) => a + g.plan_vnd, 0);
  assert.equal(plan, profile.total.funds.plan_vnd);
  // Bắc Ninh (2025) was formed from Bắc Giang and Bắc Ninh (2008).
  const merged = (await ministry('GET', '/api/v1/reports/province?province=24')).json;
  assert.deepEqual(merged.province.formed_from.map((p) => p.code).sort(), ['24', '27']);
  const parts = [];
  for (const old of merged.province.formed_from) {
    const part = (await ministry('GET', `/api/v1/reports/province?province=${old.code}&set=2008`))
      .json;
    assert.equal(part.province.province_2025, '24');
    parts.push(part.total.projects.planned);
  }
  assert.ok(parts.every((n) => n <= merged.total.projects.planned));
  assert.ok(merged.total.projects.planned <= parts[0] + parts[1]);
  assert.ok(merged.total.projects.planned > 0);
});

test("a province's officer reads their own profile only", async () => {
  const all = (await ministry('GET', '/api/v1/reports/province?province=01')).json;
  const own = await prov01('GET', '/api/v1/reports/province?province=01');
  assert.equal(own.status, 200);
  assert.deepEqual(own.json.years, all.years);
  assert.equal((await prov79('GET', '/api/v1/reports/province?province=01')).status, 404);
  assert.equal((await prov79('GET', '/api/v1/reports/province?province=01&set=2008')).status, 404);
});

test('the CLI and the files say what the API says', async () => {
  const api = (await ministry('GET', period)).json;
  const cli = JSON.parse(s.cli('report', 'period', '--period', 'KCQG-2016-2020'));
  delete cli.data_as_of;
  delete api.data_as_of;
  assert.deepEqual(cli, api);
  const csv = s
    .cli('report', 'province', '--province', '01', '--format', 'csv')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const profile = (await ministry('GET', '/api/v1/reports/province?province=01')).json;
  const figure = (key, measure) => csv.find((c) => c[2] === key && c[3] === measure)?.[4];
  assert.equal(Number(figure('total', 'plan_vnd')), profile.total.funds.plan_vnd);
  assert.equal(Number(figure('total', 'completion_rate')), profile.total.completion_rate);
  const dir = mkdtempSync(join(tmpdir(), 'kc-period-'));
  const res = await fetch(`${s.base}${period}&format=pdf`, {
    headers: { Cookie: ministry.cookie },
  });
  assert.equal(res.status, 200);
  writeFileSync(join(dir, 'p.pdf'), Buffer.from(await res.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], {
    encoding: 'utf8',
  });
  const line = text.split('\n').find((l) => l.trim().startsWith('2018 '));
  const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const y = api.years.find((x) => x.year === 2018);
  for (const n of [y.KCQG.funds.plan_vnd, y.KCDP.funds.plan_vnd, y.total.funds.plan_vnd])
    assert.ok(line.includes(grouped(n)), line);
});

test('bad queries are named and refused', async () => {
  const cases = [
    ['/api/v1/reports/period', 'period'],
    ['/api/v1/reports/period?period=NOPE', 'period'],
    ['/api/v1/reports/period?period=KCQG-2016-2020&format=doc', 'format'],
    ['/api/v1/reports/province', 'province'],
    ['/api/v1/reports/province?province=99', 'province'],
    ['/api/v1/reports/province?province=01&set=1990', 'set'],
    ['/api/v1/reports/province?province=01&year=2018', 'year'],
  ];
  for (const [path, field] of cases) {
    const r = await ministry('GET', path);
    assert.equal(r.status, 422, `${path}: ${r.text}`);
    assert.ok(fieldsOf(r.json).includes(field), `${path}: ${r.text}`);
  }
});
