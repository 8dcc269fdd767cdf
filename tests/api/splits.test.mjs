// A group project's amount split among its beneficiary facilities by a later letter: the demo's
// 2018 letters, a new letter through the API and the CLI, and the letters the system refuses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, fieldsOf, startServer } from './server.mjs';

let s, dept, dir;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  dir = mkdtempSync(join(tmpdir(), 'kc-splits-'));
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sum = (items) => items.reduce((a, i) => a + i.amount_vnd, 0);
const groups = async (program) =>
  (await dept('GET', `/api/v1/projects?program=${program}&kind=group&page_size=100`)).json.items;

test("the demo's 2018 group projects have letters adding up to their amounts", async () => {
  let split = 0;
  for (const g of await groups('KCQG-2018')) {
    const decided = (await dept('GET', `/api/v1/projects/${g.id}/plan`)).json.decided;
    if (decided.splits.length === 0) continue;
    split += 1;
    const last = decided.splits.at(-1);
    assert.equal(sum(last.items), decided.current_vnd, g.code);
    assert.equal(last.total_vnd, decided.current_vnd);
    const project = (await dept('GET', `/api/v1/projects/${g.id}`)).json;
    assert.deepEqual(
      last.items.map((i) => i.facility_id).sort((a, b) => a - b),
      [...project.beneficiary_ids].sort((a, b) => a - b),
    );
  }
  assert.ok(split > 0, 'a group project with a letter');
});

test('a new letter replaces the split; bad letters are refused and change nothing', async () => {
  let group, decided;
  for (const g of await groups('KCQG-2018')) {
    decided = (await dept('GET', `/api/v1/projects/${g.id}/plan`)).json.decided;
    if (decided.splits.length > 0 && decided.splits.at(-1).items.length > 1) {
      group = g;
      break;
    }
  }
  assert.ok(group, 'a group project split among two facilities or more');
  const [a, b] = decided.splits.at(-1).items;
  const moved = 1_000_000;
  const items = decided.splits.at(-1).items.map((i) => ({
    facility_id: i.facility_id,
    amount_vnd: i.amount_vnd + (i === a ? moved : i === b ? -moved : 0),
  }));
  const body = { number: '77/CTĐP-KC', signed_on: '2018-11-02', items };
  const path = `/api/v1/projects/${group.id}/split`;

  const unchanged = JSON.stringify(decided.splits);
  const short = await dept('POST', path, { ...body, items: items.slice(1) });
  assert.equal(short.status, 422);
  assert.equal(short.json.errors[0].field, 'items');
  assert.equal(short.json.errors[0].code, 'split_total');
  assert.equal(short.json.errors[0].params.total, String(decided.current_vnd));
  const unknown = await dept('POST', path, {
    ...body,
    items: [{ facility_id: 99_999_999, amount_vnd: 1 }, ...items.slice(1)],
  });
  assert.deepEqual(fieldsOf(unknown.json), ['items/0/facility_id']);
  const twice = await dept('POST', path, { ...body, items: [items[0], items[0]] });
  assert.deepEqual(fieldsOf(twice.json), ['items/1/facility_id']);
  const taken = await dept('POST', path, { ...body, number: decided.splits[0].number });
  assert.deepEqual(fieldsOf(taken.json), ['number']);
  const ministry = await s.session('ministry');
  assert.equal((await ministry('POST', path, body)).status, 403);
  const again = (await dept('GET', `/api/v1/projects/${group.id}/plan`)).json.decided;
  assert.equal(JSON.stringify(again.splits), unchanged);

  const r = await dept('POST', path, body);
  assert.equal(r.status, 201, r.text);
  assert.equal(sum(r.json.items), decided.current_vnd);
  const now = (await dept('GET', `/api/v1/projects/${group.id}/plan`)).json.decided;
  assert.equal(now.splits.length, decided.splits.length + 1);
  const amount = (id) => now.splits.at(-1).items.find((i) => i.facility_id === id).amount_vnd;
  assert.equal(amount(a.facility_id), a.amount_vnd + moved);
  assert.equal(amount(b.facility_id), b.amount_vnd - moved);
  const history = (await dept('GET', `/api/v1/projects/${group.id}/history`)).json.items;
  assert.ok(history.some((h) => h.action === 'split' && h.after.number === '77/CTĐP-KC'));

  // The CLI reads the letter from a file and names the row and column of a bad cell.
  const file = join(dir, 'split.csv');
  const lines = (rows) =>
    `facility_id,amount_vnd\n${rows.map((i) => `${i.facility_id},${i.amount_vnd}`).join('\n')}\n`;
  const cli = (number) =>
    spawnSync(BIN, [
      ...['plan', 'split', '--project', group.code, '--items', file],
      ...['--number', number, '--date', '03/11/2018', '--db', s.db],
    ]);
  writeFileSync(file, lines(items).replace(/,(\d+)\n$/, ',abc\n'));
  const bad = cli('78/CTĐP-KC');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr.toString(), new RegExp(`row ${items.length + 1}, column amount_vnd: `));
  writeFileSync(file, lines(decided.splits.at(-1).items));
  const good = cli('78/CTĐP-KC');
  assert.equal(good.status, 0, good.stderr.toString());
  assert.equal(JSON.parse(good.stdout.toString()).number, '78/CTĐP-KC');
});

test('only a group project in the plan is split', async () => {
  const regular = (await dept('GET', '/api/v1/projects?program=KCQG-2018&kind=regular')).json
    .items[0];
  const body = {
    number: '1/CTĐP-KC',
    signed_on: '2018-11-02',
    items: [{ facility_id: 1, amount_vnd: 1 }],
  };
  const notGroup = await dept('POST', `/api/v1/projects/${regular.id}/split`, body);
  assert.equal(notGroup.status, 409);
  assert.equal(notGroup.json.code, 'not_group');
  const proposal = (await groups('KCQG-2019'))[0];
  const notInPlan = await dept('POST', `/api/v1/projects/${proposal.id}/split`, body);
  assert.equal(notInPlan.status, 409);
  assert.equal(notInPlan.json.code, 'not_in_plan');
});
