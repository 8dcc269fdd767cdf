// Localities' petitions: a province files one for itself, the department takes it in hand and
// answers it within the dated deadline; each side sees its status; a province sees only its
// own; a published answer appears on the public bulletin, an unpublished one does not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsOf, startServer } from './server.mjs';

let s, dept, hanoi, hcm;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  hcm = await s.session('province-79');
});
after(() => s.stop());

const addDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

test("the demo's petitions: one answered and published, one in hand, one new", async () => {
  // The first test: every petition is the demo's.
  const all = (await dept('GET', '/api/v1/petitions?page_size=100')).json.items;
  const by = (st) => all.filter((p) => p.status === st);
  assert.ok(by('answered').some((p) => p.published));
  assert.ok(by('assigned').length >= 1);
  assert.ok(by('submitted').length >= 1);
  const page = await (await fetch(`${s.base}/kien-nghi`)).text();
  for (const p of by('answered').filter((x) => x.published)) assert.ok(page.includes(p.title));
  for (const p of by('assigned')) assert.ok(!page.includes(p.title));
});

test('a province files, the department assigns and answers; the public sees published answers', async () => {
  const filed = await hanoi('POST', '/api/v1/petitions', {
    title: 'Đề nghị tập huấn lập đề án',
    body: 'Đề nghị Cục tổ chức tập huấn.\nCho cán bộ Trung tâm khuyến công.',
  });
  assert.equal(filed.status, 201, filed.text);
  const p = filed.json;
  assert.equal(p.status, 'submitted');
  const scope = (await hanoi('GET', '/api/v1/session')).json.scope_province_2025;
  assert.ok(scope, 'a province account has its province');
  assert.equal(p.province_2025, scope, "the filer's own province");
  assert.equal(p.due_on, addDays(p.filed_on, 30), 'due after the dated petition_answer_days');
  assert.equal(p.body, 'Đề nghị Cục tổ chức tập huấn.\nCho cán bộ Trung tâm khuyến công.');
  // Another province does not see it; the department does.
  assert.equal((await hcm('GET', `/api/v1/petitions/${p.id}`)).status, 404);
  const theirs = (await hcm('GET', '/api/v1/petitions?page_size=100')).json.items;
  assert.ok(theirs.every((x) => x.province_2025 === theirs[0].province_2025));
  assert.ok(!theirs.some((x) => x.id === p.id));
  const open = (await dept('GET', '/api/v1/petitions?status=open&page_size=100')).json.items;
  assert.ok(open.some((x) => x.id === p.id));
  // A province neither assigns nor answers.
  assert.equal(
    (await hanoi('POST', `/api/v1/petitions/${p.id}/answer`, { answer: 'x', version: 1 })).status,
    403,
  );
  const assigned = await dept('POST', `/api/v1/petitions/${p.id}/assign`, { version: p.version });
  assert.equal(assigned.status, 200, assigned.text);
  assert.equal(assigned.json.status, 'assigned');
  assert.equal(assigned.json.assignee_id, dept.user.id);
  const stale = await dept('POST', `/api/v1/petitions/${p.id}/answer`, {
    answer: 'Trả lời',
    version: p.version,
  });
  assert.equal(stale.status, 409, 'an answer to an old version is refused');
  const answered = await dept('POST', `/api/v1/petitions/${p.id}/answer`, {
    answer: 'Cục sẽ tổ chức tập huấn trong quý tới.',
    published: false,
    version: assigned.json.version,
  });
  assert.equal(answered.json.status, 'answered');
  const mine = (await hanoi('GET', `/api/v1/petitions/${p.id}`)).json;
  assert.equal(mine.answer, 'Cục sẽ tổ chức tập huấn trong quý tới.');
  const publicPage = async () => (await fetch(`${s.base}/kien-nghi`)).text();
  assert.ok(!(await publicPage()).includes('Đề nghị tập huấn lập đề án'), 'not published yet');
  const published = await dept('POST', `/api/v1/petitions/${p.id}/answer`, {
    answer: mine.answer,
    published: true,
    version: mine.version,
  });
  assert.equal(published.json.published, true);
  const page = await publicPage();
  assert.ok(page.includes('Đề nghị tập huấn lập đề án'));
  assert.ok(page.includes('Cục sẽ tổ chức tập huấn trong quý tới.'));
});

test('bad petitions are named field by field; only provinces file; assignees are officers', async () => {
  const bad = await hanoi('POST', '/api/v1/petitions', { title: '', extra: 1 });
  assert.equal(bad.status, 422);
  assert.deepEqual(fieldsOf(bad.json).sort(), ['body', 'extra', 'title']);
  assert.equal((await dept('POST', '/api/v1/petitions', { title: 'x', body: 'y' })).status, 403);
  const p = (await hanoi('POST', '/api/v1/petitions', { title: 'Câu hỏi', body: 'Nội dung' })).json;
  const province = await dept('POST', `/api/v1/petitions/${p.id}/assign`, {
    assignee_id: hanoi.user.id,
    version: p.version,
  });
  assert.equal(province.status, 422);
  assert.equal(province.json.errors[0].code, 'not_officer');
  const unchanged = (await dept('GET', `/api/v1/petitions/${p.id}`)).json;
  assert.equal(unchanged.status, 'submitted');
  assert.equal(unchanged.version, p.version);
});
