// Long work runs off the I/O threads: while two exports run again and again, /healthz and a
// project read keep answering quickly. /readyz checks the database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s;
before(async () => {
  s = await startServer({ demo: true });
});
after(() => s.stop());

test('/healthz and a read stay under 50 ms while two exports run', async () => {
  const dept = await s.session('department');
  const one = (await dept('GET', '/api/v1/projects?page_size=1')).json.items[0].id;
  let exporting = true;
  const exportTimes = [];
  const exporter = async () => {
    while (exporting) {
      const t0 = performance.now();
      const r = await dept('GET', '/api/v1/projects/export?format=xlsx');
      assert.equal(r.status, 200);
      exportTimes.push(performance.now() - t0);
    }
  };
  const running = [exporter(), exporter()];
  await new Promise((r) => setTimeout(r, 300));
  const latencies = [];
  for (let i = 0; i < 40; i++) {
    for (const path of ['/healthz', `/api/v1/projects/${one}`]) {
      const t0 = performance.now();
      const r = await fetch(s.base + path, { headers: { Cookie: dept.cookie } });
      await r.text();
      assert.equal(r.status, 200);
      latencies.push(performance.now() - t0);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  exporting = false;
  await Promise.all(running);
  const slowest = Math.max(...latencies);
  const meanExport = exportTimes.reduce((a, b) => a + b, 0) / exportTimes.length;
  assert.ok(
    meanExport > 50,
    `exports must be long for this test to mean something (${meanExport} ms)`,
  );
  assert.ok(
    slowest < 50,
    `slowest answer ${slowest.toFixed(1)} ms during exports of ${meanExport.toFixed(0)} ms`,
  );
});

test('/readyz checks the database and tells whether the search index is built', async () => {
  let body;
  for (let i = 0; i < 100; i++) {
    const r = await fetch(s.base + '/readyz');
    assert.equal(r.status, 200);
    body = await r.json();
    assert.equal(body.status, 'ready');
    assert.ok(['building', 'ready'].includes(body.search_index), JSON.stringify(body));
    if (body.search_index === 'ready') break;
    await new Promise((done) => setTimeout(done, 50));
  }
  assert.deepEqual(body, { status: 'ready', search_index: 'ready' });
});
