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

test('registering a facility keeps the answers that show no facility, and no other', async () => {
  const dept = await a.session('department');
  const deptB = await b.session('department', 'demo'); // logging in is a write: before p1
  const projects = '/api/v1/projects?year=2018&page_size=5&sort=-requested_vnd';
  const facilities = '/api/v1/facilities?page_size=5';
  const p1 = await dept('GET', projects);
  const f1 = await dept('GET', facilities);
  const made = await dept('POST', '/api/v1/facilities', {
    name: 'Cơ sở dệt thổ cẩm Mai Châu',
    kind: 'household_business',
    province: { set: '2008', code: '17' },
  });
  assert.equal(made.status, 201, made.text);
  // The project list is unchanged, so its tag still holds: 304, through either process.
  for (const s of [dept, deptB]) {
    const p2 = await s('GET', projects, undefined, { 'If-None-Match': p1.headers.get('etag') });
    assert.equal(p2.status, 304, 'the project list outlives a facility registered');
  }
  const f2 = await dept('GET', facilities, undefined, { 'If-None-Match': f1.headers.get('etag') });
  assert.equal(f2.status, 200, 'the facility list does not');
  assert.equal(f2.json.total, f1.json.total + 1);

  // Any other write still makes the project list's tag stale: here, an organization's.
  const org = (await dept('GET', '/api/v1/organizations?page_size=1')).json.items[0];
  const { id, created_at, updated_at, ...body } = org;
  (void created_at, void updated_at);
  const renamed = await dept('PUT', `/api/v1/organizations/${id}`, {
    ...body,
    name: `${org.name} (đổi tên)`,
    reason: 'đổi tên theo quyết định mới',
  });
  assert.equal(renamed.status, 200, renamed.text);
  const p3 = await dept('GET', projects, undefined, { 'If-None-Match': p1.headers.get('etag') });
  assert.equal(p3.status, 200, 'a write outside the facilities refreshes it');
});
