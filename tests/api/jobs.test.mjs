// Background jobs: an export that the UI follows with progress and fetches when done; only
// the user who started a job sees it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';

let s;
before(async () => {
  s = await startServer({ demo: true });
});
after(() => s.stop());

async function until(api, id) {
  for (let i = 0; i < 200; i++) {
    const r = await api('GET', `/api/v1/jobs/${id}`);
    assert.equal(r.status, 200, r.text);
    if (r.json.status === 'done' || r.json.status === 'failed') return r.json;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('the job did not finish');
}

// Starts an export of 2019's projects as `api`'s user and waits for it to end.
async function exportJob(api) {
  const started = await api('POST', '/api/v1/jobs', {
    kind: 'export_projects',
    format: 'csv',
    filters: { year: 2019 },
  });
  assert.equal(started.status, 202, started.text);
  return until(api, started.json.id);
}

test('an export job runs in the background, reports progress and its file', async () => {
  const hanoi = await s.session('province-01');
  const done = await exportJob(hanoi);
  assert.equal(done.status, 'done');
  const direct = await hanoi('GET', '/api/v1/projects?year=2019&page_size=1');
  assert.equal(done.total, direct.json.total, 'the job exports what the list shows');
  assert.equal(done.done, done.total);
  for (let i = 0; i < 2; i++) {
    const file = await hanoi('GET', done.download);
    assert.equal(file.status, 200);
    assert.equal(file.text.trim().split('\n').length, done.total + 1, 'header and one line each');
  }
  const other = await s.session('province-79');
  assert.equal((await other('GET', `/api/v1/jobs/${done.id}`)).status, 404);
  assert.equal((await other('GET', done.download)).status, 404);
});

test('bad jobs are refused naming the field', async () => {
  const dept = await s.session('department');
  const r = await dept('POST', '/api/v1/jobs', {
    kind: 'export_projects',
    format: 'pdf',
    filters: { year: 'x' },
  });
  assert.equal(r.status, 422);
  assert.ok(
    r.json.errors.some((e) => e.field === 'filters/year'),
    r.text,
  );
  const k = await dept('POST', '/api/v1/jobs', { kind: 'reboot' });
  assert.equal(k.status, 422);
});

test("a stopped server leaves no job's file behind", async () => {
  const own = await startServer({ demo: true });
  assert.equal((await exportJob(await own.session('department'))).status, 'done');
  const exports = () => readdirSync(own.tmp).filter((f) => f.startsWith('khuyencong-export-'));
  assert.equal(exports().length, 1, 'the finished job keeps its file for download');
  await own.stop({ keepDatabase: true });
  assert.deepEqual(exports(), []);
  rmSync(join(own.tmp, '..'), { recursive: true, force: true });
});
