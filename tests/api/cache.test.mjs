// Answers that do not change are not rebuilt: ETags and 304, a per-scope cache invalidated
// by every write — also by a write through another server process on the same database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let a;
let b;
before(async () => {
  a = await startServer({ demo: true });
  b = await startServer({ attachTo: a.db });
});
after(async () => {
  await b.stop();
  await a.stop({ keepDatabase: false });
});

test('a conditional GET is answered 304 until the data changes', async () => {
  const dept = await a.session('department');
  const first = await dept('GET', '/api/v1/projects?year=2019&page_size=5');
  const tag = first.headers.get('etag');
  assert.ok(tag, 'an ETag');
  const again = await dept('GET', '/api/v1/projects?year=2019&page_size=5', undefined, {
    'If-None-Match': tag,
  });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  const p = first.json.items[0];
  const full = (await dept('GET', `/api/v1/projects/${p.id}`)).json;
  const { id, created_at, updated_at, implementing_org_name, ...body } = full;
  (void id, void created_at, void updated_at, void implementing_org_name);
  const upd = await dept('PUT', `/api/v1/projects/${p.id}`, { ...body, title: 'Tên đã sửa' });
  assert.equal(upd.status, 200, upd.text);
  const after = await dept('GET', '/api/v1/projects?year=2019&page_size=5', undefined, {
    'If-None-Match': tag,
  });
  assert.equal(after.status, 200, 'a write makes the old tag stale');
  assert.notEqual(after.headers.get('etag'), tag);
});

test('no user ever sees another scope answer, and a write is seen by the next read', async () => {
  const hanoi = await a.session('province-01');
  const saigon = await a.session('province-79');
  const dept = await a.session('department');
  const url = '/api/v1/projects?page_size=3&sort=code';
  const h1 = await hanoi('GET', url);
  const s1 = await saigon('GET', url);
  const d1 = await dept('GET', url);
  assert.notEqual(h1.json.total, s1.json.total);
  assert.notEqual(h1.headers.get('etag'), s1.headers.get('etag'));
  assert.ok(d1.json.total > h1.json.total + s1.json.total);
  const h2 = await hanoi('GET', url);
  assert.deepEqual(h2.json, h1.json);
  // Saigon's tag is not Hanoi's: sending it gets the full answer, never a 304.
  const cross = await hanoi('GET', url, undefined, { 'If-None-Match': s1.headers.get('etag') });
  assert.equal(cross.status, 200);
  assert.deepEqual(cross.json, h1.json);

  // A write through the other process is seen by the next read through this one.
  const other = await b.session('department', 'demo');
  const facilities = '/api/v1/facilities?province=01&page_size=1';
  const before = (await hanoi('GET', facilities)).json.total;
  const made = await other('POST', '/api/v1/facilities', {
    name: 'Hộ kinh doanh mây tre đan Phú Vinh',
    kind: 'household_business',
    province: { set: '2008', code: '01' },
  });
  assert.equal(made.status, 201, made.text);
  assert.equal((await hanoi('GET', facilities)).json.total, before + 1);
});
