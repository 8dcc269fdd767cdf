// The plan builder through the API and the CLI on the demo: the 2019 round solved exactly
// (checked against its own limits, the baselines, and the exported model solved by the `cbc`
// and `glpsol` commands), invalid and infeasible scenarios, saved scenarios compared, and an
// imported scored round planned at its proven optimum.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, fieldsOf, startServer } from './server.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const Ajv2020 = require('ajv/dist/2020').default;
const schema = (name) =>
  JSON.parse(readFileSync(new URL(`../../docs/${name}.schema.json`, import.meta.url), 'utf8'));

let s, dept, dir, ENVELOPE;
const scenario = (extra = {}) => ({
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

before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  dir = mkdtempSync(join(tmpdir(), 'kc-plans-'));
  // The envelope defaults to the program's budget, as the register holds it.
  ENVELOPE = (await dept('GET', '/api/v1/programs?year=2019')).json.items.find(
    (p) => p.code === 'KCQG-2019',
  ).budget_vnd;
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

function sum(items, f) {
  return items.reduce((a, x) => a + f(x), 0);
}

test('the 2019 round is planned at its optimum within every limit, above both baselines', async () => {
  const r = await dept('POST', '/api/v1/plans/solve', scenario());
  assert.equal(r.status, 200, r.text);
  const res = r.json;
  assert.equal(res.status, 'optimal');
  assert.ok(res.gap <= 1e-4);
  assert.equal(res.envelope_vnd, ENVELOPE);
  assert.equal(
    res.allocated_vnd,
    sum(res.funded, (f) => f.amount_vnd),
  );
  assert.ok(res.allocated_vnd + res.commitments_vnd <= ENVELOPE);
  assert.ok(Math.abs(res.value - sum(res.funded, (f) => f.value)) < 1e-3);
  // Every candidate is either funded or explained.
  const passed = await dept('GET', '/api/v1/projects?year=2019&status=passed&page_size=1');
  assert.equal(res.funded.length + res.unfunded.length, passed.json.total);
  // Content floors hold; the TDMNPB region gets its 15 %; weights raise its values by 1.2.
  const byContent = {};
  for (const f of res.funded) byContent[f.content] = (byContent[f.content] ?? 0) + f.amount_vnd;
  for (const c of new Set([...res.funded, ...res.unfunded].map((x) => x.content)))
    assert.ok((byContent[c] ?? 0) >= 4_800_000_000, `content ${c}`);
  const north = res.funded.filter((f) => f.regions.includes('TDMNPB'));
  const northMoney = sum(
    north,
    (f) => (f.amount_vnd * f.regions.filter((x) => x === 'TDMNPB').length) / f.regions.length,
  );
  assert.ok(northMoney >= 0.15 * ENVELOPE - 1);
  for (const f of north.filter((x) => x.regions.length === 1))
    assert.ok(Math.abs(f.value - f.score * 1.2) < 1e-6, f.code);
  // The optimizer is at least as good as ranking by score (and strictly better here).
  const [rank, equal] = res.baselines;
  assert.equal(rank.name, 'rank_by_score');
  assert.equal(equal.name, 'equal_share');
  assert.ok(res.value >= rank.value - 1e-6);
  assert.ok(equal.violations.includes('partial_funding'));
  // Every proposal left out has a reason; forcing one in never raises the value.
  for (const u of res.unfunded) {
    assert.ok(['envelope', 'limit', 'bundle', 'forced_out', 'not_passed'].includes(u.reason));
    if (u.reason === 'limit') assert.match(u.limit, /^(province_2008|content|region):/);
    if (u.loss_if_forced !== null) assert.ok(u.loss_if_forced >= 0);
  }
});

test('the CLI gives the same answer, in the documented shape, and the model checks out', () => {
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario()));
  const out = JSON.parse(s.cli('plan', 'solve', '--scenario', file));
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema('plan-result'));
  assert.ok(validate(out), JSON.stringify(validate.errors));
  const validScenario = new Ajv2020({ strict: false }).compile(schema('plan-scenario'));
  assert.ok(validScenario(scenario()));
  assert.equal(out.status, 'optimal');
  const table = s.cli('plan', 'solve', '--scenario', file, '--format', 'table', '--no-explain');
  assert.match(table, /Phương án 1 — KCQG-2019: optimal/);
  assert.match(table, /rank_by_score/);
  // The exported model, solved by the cbc and glpsol commands, has the same optimum.
  const lp = join(dir, 'model.lp');
  s.cli('plan', 'export-model', '--scenario', file, '-o', lp);
  const cbc = spawnSync('cbc', [lp, 'solve', 'quit']).stdout.toString();
  const cbcValue = Number(/Objective value:\s*([-\d.e+]+)/.exec(cbc)[1]);
  assert.ok(Math.abs(cbcValue - out.value) < 1e-3, `cbc ${cbcValue} vs ${out.value}`);
  const glp = spawnSync('glpsol', ['--lp', lp, '-o', join(dir, 'glp.txt')]);
  assert.equal(glp.status, 0, glp.stderr?.toString());
  const glpValue = Number(
    /Objective:\s+obj = ([-\d.e+]+)/.exec(readFileSync(join(dir, 'glp.txt'), 'utf8'))[1],
  );
  assert.ok(Math.abs(glpValue - out.value) < 1e-3, `glpsol ${glpValue} vs ${out.value}`);
});

test('invalid scenarios name their fields; infeasible ones name their conflicts', async () => {
  const bad = await dept('POST', '/api/v1/plans/solve', {
    ...scenario({ colour: 'red', envelope_vnd: -5 }),
    limits: [
      { dimension: 'planet', key: '*', max_vnd: 1 },
      { dimension: 'content', key: 'ND99-99', min_vnd: 1 },
      { dimension: 'region', key: 'TDMNPB' },
      { dimension: 'region', key: 'DBSH', min_share: 1.5 },
    ],
    force_in: ['NO-SUCH-CODE'],
  });
  assert.equal(bad.status, 422, bad.text);
  const fields = fieldsOf(bad.json);
  for (const f of [
    'colour',
    'envelope_vnd',
    'limits/0/dimension',
    'limits/2/max_vnd',
    'limits/3/min_share',
  ])
    assert.ok(fields.includes(f), `${f} in ${fields}`);
  const keys = await dept('POST', '/api/v1/plans/solve', {
    ...scenario(),
    limits: [{ dimension: 'content', key: 'ND99-99', min_vnd: 1 }],
    force_in: ['NO-SUCH-CODE'],
  });
  assert.equal(keys.status, 422);
  assert.deepEqual(fieldsOf(keys.json), ['limits/0/key']);
  const forced = await dept('POST', '/api/v1/plans/solve', {
    ...scenario(),
    force_in: ['NO-SUCH'],
  });
  assert.equal(forced.json.errors[0].code, 'not_candidate');
  // CLI: exit 2, the field named.
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify(scenario({ objective: 'beauty' })));
  const cli = spawnSync(BIN, ['plan', 'solve', '--scenario', file, '--db', s.db]);
  assert.equal(cli.status, 2);
  assert.match(cli.stderr.toString(), /objective: must be one of: score, score_x_amount/);
  // Floors adding up to more than the envelope: an answer, with the conflict named.
  const tight = await dept('POST', '/api/v1/plans/solve', {
    ...scenario({ envelope_vnd: 10_000_000_000 }),
    limits: [
      { dimension: 'content', key: 'ND45-03', min_vnd: 6_000_000_000 },
      { dimension: 'content', key: 'ND45-01', min_vnd: 6_000_000_000 },
    ],
  });
  assert.equal(tight.status, 200);
  assert.equal(tight.json.status, 'infeasible');
  assert.deepEqual(tight.json.conflicts, [
    'envelope max',
    'content:ND45-03 min',
    'content:ND45-01 min',
  ]);
  writeFileSync(
    file,
    JSON.stringify({
      ...scenario({ envelope_vnd: 10_000_000_000 }),
      limits: [{ dimension: 'content', key: 'ND45-03', min_vnd: 11_000_000_000 }],
    }),
  );
  const infeasible = spawnSync(BIN, ['plan', 'solve', '--scenario', file, '--db', s.db]);
  assert.equal(infeasible.status, 0);
  assert.equal(JSON.parse(infeasible.stdout.toString()).status, 'infeasible');
});

test('scenarios are saved, changed with their version, compared side by side', async () => {
  const one = await dept('POST', '/api/v1/plans/scenarios', scenario({ name: 'Theo điểm' }));
  assert.equal(one.status, 201, one.text);
  const two = await dept(
    'POST',
    '/api/v1/plans/scenarios',
    scenario({ name: 'Tập trung', envelope_vnd: 110_000_000_000 }),
  );
  assert.equal(two.status, 201, two.text);
  const again = await dept('POST', '/api/v1/plans/scenarios', scenario({ name: 'Theo điểm' }));
  assert.equal(again.status, 422);
  assert.equal(again.json.errors[0].code, 'code_taken');
  const list = await dept('GET', '/api/v1/plans/scenarios?program=KCQG-2019');
  assert.deepEqual(list.json.items.map((x) => x.name).sort(), ['Tập trung', 'Theo điểm'].sort());
  const cmp = await dept('GET', `/api/v1/plans/compare?ids=${one.json.id},${two.json.id}`);
  assert.equal(cmp.status, 200, cmp.text);
  const [a, b] = cmp.json.scenarios;
  assert.equal(a.funded, one.json.result.funded.length);
  assert.equal(b.funded, two.json.result.funded.length);
  // The breakdown adds up to each scenario's totals; the differences are real differences.
  for (const [i, sc] of [one.json, two.json].entries()) {
    assert.equal(
      sum(cmp.json.by_content, (g) => g.scenarios[i].amount_vnd),
      sc.result.allocated_vnd,
    );
    assert.equal(
      sum(cmp.json.by_region, (g) => g.scenarios[i].funded),
      sc.result.funded.length,
    );
  }
  const fundedIn = (sc) => new Map(sc.result.funded.map((f) => [f.code, f.amount_vnd]));
  const [m1, m2] = [fundedIn(one.json), fundedIn(two.json)];
  for (const d of cmp.json.differences) {
    assert.deepEqual(d.amounts_vnd, [m1.get(d.code) ?? 0, m2.get(d.code) ?? 0]);
    assert.notEqual(d.amounts_vnd[0], d.amounts_vnd[1]);
  }
  const changed = await dept('PUT', `/api/v1/plans/scenarios/${one.json.id}`, {
    version: one.json.version,
    scenario: scenario({ name: 'Theo điểm', envelope_vnd: 100_000_000_000 }),
  });
  assert.equal(changed.status, 200, changed.text);
  assert.ok(changed.json.result.allocated_vnd <= 100_000_000_000);
  const stale = await dept('PUT', `/api/v1/plans/scenarios/${one.json.id}`, {
    version: one.json.version,
    scenario: scenario({ name: 'Tập trung' }),
  });
  assert.equal(stale.status, 422, 'the name is checked before solving');
  // "Why not us?": a proposal's page answers from the latest saved scenario.
  const out = changed.json.result.unfunded[0];
  const why = await dept('GET', `/api/v1/projects/${out.id}/plan`);
  assert.equal(why.status, 200, why.text);
  assert.equal(why.json.scenario.id, one.json.id);
  assert.equal(why.json.entry.funded, false);
  assert.equal(why.json.entry.reason, out.reason);
  assert.equal(why.json.entry.loss_if_forced, out.loss_if_forced);
  const ministry = await s.session('ministry');
  const history = await ministry('GET', '/api/v1/audit');
  assert.ok(history.json.items.some((e) => e.entity === 'plan_scenarios' && e.action === 'update'));
  // A province plans only its own local program.
  const province = await s.session('province-01');
  const refused = await province('POST', '/api/v1/plans/solve', scenario());
  assert.equal(refused.status, 403);
});

test('an imported scored round with a bundle is planned at its proven optimum', async () => {
  const program = await dept('POST', '/api/v1/programs', {
    code: 'KCQG-2030',
    level: 'KCQG',
    year: 2030,
    name: 'Vòng chấm ngoài hệ thống',
    budget_vnd: 3_000_000_000,
  });
  assert.equal(program.status, 201, program.text);
  const orgs = await dept('GET', '/api/v1/organizations?province=01&page_size=1');
  const org = orgs.json.items[0].id;
  const rows = [
    ['I-1', '91,5', '1000000000', ''],
    ['I-2', '88.25', '900000000', 'chuoi-1'],
    ['I-3', '60', '800000000', 'chuoi-1'],
    ['I-4', '79', '1200000000', ''],
    ['I-5', '70', '700000000', ''],
  ];
  const header =
    'code,title,year,program_code,content_code,provinces,implementing_org_id,requested_vnd,start,end,status,score,bundle';
  const csv = [
    header,
    ...rows.map(
      ([code, score, amount, bundle]) =>
        `${code},Đề án ${code},2030,KCQG-2030,ND235-03,2025:01,${org},${amount},01/03/2030,30/11/2030,passed,"${score}",${bundle}`,
    ),
  ].join('\n');
  const file = join(dir, 'scored.csv');
  writeFileSync(file, csv);
  const imported = spawnSync(BIN, ['import', 'projects', file, '--db', s.db]);
  assert.equal(imported.status, 0, imported.stderr.toString());
  const r = await dept('POST', '/api/v1/plans/solve', { name: 'Nhập', program: 'KCQG-2030' });
  assert.equal(r.json.status, 'optimal');
  // Exhaustive search over the five: bundles all or none, within 3 bn.
  const cands = rows.map(([code, score, amount, bundle]) => ({
    code,
    score: Number(score.replace(',', '.')),
    amount: Number(amount),
    bundle,
  }));
  let best = 0;
  for (let mask = 0; mask < 32; mask++) {
    const pick = cands.filter((_, i) => mask & (1 << i));
    const money = sum(pick, (c) => c.amount);
    const chain = pick.filter((c) => c.bundle).length;
    if (money > 3_000_000_000 || (chain !== 0 && chain !== 2)) continue;
    best = Math.max(
      best,
      sum(pick, (c) => c.score),
    );
  }
  assert.ok(Math.abs(r.json.value - best) < 1e-6, `${r.json.value} vs ${best}`);
  const project = await dept('GET', `/api/v1/projects/${r.json.funded[0].id}`);
  assert.equal(typeof project.json.score, 'number');
});

test('the ministry approves a saved scenario as a decision; the books balance', async () => {
  const list = (await dept('GET', '/api/v1/plans/scenarios?program=KCQG-2019')).json.items;
  const chosen = list.find((x) => x.name === 'Tập trung');
  const saved = (await dept('GET', `/api/v1/plans/scenarios/${chosen.id}`)).json;
  const ministry = await s.session('ministry');
  const body = {
    scenario_id: chosen.id,
    number: '2156/QĐ-BCT',
    signed_on: '2018-12-20',
    signer: 'Thứ trưởng',
  };
  assert.equal((await dept('POST', '/api/v1/plans/decisions', body)).status, 403);
  const decided = await ministry('POST', '/api/v1/plans/decisions', body);
  assert.equal(decided.status, 201, decided.text);
  assert.equal(decided.json.items.length, saved.result.funded.length);
  assert.equal(decided.json.total_vnd, saved.result.allocated_vnd);
  const first = saved.result.funded[0];
  const project = await dept('GET', `/api/v1/projects/${first.id}`);
  assert.equal(project.json.status, 'approved');
  // Each province hears of the decision when it funds some of its projects, and only then.
  for (const who of ['province-01', 'province-79']) {
    const api = await s.session(who);
    const funded = (await api('GET', '/api/v1/projects?year=2019&status=approved&page_size=1')).json
      .total;
    const heard = (await api('GET', '/api/v1/notifications')).json.items.filter(
      (n) => n.kind === 'decision_approved' && n.subject.includes(body.number),
    );
    assert.equal(heard.length, funded > 0 ? 1 : 0, `${who}: ${funded} funded`);
  }
  const books = await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2019');
  assert.deepEqual(books.json.books, {
    decisions_vnd: saved.result.allocated_vnd,
    projects_vnd: saved.result.allocated_vnd,
    balanced: true,
  });
  // The same number again, or a scenario whose proposals are no longer passed: refused, and
  // nothing changes.
  const again = await ministry('POST', '/api/v1/plans/decisions', body);
  assert.equal(again.status, 422);
  assert.equal(again.json.errors[0].field, 'number');
  const other = list.find((x) => x.name === 'Theo điểm');
  const stale = await ministry('POST', '/api/v1/plans/decisions', {
    ...body,
    scenario_id: other.id,
    number: '2157/QĐ-BCT',
  });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.code, 'not_passed');
  const after = await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2019');
  assert.equal(after.json.items.length, 1);
  // The round's two-year point projects asked 2019 for their first tranche; the decision
  // records their 2020 tranches, scaled to what 2019 gave, and 2020's plan funds them first.
  const tranches = decided.json.tranches;
  assert.ok(tranches.length > 0, 'a funded two-year point project');
  for (const t of tranches) {
    const p = (await dept('GET', `/api/v1/projects/${t.project_id}`)).json;
    assert.equal(p.kind, 'point');
    assert.equal(t.year, 2020);
    const first = Math.floor(p.requested_vnd / 2 / 1e6) * 1e6;
    const given = decided.json.items.find((i) => i.project_id === t.project_id).amount_vnd;
    assert.equal(t.amount_vnd, Math.floor(((p.requested_vnd - first) * given) / first));
    const place = (await dept('GET', `/api/v1/projects/${t.project_id}/plan`)).json;
    assert.deepEqual(place.decided.tranches, [
      { year: 2020, amount_vnd: t.amount_vnd, decision: '2156/QĐ-BCT' },
    ]);
  }
  const y2020 = await dept('POST', '/api/v1/programs', {
    code: 'KCQG-2020',
    level: 'KCQG',
    year: 2020,
    name: 'Chương trình khuyến công quốc gia năm 2020',
    budget_vnd: 100_000_000_000,
  });
  assert.equal(y2020.status, 201, y2020.text);
  const plan2020 = await dept('POST', '/api/v1/plans/solve', {
    name: 'Năm 2020',
    program: 'KCQG-2020',
  });
  assert.equal(plan2020.status, 200, plan2020.text);
  assert.deepEqual(
    plan2020.json.commitments.map((c) => [c.code, c.amount_vnd]).sort(),
    tranches.map((t) => [t.code, t.amount_vnd]).sort(),
  );
  assert.equal(
    plan2020.json.commitments_vnd,
    sum(tranches, (t) => t.amount_vnd),
  );
  // The CLI lists the same.
  const cli = JSON.parse(s.cli('plan', 'decisions', '--program', 'KCQG-2019'));
  assert.equal(cli.items[0].number, '2156/QĐ-BCT');
  assert.equal(cli.books.balanced, true);
});

test('an adjustment decision drops, changes and adds projects; the books still balance', async () => {
  const ministry = await s.session('ministry');
  const before = (await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2019')).json;
  const decided = before.items[0].items;
  const [dropped, changed] = decided;
  const latest = (await dept('GET', '/api/v1/plans/scenarios?program=KCQG-2019')).json.items;
  const saved = (await dept('GET', `/api/v1/plans/scenarios/${latest[0].id}`)).json;
  // A proposal still passed and outside the plan enters it.
  let added;
  for (const u of saved.result.unfunded) {
    const p = (await dept('GET', `/api/v1/projects/${u.id}`)).json;
    if (p.status === 'passed') {
      added = p;
      break;
    }
  }
  assert.ok(added, 'a passed proposal outside the plan');
  const body = {
    program: 'KCQG-2019',
    number: '3001/QĐ-BCT',
    signed_on: '2019-07-01',
    signer: 'Thứ trưởng',
    reason: 'Hủy một đề án, điều chỉnh kinh phí, bổ sung một đề án',
    items: [
      { code: dropped.code, amount_vnd: 0 },
      { code: changed.code, amount_vnd: changed.after_vnd - 1_000_000 },
      { code: added.code, amount_vnd: added.requested_vnd },
    ],
  };
  assert.equal((await dept('POST', '/api/v1/plans/adjustments', body)).status, 403);
  // Bad items are named and nothing is written.
  const bad = await ministry('POST', '/api/v1/plans/adjustments', {
    ...body,
    items: [
      { code: dropped.code, amount_vnd: dropped.after_vnd },
      { code: 'KCQG-2018-001', amount_vnd: 1 },
      { code: added.code, amount_vnd: added.requested_vnd + 1 },
    ],
  });
  assert.equal(bad.status, 422);
  assert.deepEqual(fieldsOf(bad.json), [
    'items/0/amount_vnd',
    'items/1/code',
    'items/2/amount_vnd',
  ]);
  const failed = (await dept('GET', '/api/v1/projects?program=KCQG-2019&status=failed')).json
    .items[0];
  const refused = await ministry('POST', '/api/v1/plans/adjustments', {
    ...body,
    items: [...body.items, { code: failed.code, amount_vnd: 1_000_000 }],
  });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.code, 'not_passed');
  const unchanged = (await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2019')).json;
  assert.deepEqual(unchanged, before);

  const r = await ministry('POST', '/api/v1/plans/adjustments', body);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(
    r.json.items.map((i) => [i.code, i.change]).sort(),
    [
      [dropped.code, 'dropped'],
      [changed.code, 'changed'],
      [added.code, 'added'],
    ].sort(),
  );
  assert.equal(r.json.total_vnd, -dropped.after_vnd - 1_000_000 + added.requested_vnd);
  // The money moved, by content from the projects' own records, and by region in all.
  const byContent = {};
  for (const i of r.json.items) {
    const content = (await dept('GET', `/api/v1/projects/${i.project_id}`)).json.content_code;
    byContent[content] = (byContent[content] ?? 0) + i.after_vnd - i.before_vnd;
  }
  assert.deepEqual(
    Object.fromEntries(r.json.moved.content.map((m) => [m.key, m.change_vnd])),
    Object.fromEntries(Object.entries(byContent).filter(([, v]) => v !== 0)),
  );
  assert.equal(
    sum(r.json.moved.region, (m) => m.change_vnd),
    r.json.total_vnd,
  );
  const statuses = [];
  for (const id of [dropped.project_id, changed.project_id, added.id]) {
    statuses.push((await dept('GET', `/api/v1/projects/${id}`)).json.status);
  }
  assert.deepEqual(statuses, ['cancelled', 'approved', 'approved']);
  const books = (await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2019')).json.books;
  assert.equal(books.balanced, true);
  assert.equal(books.decisions_vnd, before.books.decisions_vnd + r.json.total_vnd);
  // The project's page shows its original and current amounts and the decisions behind them.
  const place = (await dept('GET', `/api/v1/projects/${changed.project_id}/plan`)).json;
  assert.equal(place.decided.original_vnd, changed.after_vnd);
  assert.equal(place.decided.current_vnd, changed.after_vnd - 1_000_000);
  assert.deepEqual(
    place.decided.decisions.map((d) => d.number),
    [before.items[0].number, '3001/QĐ-BCT'],
  );
  // A cancelled project does not come back; the CLI names the file's row and column.
  const file = join(dir, 'adjust.csv');
  const adjustByCli = (items) =>
    spawnSync(BIN, [
      ...['plan', 'adjust', '--program', 'KCQG-2019', '--items', items],
      ...['--number', '3002/QĐ-BCT', '--date', '02/07/2019', '--signer', 'Thứ trưởng'],
      ...['--reason', 'Thử', '--db', s.db],
    ]);
  writeFileSync(file, `code,amount_vnd\n${dropped.code},1000000\n`);
  const cli = adjustByCli(file);
  assert.equal(cli.status, 4); // a conflict
  assert.match(cli.stderr.toString(), /is cancelled/);
  writeFileSync(file, `code,amount_vnd\n${changed.code},abc\n`);
  const rows = adjustByCli(file);
  assert.equal(rows.status, 2);
  assert.match(rows.stderr.toString(), /row 2, column amount_vnd: /);
});

test('the 2018 demo holds one plan decision and two adjustments reaching the year budget', async () => {
  const budget = (await dept('GET', '/api/v1/programs?year=2018')).json.items.find(
    (p) => p.code === 'KCQG-2018',
  ).budget_vnd;
  const d = (await dept('GET', '/api/v1/plans/decisions?program=KCQG-2018')).json;
  assert.deepEqual(
    d.items.map((x) => x.kind),
    ['plan', 'adjustment', 'adjustment'],
  );
  assert.equal(
    sum(d.items, (x) => x.total_vnd),
    budget,
  );
  assert.deepEqual(d.books, { decisions_vnd: budget, projects_vnd: budget, balanced: true });
  // A project first given part of its request ends with all of it, both decisions shown.
  const raised = d.items[2].items[0];
  const project = (await dept('GET', `/api/v1/projects/${raised.project_id}`)).json;
  assert.equal(raised.after_vnd, project.requested_vnd);
  const place = (await dept('GET', `/api/v1/projects/${raised.project_id}/plan`)).json;
  assert.equal(place.entry, null);
  // The plan decision's appendix: projects by implementing unit, each unit's subtotal and the
  // total in triệu đồng, reconciling with the decision.
  const csv = await dept('GET', `/api/v1/plans/decisions/${d.items[0].id}/appendix?format=csv`);
  assert.equal(csv.status, 200);
  const rows = csv.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '')));
  const program = (r) => Number(r[7]);
  const projects = rows.filter((r) => /^\d+$/.test(r[0]));
  const units = rows.filter((r) => /^[IVXLC]+$/.test(r[0]));
  const total = rows.at(-1);
  assert.equal(total[1], 'Tổng cộng');
  assert.equal(projects.length, d.items[0].items.length);
  assert.equal(program(total) * 1e6, d.items[0].total_vnd);
  assert.ok(Math.abs(sum(units, program) - program(total)) < 1e-6);
  assert.ok(Math.abs(sum(projects, program) - program(total)) < 1e-6);
  const xlsx = await dept('GET', `/api/v1/plans/decisions/${d.items[2].id}/appendix`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.deepEqual(
    place.decided.decisions.map((x) => x.number),
    [d.items[0].number, d.items[2].number],
  );
});

test('a decision as its document: PDF with the Vietnamese text intact, DOCX to edit', async () => {
  const d = (await dept('GET', '/api/v1/plans/decisions?program=KCQG-2018')).json.items;
  const adjustment = d[1];
  const pdf = await fetch(`${s.base}/api/v1/plans/decisions/${adjustment.id}/document`, {
    headers: { Cookie: dept.cookie },
  });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const file = join(dir, 'decision.pdf');
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  const text = spawnSync('pdftotext', ['-layout', file, '-']).stdout.toString();
  const [day, month, year] = adjustment.signed_on.split('-').reverse();
  for (const expected of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    `Số: ${adjustment.number}`,
    `ngày ${day} tháng ${Number(month)} năm ${year}`,
    'Về việc điều chỉnh kế hoạch kinh phí khuyến công quốc gia năm 2018',
    `Căn cứ Quyết định số ${d[0].number}`,
    'Cục Công Thương địa phương',
    'Phụ lục',
    'Tổng cộng',
  ])
    assert.ok(text.replace(/\s+/g, ' ').includes(expected), `${expected} in the PDF`);
  // The appendix's total reads back in triệu đồng, as the decision says.
  const millions = (adjustment.total_vnd / 1e6).toLocaleString('de-DE');
  assert.ok(text.includes(millions), `${millions} in the PDF`);
  const docx = await fetch(
    `${s.base}/api/v1/plans/decisions/${adjustment.id}/document?format=docx`,
    { headers: { Cookie: dept.cookie } },
  );
  assert.equal(docx.status, 200);
  assert.match(docx.headers.get('content-type'), /wordprocessingml/);
  const bytes = Buffer.from(await docx.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  const bad = await dept('GET', `/api/v1/plans/decisions/${adjustment.id}/document?format=odt`);
  assert.equal(bad.status, 422);
  assert.deepEqual(fieldsOf(bad.json), ['format']);
});

test('national and local plans roll up; a local plan is decided by its province only', async () => {
  const ministry = await s.session('ministry');
  const rollup = (await ministry('GET', '/api/v1/plans/rollup?from=2018&to=2018')).json;
  // What each 2018 programme's decisions hold, by level, from the programmes' own books.
  const programs = (await dept('GET', '/api/v1/programs?year=2018')).json.items;
  const decided = { KCQG: 0, KCDP: 0 };
  for (const p of programs) {
    const books = (await dept('GET', `/api/v1/plans/decisions?program=${p.code}`)).json.books;
    decided[p.level] += books.projects_vnd;
  }
  assert.ok(decided.KCDP > 0, 'the demo has a decided local plan');
  const year = rollup.by_year.find((y) => y.year === 2018);
  assert.equal(year.KCQG.amount_vnd, decided.KCQG);
  assert.equal(year.KCDP.amount_vnd, decided.KCDP);
  assert.equal(rollup.total.total.amount_vnd, decided.KCQG + decided.KCDP);
  for (const part of ['by_content', 'by_region'])
    assert.equal(
      sum(rollup[part], (r) => r.total.amount_vnd),
      rollup.total.total.amount_vnd,
      part,
    );
  const bad = await ministry('GET', '/api/v1/plans/rollup?from=2019&to=2018');
  assert.deepEqual(fieldsOf(bad.json), ['to']);

  // The local plan's adjustment: not the ministry's, not another province's; its own province's.
  const local = programs.find((p) => p.level === 'KCDP');
  const first = (await dept('GET', `/api/v1/plans/decisions?program=${local.code}`)).json.items[0]
    .items[0];
  const body = {
    program: local.code,
    number: '15/QĐ-UBND',
    signed_on: '2018-08-01',
    signer: 'Phó Chủ tịch',
    reason: 'Điều chỉnh giảm kinh phí',
    items: [{ code: first.code, amount_vnd: first.after_vnd - 1_000_000 }],
  };
  assert.equal((await ministry('POST', '/api/v1/plans/adjustments', body)).status, 403);
  const other = await s.session('province-79');
  assert.equal((await other('POST', '/api/v1/plans/adjustments', body)).status, 403);
  const admin = await s.session('admin');
  const user = await admin('POST', '/api/v1/users', {
    login: 'province-31',
    display_name: 'Sở Công Thương Hải Phòng',
    role: 'province',
    province: { set: '2025', code: local.province.code },
  });
  assert.equal(user.status, 201, user.text);
  const own = await s.session('province-31', user.json.one_time_password);
  const r = await own('POST', '/api/v1/plans/adjustments', body);
  assert.equal(r.status, 201, r.text);
  const after = (await ministry('GET', '/api/v1/plans/rollup?from=2018&to=2018')).json;
  assert.equal(after.total.KCDP.amount_vnd, decided.KCDP - 1_000_000);
  // The local decision is the People's Committee's document, with the city's own wording.
  const localDecision = r.json.id;
  const doc = await fetch(`${s.base}/api/v1/plans/decisions/${localDecision}/document`, {
    headers: { Cookie: dept.cookie },
  });
  assert.equal(doc.status, 200);
  const file = join(dir, 'local.pdf');
  writeFileSync(file, Buffer.from(await doc.arrayBuffer()));
  const text = spawnSync('pdftotext', [file, '-']).stdout.toString().replace(/\s+/g, ' ');
  for (const expected of [
    'ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
    `Số: ${body.number}`,
    'Về việc điều chỉnh kế hoạch kinh phí khuyến công địa phương năm 2018',
    'Căn cứ Quyết định số 3310/QĐ-UBND',
    'TM. ỦY BAN NHÂN DÂN',
    'KCĐP đã giao',
  ])
    assert.ok(text.includes(expected), `${expected} in ${text.slice(0, 400)}`);
  assert.ok(!text.includes('Bộ trưởng Bộ Công Thương'), 'not the ministry');
  const appendix = await dept(
    'GET',
    `/api/v1/plans/decisions/${localDecision}/appendix?format=csv`,
  );
  assert.equal(appendix.status, 200);
});
