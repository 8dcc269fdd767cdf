// Intake and two-level appraisal through the API: a round, the workflow's transitions and
// their refusals, a council's scores and conflicts, and the demo's ranking checked against an
// independent computation from the members' own score sheets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf, startServer } from './server.mjs';

let s;
let dept;
const as = {};
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  for (const who of [
    'province-01',
    'appraiser1',
    'appraiser2',
    'appraiser3',
    'appraiser4',
    'appraiser5',
  ])
    as[who] = await s.session(who);
});
after(() => s.stop());

const iso = (d) => d.toISOString().slice(0, 10);
const days = (n) => iso(new Date(Date.now() + n * 86400000));

// A fresh program and round (for 2020, whose contents are in force) with its registration
// open around today, and a proposal of Hà Nội copied from the demo.
let made = 0;
async function proposal(closesIn) {
  const year = 2020;
  const tag = `T${++made}`;
  const program = await dept('POST', '/api/v1/programs', {
    code: `KCQG-${year}-${tag}`,
    level: 'KCQG',
    year,
    name: `Thử ${tag}`,
    budget_vnd: 1_000_000_000,
  });
  assert.equal(program.status, 201, program.text);
  const round = await dept('POST', '/api/v1/rounds', {
    program_id: program.json.id,
    year,
    opens_on: days(-10),
    closes_on: days(closesIn),
    forward_by: days(closesIn + 10),
  });
  assert.equal(round.status, 201, round.text);
  const api = as['province-01'];
  const mine = (await api('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  const p = (await api('GET', `/api/v1/projects/${mine.id}`)).json;
  const body = { ...p, code: `${p.code}-${tag}`, program_id: program.json.id, year };
  body.start = `${year}-03-01`;
  body.end = `${year}-11-30`;
  body.status = 'draft';
  for (const k of ['id', 'version', 'created_at', 'updated_at', 'may_edit', 'actions'])
    delete body[k];
  const created = await api('POST', '/api/v1/projects', body);
  assert.equal(created.status, 201, created.text);
  return { round: round.json, project: created.json };
}

async function act(api, p, action, reason) {
  const fresh = (await dept('GET', `/api/v1/projects/${p.id}`)).json;
  return api('POST', `/api/v1/projects/${p.id}/transitions`, {
    action,
    version: fresh.version,
    ...(reason ? { reason } : {}),
  });
}

test('a proposal goes from a province through both levels to passed; refusals change nothing', async () => {
  const { round, project } = await proposal(20);
  const prov = as['province-01'];
  assert.deepEqual((await prov('GET', `/api/v1/projects/${project.id}`)).json.actions, [
    'submit',
    'withdraw',
  ]);
  assert.equal((await act(prov, project, 'forward')).status, 409, 'out of order');
  assert.equal((await act(prov, project, 'submit')).json.status, 'submitted');
  const ret = await act(dept, project, 'return');
  assert.equal(ret.status, 422, 'returning needs a reason');
  assert.equal(ret.json.errors[0].field, 'reason');
  assert.equal(
    (await act(prov, project, 'start_province_appraisal')).json.status,
    'province_appraisal',
  );
  const viewed = (await prov('GET', `/api/v1/projects/${project.id}`)).json;
  assert.equal(viewed.may_edit, false, 'a filer cannot edit once appraisal starts');
  assert.equal((await act(prov, project, 'forward')).json.status, 'forwarded');
  assert.equal((await act(prov, project, 'start_ministry_appraisal')).status, 403);
  assert.equal(
    (await act(dept, project, 'start_ministry_appraisal')).json.status,
    'ministry_appraisal',
  );

  const users = (await (await s.session('admin'))('GET', '/api/v1/users')).json.items;
  const id = (login) => users.find((u) => u.login === login).id;
  const council = await dept('POST', `/api/v1/rounds/${round.id}/councils`, {
    level: 'ministry',
    name: 'Hội đồng thử',
    members: [
      { user_id: id('appraiser1'), role: 'chair' },
      { user_id: id('appraiser2') },
      { user_id: id('appraiser5') },
    ],
  });
  assert.equal(council.status, 201, council.text);
  const c = council.json.id;
  const assigned = await dept('POST', `/api/v1/councils/${c}/assignments`, {
    project_ids: [project.id],
  });
  assert.equal(assigned.json.assigned, 3);

  const sheetPath = `/api/v1/councils/${c}/sheets/${project.id}`;
  const criteria = (await as.appraiser1('GET', sheetPath)).json.criteria;
  const full = (pick) => ({ lines: criteria.map((k) => ({ criterion: k.code, points: pick(k) })) });
  const eleven = await as.appraiser1('PUT', sheetPath, {
    lines: [{ criterion: 'priority', points: 11 }],
  });
  assert.equal(eleven.status, 422, 'a score of 11 on a 10-point criterion');
  assert.equal(eleven.json.errors[0].code, 'score_range');
  assert.equal(
    (await as.appraiser4('GET', sheetPath)).status,
    404,
    'not a member: no such council',
  );
  const notAssigned = await as.appraiser4('PUT', sheetPath, { lines: [] });
  assert.equal(notAssigned.status, 404, 'nothing is scored');
  const conflict = await as.appraiser2('POST', `${sheetPath}/conflict`, { note: 'Người nhà' });
  assert.equal(conflict.json.conflict, true);
  const barred = await as.appraiser2(
    'PUT',
    sheetPath,
    full((k) => k.max_points),
  );
  assert.equal(barred.status, 409);
  assert.equal(barred.json.code, 'conflict_declared');
  assert.equal(
    (
      await as.appraiser1(
        'PUT',
        sheetPath,
        full((k) => k.max_points),
      )
    ).json.complete,
    true,
  );
  const partial = await as.appraiser5('PUT', sheetPath, {
    lines: [{ criterion: 'need', points: 5 }],
  });
  assert.equal(partial.json.complete, false, 'a partial sheet is a draft');

  const frozen = await dept('PUT', `/api/v1/rounds/${round.id}`, {
    ...round,
    criteria: [{ code: 'x', name: 'X', max_points: 100 }],
  });
  assert.equal(frozen.json.code, 'criteria_frozen');

  let ranking = (await dept('GET', `/api/v1/councils/${c}/ranking`)).json;
  assert.deepEqual(
    ranking.members.map((m) => [m.role, m.scored, m.conflicts]),
    [
      ['chair', 1, 0],
      ['member', 0, 1],
      ['member', 0, 0],
    ],
  );
  const item = ranking.items[0];
  assert.equal(item.counted, 1);
  assert.equal(item.expected, 2, '"1/2 đã chấm": the conflicted member is not expected');
  assert.equal(item.score, 100);
  assert.equal(item.passed, true);
  const concluded = await dept('POST', `/api/v1/councils/${c}/conclusions`, {
    project_id: project.id,
    conclusion: 'pass',
  });
  assert.equal(concluded.status, 200, concluded.text);
  assert.equal((await dept('GET', `/api/v1/projects/${project.id}`)).json.status, 'passed');
  ranking = (await dept('GET', `/api/v1/councils/${c}/ranking`)).json;
  assert.equal(ranking.items[0].conclusion, 'pass');
  const history = (await dept('GET', `/api/v1/projects/${project.id}/history`)).json.items;
  assert.deepEqual(
    history.map((h) => h.action),
    ['create', 'submit', 'start_province_appraisal', 'forward', 'start_ministry_appraisal', 'pass'],
  );
});

test("the demo's ministry council concludes its round once; its proposals' conclusions are then final", async () => {
  const round = (await dept('GET', '/api/v1/rounds?year=2019')).json.items[0];
  const councils = (await dept('GET', `/api/v1/rounds/${round.id}/councils`)).json.items;
  const council = councils.find((c) => c.level === 'ministry');
  const path = `/api/v1/councils/${council.id}/round-conclusion`;
  assert.equal((await dept('GET', path)).status, 404);
  const bad = await dept('POST', path, { summary: '' });
  assert.deepEqual(fieldsOf(bad.json).sort(), ['concluded_on', 'summary']);
  const ranking = (await dept('GET', `/api/v1/councils/${council.id}/ranking`)).json.items;
  const count = (k) => ranking.filter((i) => i.conclusion === k).length;
  const body = { concluded_on: '2019-09-30', summary: 'Hội đồng thống nhất kết quả thẩm định' };
  const open = ranking.filter((i) => i.conclusion === null).length;
  const done = await dept('POST', path, body);
  if (open > 0) {
    assert.equal(done.status, 409, done.text);
    assert.equal(done.json.code, 'unconcluded');
    return;
  }
  assert.equal(done.status, 201, done.text);
  assert.deepEqual(
    [done.json.passed, done.json.passed_with_changes, done.json.failed],
    [count('pass'), count('pass_with_changes'), count('fail')],
  );
  const ministry = await s.session('ministry');
  assert.deepEqual((await ministry('GET', path)).json, done.json);
  // The council's minutes carry the round's conclusion.
  const pdf = await fetch(`${s.base}/api/v1/councils/${council.id}/minutes`, {
    headers: { Cookie: dept.cookie },
  });
  const file = join(tmpdir(), `kc-minutes-${council.id}.pdf`);
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  const text = spawnSync('pdftotext', [file, '-']).stdout.toString().replace(/\s+/g, ' ');
  rmSync(file);
  assert.ok(text.includes(`Kết luận của Hội đồng (ngày 30/09/2019): ${body.summary}`), text);
  const again = await dept('POST', path, body);
  assert.equal(again.json.code, 'already_concluded');
  const changed = await dept('POST', `/api/v1/councils/${council.id}/conclusions`, {
    project_id: ranking[0].project_id,
    conclusion: 'fail',
  });
  assert.equal(changed.status, 409);
  assert.equal(changed.json.code, 'already_concluded');
});

test("a province's registration report: what it forwarded and its results of the year before", async () => {
  const round = (await dept('GET', '/api/v1/rounds?year=2019')).json.items.find(
    (r) => r.program === 'KCQG-2019' || r.year === 2019,
  );
  const prov = as['province-01'];
  const path = `/api/v1/rounds/${round.id}/registration-report?province=01`;
  const r = await prov('GET', path);
  assert.equal(r.status, 200, r.text);
  const mine = (
    await prov('GET', `/api/v1/projects?year=2019&province=01&province_set=2025&page_size=200`)
  ).json.items;
  const left = new Set([
    'draft',
    'submitted',
    'returned',
    'province_appraisal',
    'not_forwarded',
    'withdrawn',
  ]);
  const expected = mine.filter((p) => p.program_id === round.program_id && !left.has(p.status));
  assert.ok(expected.length > 0, 'Hà Nội forwarded proposals in the demo');
  assert.deepEqual(r.json.forwarded.map((p) => p.code).sort(), expected.map((p) => p.code).sort());
  assert.equal(
    r.json.totals.requested_vnd,
    expected.reduce((n, p) => n + p.requested_vnd, 0),
  );
  const before = (await prov('GET', '/api/v1/completion?year=2018&province=01&province_set=2025'))
    .json;
  assert.equal(r.json.previous_year.accepted_vnd, before.funds.accepted_vnd);
  assert.equal(r.json.previous_year.completion_rate, before.completion_rate);
  assert.equal((await as['province-01']('GET', path.replace('=01', '=79'))).status, 404);
  const file = await fetch(`${s.base}${path}&format=xlsx`, { headers: { Cookie: prov.cookie } });
  assert.equal(file.status, 200);
  assert.equal(
    Buffer.from(await file.arrayBuffer())
      .subarray(0, 2)
      .toString(),
    'PK',
  );
});

test('after the closing date a new proposal cannot be submitted; the 409 names the date', async () => {
  const { project } = await proposal(-1);
  const r = await act(as['province-01'], project, 'submit');
  assert.equal(r.status, 409);
  assert.equal(r.json.code, 'round_closed');
  const d = days(-1);
  assert.match(r.json.detail, new RegExp(`${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`));
  assert.equal((await dept('GET', `/api/v1/projects/${project.id}`)).json.status, 'draft');
});

test("the demo's ministry ranking matches a computation from the members' own sheets", async () => {
  const round = (await dept('GET', '/api/v1/rounds?year=2019')).json.items[0];
  const councils = (await dept('GET', `/api/v1/rounds/${round.id}/councils`)).json.items;
  const council = councils.find((c) => c.level === 'ministry');
  const ranking = (await dept('GET', `/api/v1/councils/${council.id}/ranking`)).json;
  const byId = Object.fromEntries(
    (await (await s.session('admin'))('GET', '/api/v1/users')).json.items.map((u) => [
      u.id,
      u.login,
    ]),
  );
  const expected = [];
  for (const item of ranking.items) {
    const totals = [];
    const perCriterion = {};
    for (const m of council.members.filter((x) => x.role !== 'secretary')) {
      const sheet = (
        await as[byId[m.user_id]]('GET', `/api/v1/councils/${council.id}/sheets/${item.project_id}`)
      ).json;
      if (!sheet.complete) continue;
      totals.push(sheet.lines.reduce((a, l) => a + l.points, 0));
      for (const l of sheet.lines)
        perCriterion[l.criterion] = (perCriterion[l.criterion] ?? 0) + l.points;
    }
    let used = [...totals].sort((a, b) => a - b);
    if (round.trim_extremes && used.length >= 5) used = used.slice(1, -1);
    const mean = used.reduce((a, b) => a + b, 0) / used.length;
    const floorsOk = round.criteria.every(
      (k) => k.floor_points === null || perCriterion[k.code] / totals.length >= k.floor_points,
    );
    expected.push({
      id: item.project_id,
      mean,
      requested: item.requested_vnd,
      code: item.code,
      passed: mean >= round.pass_mark && floorsOk,
    });
  }
  expected.sort(
    (a, b) => b.mean - a.mean || a.requested - b.requested || (a.code < b.code ? -1 : 1),
  );
  assert.deepEqual(
    ranking.items.map((i) => i.project_id),
    expected.map((e) => e.id),
  );
  assert.deepEqual(
    ranking.items.map((i) => i.passed),
    expected.map((e) => e.passed),
  );
  const conflicts = ranking.items.reduce((a, i) => a + i.conflicts, 0);
  assert.equal(conflicts, 1, 'one appraiser declared a conflict');
  assert.ok(ranking.items.some((i) => !i.passed) && ranking.items.some((i) => i.passed));
  // The command line prints the same ranking as CSV; the API gives it as XLSX.
  const xlsx = await dept('GET', `/api/v1/councils/${council.id}/ranking/export?format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const csv = s.cli('appraisal', 'ranking', '--council', String(council.id)).trim().split('\r\n');
  assert.equal(csv[0].split(',')[1], 'Mã đề án');
  assert.equal(csv.length, ranking.items.length + 1);
  assert.deepEqual(
    csv.slice(1, 4).map((line) => line.split(',')[1]),
    ranking.items.slice(0, 3).map((i) => i.code),
  );
});

test('an appraiser sees exactly the proposals assigned to them', async () => {
  const seen = (await as.appraiser4('GET', '/api/v1/projects?page_size=1')).json.total;
  const ministry = (await dept('GET', '/api/v1/projects?year=2019&page_size=1')).json.total;
  assert.ok(seen > 0 && seen < ministry, `${seen} of ${ministry}`);
  const other = (await dept('GET', '/api/v1/projects?year=2018&page_size=1')).json.items[0];
  assert.equal((await as.appraiser4('GET', `/api/v1/projects/${other.id}`)).status, 404);
});

test('eligibility checks name the earlier project, the rule and its legal source', async () => {
  const prov = dept;
  const list = (await prov('GET', '/api/v1/projects?year=2019&status=passed&page_size=200')).json;
  let source;
  for (const item of list.items) {
    const full = (await prov('GET', `/api/v1/projects/${item.id}`)).json;
    if ((full.beneficiary_ids ?? []).length > 0) source = full;
    if (source) break;
  }
  assert.ok(source, 'a passed 2019 proposal with beneficiaries');
  const program = (await dept('GET', '/api/v1/programs?year=2019')).json.items[0];
  const body = { ...source, code: `${source.code}-LAI`, program_id: program.id, status: 'draft' };
  Object.assign(body, { counterpart_vnd: 0, total_vnd: source.requested_vnd });
  for (const k of ['id', 'version', 'created_at', 'updated_at', 'may_edit', 'actions'])
    delete body[k];
  const created = await prov('POST', '/api/v1/projects', body);
  assert.equal(created.status, 201, created.text);
  const checks = (await prov('GET', `/api/v1/projects/${created.json.id}/checks`)).json.items;
  const duplicate = checks.find((c) => c.rule === 'duplicate');
  assert.ok(duplicate, JSON.stringify(checks));
  assert.equal(duplicate.params.project, source.code);
  const counterpart = checks.find((c) => c.rule === 'counterpart_required');
  assert.equal(counterpart.level, 'warning');
  assert.match(counterpart.legal_basis, /TT 28\/2018/);
  const original = (await prov('GET', `/api/v1/projects/${source.id}/checks`)).json.items;
  assert.ok(
    original.some((c) => c.rule === 'duplicate' && c.params.project === body.code) === false,
    'a draft does not count as support',
  );
});
