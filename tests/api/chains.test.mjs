// Production–consumption chains: a product line's facilities linked as suppliers, producers
// and buyers with the projects that built the chain; a chain needs a producer, a facility once
// per role, facilities and projects that exist; a province leads only its own chains; an
// update replaces the links; the list's totals are the sums of its chains.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s, dept, hanoi, hcm;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  hcm = await s.session('province-79');
});
after(() => s.stop());

const codes = (r) => (r.json.errors ?? []).map((e) => [e.field, e.code]);

test("the demo's chains: producers the projects supported, totals that add up", async () => {
  const list = (await dept('GET', '/api/v1/chains?page_size=100')).json;
  assert.ok(list.total > 0);
  const sum = (k) => list.items.reduce((n, c) => n + c[k], 0);
  assert.equal(list.totals.chains, list.total);
  assert.equal(list.totals.producers, sum('producers'));
  assert.equal(list.totals.projects, sum('project_count'));
  assert.equal(list.totals.requested_vnd, sum('requested_vnd'));
  for (const c of list.items) {
    const d = (await dept('GET', `/api/v1/chains/${c.id}`)).json;
    assert.ok(
      d.links.some((l) => l.role === 'producer'),
      c.name,
    );
    assert.equal(d.links.length, c.suppliers + c.producers + c.buyers);
    assert.equal(d.projects.length, c.project_count);
    assert.equal(
      d.projects.reduce((n, p) => n + p.requested_vnd, 0),
      c.requested_vnd,
    );
    // Every producer of the product line is a facility of that line.
    for (const l of d.links) assert.equal(l.industry, c.product_line);
  }
  const one = (
    await dept('GET', `/api/v1/chains?q=${encodeURIComponent(list.items[0].product_line)}`)
  ).json;
  assert.ok(
    one.items.every(
      (c) =>
        c.product_line === list.items[0].product_line ||
        c.name.includes(list.items[0].product_line),
    ),
  );
});

test('a province records its own chain; bad links are named and nothing is written', async () => {
  const facilities = (await hanoi('GET', '/api/v1/facilities?page_size=3')).json.items;
  assert.equal(facilities.length, 3);
  const [a, b, c] = facilities.map((f) => f.id);
  const project = (await hanoi('GET', '/api/v1/projects?page_size=1')).json.items[0];
  const chain = (over = {}) => ({
    name: 'Chuỗi liên kết mây tre đan Phú Vinh',
    product_line: 'Mây tre đan',
    province: { set: '2025', code: '01' },
    links: [
      { facility_id: a, role: 'supplier' },
      { facility_id: b, role: 'producer' },
      { facility_id: c, role: 'buyer' },
    ],
    project_ids: [project.id],
    ...over,
  });
  const before = (await dept('GET', '/api/v1/chains?page_size=1')).json.total;
  const bad = await hanoi(
    'POST',
    '/api/v1/chains',
    chain({
      links: [
        { facility_id: a, role: 'supplier' },
        { facility_id: a, role: 'supplier' },
        { facility_id: 99999999, role: 'carrier' },
      ],
      project_ids: [99999999],
    }),
  );
  assert.equal(bad.status, 422);
  assert.deepEqual(codes(bad).sort(), [
    ['links', 'required_for'],
    ['links/1/facility_id', 'listed_twice'],
    ['links/2/facility_id', 'no_such_record'],
    ['links/2/role', 'one_of'],
    ['project_ids/0', 'no_such_record'],
  ]);
  const away = await hcm('POST', '/api/v1/chains', chain());
  assert.deepEqual(codes(away), [['province', 'own_province']]);
  assert.equal((await dept('GET', '/api/v1/chains?page_size=1')).json.total, before);

  const made = await hanoi('POST', '/api/v1/chains', chain());
  assert.equal(made.status, 201, made.text);
  const d = made.json;
  assert.deepEqual(
    d.links.map((l) => [l.role, l.facility_id]),
    [
      ['supplier', a],
      ['producer', b],
      ['buyer', c],
    ],
  );
  assert.equal(d.project_count, 1);
  assert.equal(d.requested_vnd, d.projects[0].requested_vnd);
  // Another province may neither read-modify nor see it as its own.
  const body = { ...chain(), version: d.version };
  assert.equal((await hcm('PUT', `/api/v1/chains/${d.id}`, body)).status, 404);
  // An update replaces the links: one more producer, no buyer, no project.
  const updated = await hanoi('PUT', `/api/v1/chains/${d.id}`, {
    ...chain({
      links: [
        { facility_id: a, role: 'producer' },
        { facility_id: b, role: 'producer' },
      ],
      project_ids: [],
    }),
    version: d.version,
  });
  assert.equal(updated.status, 200, updated.text);
  assert.deepEqual(
    [updated.json.producers, updated.json.buyers, updated.json.project_count],
    [2, 0, 0],
  );
  const stale = await hanoi('PUT', `/api/v1/chains/${d.id}`, body);
  assert.equal(stale.status, 409);
  assert.equal((await dept('GET', '/api/v1/chains?page_size=1')).json.total, before + 1);
});
