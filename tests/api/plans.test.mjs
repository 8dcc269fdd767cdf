// The plan builder through the API and the CLI on the demo: the 2019 round solved exactly
// (checked against its own limits, the baselines, and the exported model solved by the `cbc`
// and `glpsol` commands), invalid and infeasible scenarios, saved scenarios compared, and an
// imported scored round planned at its proven optimum. The decisions made from saved scenarios:
// decisions.test.mjs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BY_SCORE, FOCUSED, saveScenario, scenario, sum } from './plan-scenario.mjs';
import { BIN, fieldsOf, startServer } from './server.mjs';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const Ajv2020 = require('ajv/dist/2020').default;
const schema = (name) =>
  JSON.parse(readFileSync(new URL(`../../docs/${name}.schema.json`, import.meta.url), 'utf8'));

let s, dept, dir, ENVELOPE;

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
  const one = await saveScenario(dept, BY_SCORE());
  const two = await saveScenario(dept, FOCUSED());
  const again = await dept('POST', '/api/v1/plans/scenarios', BY_SCORE());
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
