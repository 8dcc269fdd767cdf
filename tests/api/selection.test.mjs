// The selection of typical products: a round at a level with its council; provinces nominate
// their facilities' products (eligible, in the round's area, not still recognised); members
// score or declare a conflict; the ranking is the appraisal's; concluding recognises the
// passing nominations as typical products with certificates the public can verify; a national
// round takes only regional winners. Who sees what: scores for the department and the
// members, a province only its own nominations, an appraiser only the rounds they sit on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startServer } from './server.mjs';

let s, dept, hanoi, a1, a4, a5, a2;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  [a1, a2, a4, a5] = await Promise.all(
    ['appraiser1', 'appraiser2', 'appraiser4', 'appraiser5'].map((l) => s.session(l)),
  );
});
after(() => s.stop());

const codes = (r) => (r.json.errors ?? []).map((e) => [e.field, e.code]);
const eligible = {
  own_product: true,
  mass_producible: true,
  quality_declared: true,
  safety_declared: true,
};

test("the demo's open round: a ranking for the council, only their own for a province", async () => {
  const round = (await dept('GET', '/api/v1/selection-rounds?page_size=1')).json.items[0];
  const d = (await dept('GET', `/api/v1/selection-rounds/${round.id}`)).json;
  assert.equal(d.status, 'open');
  assert.equal(
    d.criteria.reduce((n, c) => n + c.max_points, 0),
    100,
    'the four criteria groups share 100 points',
  );
  const scored = d.nominations.filter((n) => n.result.scored);
  assert.ok(scored.length > 0 && scored.length < d.nominations.length);
  // Ranks follow the scores: scored first, higher first.
  const byRank = [...d.nominations].sort((x, y) => x.result.rank - y.result.rank);
  for (let i = 1; i < byRank.length; i++) {
    const [p, q] = [byRank[i - 1].result, byRank[i].result];
    assert.ok(p.scored >= q.scored && (!q.scored || p.score >= q.score));
  }
  for (const n of scored) assert.equal(n.result.passed, n.result.score >= d.pass_mark);
  assert.ok(
    d.nominations.some((n) => n.result.conflicts > 0),
    'a member declared a conflict',
  );
  // A member sees its own sheet; another appraiser does not see the round.
  const mine = (await a1('GET', `/api/v1/selection-rounds/${round.id}`)).json;
  assert.ok(mine.nominations.some((n) => n.my_sheet?.lines.length === 4));
  assert.equal((await a4('GET', `/api/v1/selection-rounds/${round.id}`)).status, 404);
  assert.equal((await a4('GET', '/api/v1/selection-rounds')).json.total, 0);
  // A province: its own nominations, without scores.
  const theirs = (await hanoi('GET', `/api/v1/selection-rounds/${round.id}`)).json;
  assert.ok(theirs.nominations.every((n) => n.province_2025 === '01' && !('result' in n)));
});

test('a regional round from nomination to certificates, then a national round of its winners', async () => {
  const users = (await (await s.session('admin'))('GET', '/api/v1/users?page_size=100')).json.items;
  const id = (login) => users.find((u) => u.login === login).id;
  const closes = new Date(Date.now() + 20 * 86400e3).toISOString().slice(0, 10);
  const body = {
    year: 2026,
    level: 'regional',
    area_code: 'TRUNG',
    name: 'Bình chọn khu vực miền Trung 2026',
    closes_on: closes,
    members: [
      { user_id: id('appraiser1'), role: 'chair' },
      { user_id: id('appraiser4'), role: 'member' },
      { user_id: id('appraiser5'), role: 'member' },
    ],
  };
  const twoChairs = await dept('POST', '/api/v1/selection-rounds', {
    ...body,
    members: body.members.map((m) => ({ ...m, role: 'chair' })),
  });
  assert.deepEqual(codes(twoChairs), [['members', 'one_chair']]);
  assert.deepEqual(codes(await hanoi('POST', '/api/v1/selection-rounds', body)), [
    ['level', 'one_of'],
    ['province', 'own_province'],
  ]);
  // A province holds its commune rounds (the district's before July 2025), in its own province.
  const local = { ...body, area_code: undefined, name: 'Bình chọn cấp xã 2026' };
  const commune = await hanoi('POST', '/api/v1/selection-rounds', { ...local, level: 'commune' });
  assert.equal(commune.status, 201, commune.text);
  assert.equal(commune.json.province_2025, '01');
  const district = await hanoi('POST', '/api/v1/selection-rounds', { ...local, level: 'district' });
  assert.deepEqual(codes(district), [['level', 'level_not_in_force']]);
  const opened = await dept('POST', '/api/v1/selection-rounds', body);
  assert.equal(opened.status, 201, opened.text);
  const round = opened.json;

  const inRegion = async (region) =>
    (await dept('GET', `/api/v1/facilities?region=${region}&page_size=5`)).json.items;
  const [central, other] = await inRegion('BTBDHMT');
  const [northern] = await inRegion('DBSH');
  const nominate = (who, over) =>
    who('POST', `/api/v1/selection-rounds/${round.id}/nominations`, {
      facility_id: central.id,
      name: `Sản phẩm tiêu biểu ${central.id}`,
      group: 'handicraft',
      ...eligible,
      ...over,
    });
  const bad = await nominate(dept, { facility_id: northern.id, mass_producible: false });
  assert.deepEqual(codes(bad).sort(), [
    ['facility_id', 'not_in_area'],
    ['mass_producible', 'not_eligible'],
  ]);
  const first = await nominate(dept, {});
  assert.equal(first.status, 201, first.text);
  assert.deepEqual(codes(await nominate(dept, {})), [['name', 'listed_twice']]);
  const second = await nominate(dept, { facility_id: other.id, name: 'Sản phẩm thứ hai' });
  assert.equal(second.status, 201, second.text);

  const sheet = (points) => ({
    lines: round.criteria.map((c) => ({
      criterion: c.code,
      points: Math.round(c.max_points * points),
    })),
  });
  const url = (n) => `/api/v1/nominations/${n.json.id}/sheet`;
  assert.equal((await a2('PUT', url(first), sheet(0.9))).status, 404, 'not a member');
  const over = await a1('PUT', url(first), {
    lines: [{ criterion: 'market', points: 99 }],
  });
  assert.deepEqual(codes(over).sort(), [
    ['lines', 'required_for'],
    ['lines', 'required_for'],
    ['lines', 'required_for'],
    ['lines/0/points', 'score_range'],
  ]);
  for (const [who, p] of [
    [a1, 0.9],
    [a4, 0.8],
  ])
    assert.equal((await who('PUT', url(first), sheet(p))).status, 200);
  const declared = await a5('PUT', url(first), { conflict: true, conflict_note: 'Họ hàng' });
  assert.equal(declared.status, 200, declared.text);

  const early = await dept('POST', `/api/v1/selection-rounds/${round.id}/conclude`, {
    recognized_on: closes,
  });
  assert.deepEqual(codes(early), [[`nominations/${second.json.id}`, 'required_for']]);
  await a1('PUT', url(second), sheet(0.4));
  const before = (await dept('GET', '/api/v1/typical-products?kind=regional&page_size=1')).json;
  const done = await dept('POST', `/api/v1/selection-rounds/${round.id}/conclude`, {
    recognized_on: closes,
  });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.recognized.length, 1);
  const product = done.json.recognized[0];
  assert.equal(product.level, 'regional');
  assert.equal(product.area_code, 'TRUNG');
  const total = (p) => sheet(p).lines.reduce((n, l) => n + l.points, 0);
  assert.equal(product.score, (total(0.9) + total(0.8)) / 2, 'the conflict does not count');
  const verified = await call(s.base, 'GET', `/api/v1/verify/${product.verify_code}`);
  assert.equal(verified.status, 200);
  const after = (await dept('GET', '/api/v1/typical-products?kind=regional&page_size=1')).json;
  assert.equal(after.total, before.total + 1);
  const concluded = (await dept('GET', `/api/v1/selection-rounds/${round.id}`)).json;
  assert.equal(concluded.status, 'concluded');
  const status = Object.fromEntries(concluded.nominations.map((n) => [n.id, n.status]));
  assert.deepEqual(status, { [first.json.id]: 'recognized', [second.json.id]: 'not_recognized' });
  assert.deepEqual(codes(await nominate(dept, { name: 'Muộn' })), [['round', 'round_closed']]);
  assert.deepEqual(codes(await a1('PUT', url(second), sheet(0.9))), [['round', 'round_closed']]);

  // The national round takes the regional winner, and nothing else.
  const national = await dept('POST', '/api/v1/selection-rounds', {
    ...body,
    level: 'national',
    area_code: undefined,
    name: 'Bình chọn cấp quốc gia 2026',
  });
  assert.equal(national.status, 201, national.text);
  const nat = (over) =>
    dept('POST', `/api/v1/selection-rounds/${national.json.id}/nominations`, {
      facility_id: central.id,
      group: 'handicraft',
      ...eligible,
      ...over,
    });
  assert.deepEqual(codes(await nat({ name: 'Sản phẩm thứ hai' })), [
    ['name', 'not_regional_winner'],
  ]);
  const winner = await nat({ name: product.name });
  assert.equal(winner.status, 201, winner.text);
});
