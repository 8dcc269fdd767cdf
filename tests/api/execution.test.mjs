// Execution: contracts, payments, progress reports, acceptance and the year's completion,
// on the demo's running local plan (Hải Phòng 2018) and on the 2019 plan once it is decided.
// Every refusal is checked to change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf, startServer } from './server.mjs';

let s, dept, admin;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  admin = await s.session('admin');
});
after(() => s.stop());

const LOCAL = 'KCDP-2018-31';
const contractOf = async (id) => (await dept('GET', `/api/v1/contracts/${id}`)).json;
const completion = async (program) =>
  (await dept('GET', `/api/v1/completion?program=${program}`)).json;

test('a unit reports, payments keep to the contract and the rule, the department accepts', async () => {
  const signed = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`)).json;
  assert.ok(signed.total > 0, 'the demo leaves signed contracts without a report');
  const c = signed.items[0];
  const before = await completion(LOCAL);
  const untouched = await contractOf(c.id);

  // Acceptance before any report, a payment above the contract, an advance above the rule.
  const accept = {
    contract_id: c.id,
    number: '15/BB-NT',
    accepted_on: '2018-12-20',
    verdict: 'passed',
    accepted_vnd: c.value_vnd,
    outputs: [],
  };
  const early = await dept('POST', '/api/v1/acceptances', accept);
  assert.equal(early.status, 409);
  assert.equal(early.json.code, 'contract_status');
  const over = await dept('POST', '/api/v1/payments', {
    contract_id: c.id,
    kind: 'payment',
    amount_vnd: c.value_vnd + 1,
    paid_on: '2018-07-01',
  });
  assert.equal(over.status, 409);
  assert.equal(over.json.code, 'above_contract');
  const advance = await dept('POST', '/api/v1/payments', {
    contract_id: c.id,
    kind: 'advance',
    amount_vnd: c.value_vnd,
    paid_on: '2018-07-01',
  });
  assert.equal(advance.status, 409);
  assert.equal(advance.json.code, 'advance_rule');
  assert.match(advance.json.detail, new RegExp(c.advance_rule.replace('.', '\\.')));
  const bad = await dept('POST', '/api/v1/payments', { contract_id: c.id, kind: 'gift' });
  assert.equal(bad.status, 422);
  assert.deepEqual(fieldsOf(bad.json).sort(), ['amount_vnd', 'kind', 'paid_on']);
  assert.deepEqual(await contractOf(c.id), untouched);
  assert.equal(untouched.payments.length, 0);

  // The implementing unit files a report: the contract and the project are under way.
  const unitUser = await admin('POST', '/api/v1/users', {
    login: 'unit-hp',
    display_name: 'Trung tâm Khuyến công Hải Phòng',
    role: 'unit',
    organization_id: c.organization_id,
  });
  assert.equal(unitUser.status, 201, unitUser.text);
  const unit = await s.session('unit-hp', unitUser.json.one_time_password);
  const mine = (await unit('GET', '/api/v1/contracts?page_size=100')).json;
  assert.ok(mine.items.every((x) => x.organization_id === c.organization_id));
  assert.ok(mine.items.some((x) => x.id === c.id));
  assert.equal((await unit('POST', '/api/v1/payments', { contract_id: c.id })).status, 403);
  const report = {
    contract_id: c.id,
    period_end: '2018-09-30',
    progress_pct: 70,
    spent_vnd: 10_000_000,
    problems: 'Chậm giao máy',
  };
  const filed = await unit('POST', '/api/v1/progress-reports', report);
  assert.equal(filed.status, 201, filed.text);
  const twice = await unit('POST', '/api/v1/progress-reports', report);
  assert.deepEqual(fieldsOf(twice.json), ['period_end']);
  const running = await contractOf(c.id);
  assert.equal(running.status, 'in_progress');
  assert.equal(running.progress_reports.length, 1);
  const project = (await dept('GET', `/api/v1/projects/${c.project_id}`)).json;
  assert.equal(project.status, 'in_progress');

  // Acceptance: actual outputs from the record; the completion moves by the accepted amount.
  const accepted = c.value_vnd - 5_000_000;
  const outputs = project.outputs.map((o) => ({ indicator: o.indicator, actual: o.quantity }));
  const tooMuch = await dept('POST', '/api/v1/acceptances', {
    ...accept,
    accepted_vnd: c.value_vnd + 1,
    outputs,
  });
  assert.deepEqual(fieldsOf(tooMuch.json), ['accepted_vnd']);
  const ok = await dept('POST', '/api/v1/acceptances', {
    ...accept,
    accepted_vnd: accepted,
    outputs,
  });
  assert.equal(ok.status, 201, ok.text);
  assert.deepEqual(
    ok.json.outputs.map((o) => [o.indicator, o.expected, o.actual]),
    project.outputs
      .map((o) => [o.indicator, o.quantity, o.quantity])
      .sort((a, b) => a[0].localeCompare(b[0])),
  );
  const after = await completion(LOCAL);
  assert.equal(after.funds.accepted_vnd, before.funds.accepted_vnd + accepted);
  assert.equal(after.projects.accepted, before.projects.accepted + 1);
  assert.ok(after.completion_rate > before.completion_rate);
  assert.equal((await dept('GET', `/api/v1/projects/${c.project_id}`)).json.status, 'completed');

  // Settlement only once the ledger equals the accepted amount.
  const view = await contractOf(c.id);
  const settle = { version: view.version, settled_on: '2018-12-30', counterpart_paid_vnd: 0 };
  const unpaid = await dept('POST', `/api/v1/contracts/${c.id}/settle`, settle);
  assert.equal(unpaid.status, 409);
  assert.equal(unpaid.json.code, 'unpaid');
  const pay = await dept('POST', '/api/v1/payments', {
    contract_id: c.id,
    kind: 'payment',
    amount_vnd: accepted,
    paid_on: '2018-12-27',
  });
  assert.equal(pay.status, 201, pay.text);
  assert.equal(pay.json.ledger.net_vnd, accepted);
  const done = await dept('POST', `/api/v1/contracts/${c.id}/settle`, settle);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.status, 'settled');
  assert.equal(done.json.counterpart_short_vnd, c.counterpart_vnd);
  const final = await completion(LOCAL);
  assert.equal(final.funds.disbursed_vnd, after.funds.disbursed_vnd + accepted);
  // What the project did not spend is released for the plan.
  assert.equal(final.funds.released_vnd, before.funds.released_vnd + 5_000_000);
});

test('a terminated contract cancels its project and takes no report', async () => {
  const list = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`)).json;
  const c = list.items.at(-1);
  const noReason = await dept('POST', `/api/v1/contracts/${c.id}/terminate`, {
    version: c.version,
  });
  assert.deepEqual(fieldsOf(noReason.json), ['reason']);
  const ended = await dept('POST', `/api/v1/contracts/${c.id}/terminate`, {
    version: c.version,
    reason: 'Cơ sở thụ hưởng xin dừng',
  });
  assert.equal(ended.status, 200, ended.text);
  assert.equal((await dept('GET', `/api/v1/projects/${c.project_id}`)).json.status, 'cancelled');
  const late = await dept('POST', '/api/v1/progress-reports', {
    contract_id: c.id,
    period_end: '2018-10-31',
    progress_pct: 10,
    spent_vnd: 0,
  });
  assert.equal(late.status, 409);
  assert.equal(late.json.code, 'contract_status');
  assert.equal((await contractOf(c.id)).progress_reports.length, 0);
  const stale = await dept('POST', `/api/v1/contracts/${c.id}/terminate`, {
    version: c.version,
    reason: 'again',
  });
  assert.equal(stale.status, 409);
});

test('what ended contracts left unused goes back to the plan through an adjustment', async () => {
  const released = async () => (await dept('GET', `/api/v1/plans/released?program=${LOCAL}`)).json;
  const r = await released();
  const ended = r.items.map((i) => i.contract_status).sort();
  assert.ok(ended.includes('terminated') && ended.includes('settled'), JSON.stringify(ended));
  for (const i of r.items) assert.equal(i.released_vnd, i.plan_vnd - i.used_vnd);
  assert.equal(
    r.total_vnd,
    r.items.reduce((sum, i) => sum + i.released_vnd, 0),
  );
  const before = await completion(LOCAL);
  assert.equal(before.funds.released_vnd, r.total_vnd);

  // A local plan is adjusted by its province's department.
  const user = await admin('POST', '/api/v1/users', {
    login: 'so-haiphong',
    display_name: 'Sở Công Thương Hải Phòng',
    role: 'province',
    province: { set: '2008', code: '31' },
  });
  assert.equal(user.status, 201, user.text);
  const hp = await s.session('so-haiphong', user.json.one_time_password);
  const adjust = (number, items) =>
    hp('POST', '/api/v1/plans/adjustments', {
      program: LOCAL,
      number,
      signer: 'Giám đốc Sở Công Thương',
      signed_on: '2018-12-28',
      reason: 'Điều chỉnh kinh phí không sử dụng hết',
      items,
    });
  const spent = r.items.find((i) => i.used_vnd > 0);
  const below = await adjust('1/QĐ-SCT', [{ code: spent.code, amount_vnd: spent.used_vnd - 1 }]);
  assert.equal(below.status, 409, below.text);
  assert.equal(below.json.code, 'below_used');
  const above = await adjust('1/QĐ-SCT', [{ code: spent.code, amount_vnd: spent.plan_vnd + 1 }]);
  assert.equal(above.status, 422, 'never above the request, let alone the plan');
  assert.deepEqual(fieldsOf(above.json), ['items/0/amount_vnd']);
  assert.deepEqual(await released(), r, 'refusals change nothing');

  const back = r.items.map((i) => ({ code: i.code, amount_vnd: i.used_vnd }));
  const done = await adjust('2/QĐ-SCT', back);
  assert.equal(done.status, 201, done.text);
  assert.equal(done.json.total_vnd, -r.total_vnd);
  const after = await completion(LOCAL);
  assert.equal(after.funds.plan_vnd, before.funds.plan_vnd - r.total_vnd);
  assert.equal(after.funds.released_vnd, 0);
  assert.deepEqual((await released()).items, []);
  const books = (await dept('GET', `/api/v1/plans/decisions?program=${LOCAL}`)).json.books;
  assert.equal(books.balanced, true);
});

test('an officer follows a contract; the attention list is read per officer', async () => {
  const c = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`)).json.items[0];
  const path = `/api/v1/contracts/${c.id}/officer`;
  const users = (await admin('GET', '/api/v1/users')).json.items;
  const id = (login) => users.find((u) => u.login === login).id;
  for (const who of ['unit-1', 'appraiser1']) {
    const r = await dept('POST', path, { version: c.version, officer_id: id(who) });
    assert.equal(r.status, 422, `${who}: ${r.text}`);
    assert.deepEqual(fieldsOf(r.json), ['officer_id']);
  }
  const me = dept.user.id;
  const ok = await dept('POST', path, { version: c.version, officer_id: me });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.officer_id, me);
  assert.equal(ok.json.officer_name, dept.user.display_name);
  const stale = await dept('POST', path, { version: c.version, officer_id: me });
  assert.equal(stale.status, 409);

  const day = '2019-06-01'; // every running contract of 2018 is past its end
  const all = (await dept('GET', `/api/v1/attention?as_of=${day}`)).json;
  const mine = (await dept('GET', `/api/v1/attention?as_of=${day}&officer=me`)).json;
  assert.deepEqual(
    mine.items.map((i) => i.contract_id),
    [c.id],
  );
  assert.equal(mine.items[0].officer_name, dept.user.display_name);
  const tally = all.by_officer.find((o) => o.officer_id === me);
  assert.deepEqual([tally.running, tally.flagged], [1, 1]);
  assert.equal(
    all.by_officer.reduce((n, o) => n + o.running, 0),
    all.running,
  );
  const bad = await dept('GET', `/api/v1/attention?officer=someone`);
  assert.deepEqual(fieldsOf(bad.json), ['officer']);
});

test('an extension moves the end, in order; a visit records its actions', async () => {
  const c = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`)).json.items[0];
  const path = `/api/v1/contracts/${c.id}/changes`;
  const change = {
    version: c.version,
    kind: 'extension',
    reason: 'Thiết bị giao chậm',
    decision_number: '120/QĐ-CTĐP',
    decision_date: '2018-10-01',
    end_on: c.end_on,
  };
  const same = await dept('POST', path, change);
  assert.deepEqual(fieldsOf(same.json), ['end_on']);
  const longer = await dept('POST', path, { ...change, end_on: '2019-03-31' });
  assert.equal(longer.status, 201, longer.text);
  assert.equal(longer.json.old_end_on, c.end_on);
  let view = await contractOf(c.id);
  assert.equal(view.end_on, '2019-03-31');
  // An extension approved before the one already recorded overlaps it: refused, nothing moves.
  const earlier = await dept('POST', path, {
    ...change,
    version: view.version,
    decision_number: '99/QĐ-CTĐP',
    decision_date: '2018-09-15',
    end_on: '2019-06-30',
  });
  assert.equal(earlier.status, 409);
  assert.equal(earlier.json.code, 'overlapping_extension');
  view = await contractOf(c.id);
  assert.equal(view.end_on, '2019-03-31');
  assert.equal(view.changes.length, 1);
  // The year ends: an advance not yet settled is carried over (or recovered by a payment).
  const none = await dept('POST', path, {
    ...change,
    version: view.version,
    kind: 'carry_over',
    decision_date: '2018-12-31',
  });
  assert.equal(none.status, 409);
  assert.equal(none.json.code, 'nothing_unsettled');
  const running = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=in_progress`)).json
    .items;
  const holding = running.find((x) => x.advance_rule !== 'advance_share.ccn_infrastructure');
  const before = await contractOf(holding.id);
  assert.ok(before.ledger.net_vnd > 0, 'the demo advanced the running contracts');
  const carried = await dept('POST', `/api/v1/contracts/${holding.id}/changes`, {
    version: before.version,
    kind: 'carry_over',
    reason: 'Chuyển nguồn tạm ứng sang năm 2019',
    decision_number: '15/QĐ-CTĐP',
    decision_date: '2018-12-31',
  });
  assert.equal(carried.status, 201, carried.text);
  assert.equal(carried.json.amount_vnd, before.ledger.net_vnd);
  const visit = await dept('POST', `/api/v1/contracts/${c.id}/visits`, {
    visited_on: '2018-11-05',
    findings: 'Máy đã lắp đặt, chưa vận hành thử',
    actions: 'Vận hành thử và báo cáo',
    due_on: '2018-11-30',
  });
  assert.equal(visit.status, 201, visit.text);
  const backwards = await dept('POST', `/api/v1/contracts/${c.id}/visits`, {
    visited_on: '2018-11-05',
    findings: 'x',
    due_on: '2018-11-01',
  });
  assert.deepEqual(fieldsOf(backwards.json), ['due_on']);
  assert.equal((await contractOf(c.id)).visits.length, 1);
});

test('the 2019 plan: contracts drafted for the decision, signed, then flagged', async () => {
  const ministry = await s.session('ministry');
  const saved = await dept('POST', '/api/v1/plans/scenarios', {
    name: 'Thực hiện',
    program: 'KCQG-2019',
    weights: [],
    limits: [],
    bundles: 'independent',
    force_in: [],
    force_out: [],
    partial: { allowed: false, min_share: 0.7 },
  });
  assert.equal(saved.status, 201, saved.text);
  const decided = await ministry('POST', '/api/v1/plans/decisions', {
    scenario_id: saved.json.id,
    number: '3001/QĐ-BCT',
    signed_on: '2018-12-28',
    signer: 'Thứ trưởng',
  });
  assert.equal(decided.status, 201, decided.text);
  const item = decided.json.items[0];

  // A contract above the approved amount is refused, before any bulk draft.
  const project = (await dept('GET', `/api/v1/projects/${item.project_id}`)).json;
  const above = await dept('POST', '/api/v1/contracts', {
    project_id: item.project_id,
    number: '1/2019/HĐ-KCQG',
    value_vnd: item.amount_vnd + 1,
    start_on: project.start,
    end_on: project.end,
  });
  assert.equal(above.status, 422);
  assert.deepEqual(fieldsOf(above.json), ['value_vnd']);
  assert.equal((await dept('GET', '/api/v1/contracts?program=KCQG-2019')).json.total, 0);

  const drafted = await dept('POST', `/api/v1/plans/decisions/${decided.json.id}/contracts`);
  assert.equal(drafted.status, 201, drafted.text);
  assert.equal(drafted.json.created, decided.json.items.length);
  const again = await dept('POST', `/api/v1/plans/decisions/${decided.json.id}/contracts`);
  assert.equal(again.json.created, 0);
  for (const c of drafted.json.items) {
    const r = await dept('POST', `/api/v1/contracts/${c.id}/sign`, {
      version: c.version,
      signed_on: '2019-01-15',
    });
    assert.equal(r.status, 200, r.text);
  }
  const training = drafted.json.items.find((c) => c.advance_rule === 'advance_share.training');
  assert.equal(training.advance_pct, 70);

  // Early in the year nothing is flagged; by autumn money is not drawn and reports are due.
  const early = (await dept('GET', '/api/v1/attention?program=KCQG-2019&as_of=2019-01-20')).json;
  assert.equal(early.running, drafted.json.created);
  assert.equal(early.items.length, 0);
  const autumn = (await dept('GET', '/api/v1/attention?program=KCQG-2019&as_of=2019-10-01')).json;
  assert.equal(autumn.counts.money_not_drawn, drafted.json.created);
  assert.ok(autumn.counts.no_report > 0 && autumn.counts.behind_schedule > 0);
  const late = (await dept('GET', '/api/v1/attention?program=KCQG-2019&as_of=2020-06-01')).json;
  assert.ok(late.counts.deadline_passed > 0);
  const perProvince = autumn.by_province.reduce((a, p) => a + p.running, 0);
  assert.equal(perProvince, drafted.json.created);
  const bad = await dept('GET', '/api/v1/attention?as_of=tomorrow');
  assert.deepEqual(fieldsOf(bad.json), ['as_of']);
  // A province sees only its own projects' contracts.
  const province = await s.session('province-79');
  const own = (await province('GET', '/api/v1/attention?program=KCQG-2019&as_of=2019-10-01')).json;
  assert.ok(own.running < autumn.running);
});

test('the command line gives the same completion and refuses a bad day', async () => {
  const cli = JSON.parse(s.cli('execution', 'completion', '--program', 'KCQG-2018'));
  assert.deepEqual(cli, await completion('KCQG-2018'));
  assert.throws(
    () => s.cli('execution', 'attention', '--as-of', '31/02/2019'),
    (e) => e.status !== 0 && /as-of/.test(e.stderr.toString()),
  );
});

test('the contract, its acceptance and its liquidation minutes as documents filled from the records', async () => {
  const c = (await dept('GET', '/api/v1/contracts?program=KCQG-2018&status=settled&page_size=1'))
    .json.items[0];
  const view = await contractOf(c.id);
  const words = (path) =>
    fetch(`${s.base}${path}`, { headers: { Cookie: dept.cookie } }).then(async (r) => {
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('content-type'), 'application/pdf');
      const file = join(tmpdir(), `kc-paper-${c.id}-${path.length}.pdf`);
      writeFileSync(file, Buffer.from(await r.arrayBuffer()));
      const text = spawnSync('pdftotext', [file, '-']).stdout.toString().replace(/\s+/g, ' ');
      rmSync(file);
      return text;
    });
  const contract = await words(`/api/v1/contracts/${c.id}/document`);
  for (const expected of [
    'HỢP ĐỒNG THỰC HIỆN ĐỀ ÁN KHUYẾN CÔNG QUỐC GIA NĂM 2018',
    `Số: ${c.number}`,
    c.party_a,
    c.party_b,
    c.project_code,
    `${c.advance_pct}%`,
  ])
    assert.ok(contract.includes(expected), `${expected} in the contract`);
  const minutes = await words(`/api/v1/contracts/${c.id}/acceptance-minutes`);
  for (const expected of [
    'BIÊN BẢN NGHIỆM THU',
    `Số: ${view.acceptance.number}`,
    `Căn cứ Hợp đồng số ${c.number}`,
  ])
    assert.ok(minutes.includes(expected), `${expected} in the minutes`);
  const settlement = await words(`/api/v1/contracts/${c.id}/settlement-minutes`);
  const remaining = view.acceptance.accepted_vnd - view.ledger.net_vnd;
  for (const expected of [
    'BIÊN BẢN THANH LÝ HỢP ĐỒNG',
    `Căn cứ Biên bản nghiệm thu số ${view.acceptance.number}`,
    remaining === 0
      ? 'hai bên không còn khoản phải thanh toán'
      : remaining > 0
        ? 'Bên A còn phải thanh toán cho Bên B'
        : 'Bên B phải hoàn trả cho Bên A',
  ])
    assert.ok(settlement.includes(expected), `${expected} in the settlement minutes`);
  const docx = await fetch(`${s.base}/api/v1/contracts/${c.id}/document?format=docx`, {
    headers: { Cookie: dept.cookie },
  });
  assert.match(docx.headers.get('content-type'), /wordprocessingml/);
  assert.equal(
    Buffer.from(await docx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
    'PK',
  );
  const bad = await dept('GET', `/api/v1/contracts/${c.id}/document?format=odt`);
  assert.deepEqual(fieldsOf(bad.json), ['format']);
  const signed = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`)).json
    .items[0];
  const none = await dept('GET', `/api/v1/contracts/${signed.id}/acceptance-minutes`);
  assert.equal(none.status, 404);
  const unsettled = await dept('GET', `/api/v1/contracts/${signed.id}/settlement-minutes`);
  assert.equal(unsettled.status, 404);
});

test("a beneficiary confirmed by an acceptance enters the facility's support history", async () => {
  const accs = (await dept('GET', '/api/v1/acceptances?program=KCQG-2018&page_size=100')).json
    .items;
  const acc = accs.find((a) => a.beneficiaries.length > 1);
  assert.ok(acc, 'an acceptance confirming several beneficiaries');
  const history = (await dept('GET', `/api/v1/facilities/${acc.beneficiaries[1]}/support`)).json;
  const row = history.items.find((r) => r.project_id === acc.project_id);
  assert.equal(row.project_code, acc.project_code);
  assert.equal(row.year, 2018);
  assert.equal(row.share_vnd, Math.floor(acc.accepted_vnd / acc.beneficiaries.length));
});
