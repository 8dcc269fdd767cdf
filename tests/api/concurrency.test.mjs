// Sixteen clients edit the same records at once: every write either wins or gets 409, no
// update is lost, nothing deadlocks, nothing answers 500. With KC_PG_URL this runs on
// PostgreSQL, and two server processes share the database: a session opened through one
// process works through the other.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PG_URL, startServer } from './server.mjs';

let s;
before(async () => {
  s = await startServer({ demo: true });
});
after(() => s.stop());

const writable = (p) => {
  const body = { ...p };
  for (const k of ['id', 'created_at', 'updated_at']) delete body[k];
  return body;
};

test('16 concurrent editors: no lost update, no deadlock, no 500', async () => {
  const clients = await Promise.all(Array.from({ length: 16 }, () => s.session('department')));
  const list = (await clients[0]('GET', '/api/v1/projects?year=2019&page_size=3')).json.items;
  for (let round = 0; round < 5; round++) {
    const results = await Promise.all(
      clients.map(async (api, i) => {
        const target = list[i % list.length];
        const p = (await api('GET', `/api/v1/projects/${target.id}`)).json;
        const r = await api('PUT', `/api/v1/projects/${p.id}`, {
          ...writable(p),
          title: `${target.title.split(' [')[0]} [round ${round} client ${i}]`,
        });
        return { id: p.id, status: r.status, body: r.json };
      }),
    );
    for (const r of results) assert.ok([200, 409].includes(r.status), `status ${r.status}`);
    for (const target of list) {
      const mine = results.filter((r) => r.id === target.id);
      const wins = mine.filter((r) => r.status === 200);
      assert.ok(wins.length >= 1, 'someone wins each round');
      const now = (await clients[0]('GET', `/api/v1/projects/${target.id}`)).json;
      const history = (await clients[0]('GET', `/api/v1/projects/${target.id}/history`)).json.items;
      // Every successful write is one version and one audit row: nothing was lost.
      assert.equal(now.version - 1, history.filter((h) => h.action !== 'create').length);
      const last = wins.map((w) => w.body).sort((a, b) => b.version - a.version)[0];
      assert.equal(now.title, last.title);
    }
  }
});

test(
  'a session opened through one server process works through another',
  { skip: !PG_URL },
  async () => {
    const other = await startServer({ attachTo: s.db, demo: true });
    try {
      const api = await s.session('province-79');
      const through = await fetch(`${other.base}/api/v1/session`, {
        headers: { Cookie: api.cookie },
      });
      assert.equal(through.status, 200);
      assert.equal((await through.json()).user.login, 'province-79');
      const logout = await fetch(`${other.base}/api/v1/session`, {
        method: 'DELETE',
        headers: { Cookie: api.cookie, 'X-CSRF-Token': api.csrf },
      });
      assert.equal(logout.status, 204);
      assert.equal((await api('GET', '/api/v1/session')).status, 401, 'logged out everywhere');
    } finally {
      await other.stop();
    }
  },
);
