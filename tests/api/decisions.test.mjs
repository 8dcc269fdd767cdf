// Plan decisions through the API on the demo: a saved scenario approved by the ministry, an
// adjustment, the 2018 demo's decisions and their books, a decision as its document, and
// national and local plans rolled up.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BY_SCORE, FOCUSED, saveScenario, scenario, sum } from './plan-scenario.mjs';
import { BIN, fieldsOf, startServer } from './server.mjs';

let s, dept, dir;

// The two scenarios of the 2019 round that plans.test.mjs saves and changes.
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  dir = mkdtempSync(join(tmpdir(), 'kc-decisions-'));
  const one = await saveScenario(dept, BY_SCORE());
  await saveScenario(dept, FOCUSED());
  const changed = await dept('PUT', `/api/v1/plans/scenarios/${one.json.id}`, {
    version: one.json.version,
    scenario: scenario({ name: 'Theo điểm', envelope_vnd: 100_000_000_000 }),
  });
  assert.equal(changed.status, 200, changed.text);
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
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
