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

// Each server thread keeps the sessions it has read (app/session_cache.h) while the data
// version stays the same; ending a session or disabling its user raises the version, so the
// other process (on SQLite, another process on the same file) drops them at once.
test('a session ended or a user disabled through one server process ends at once in another', async () => {
  const other = await startServer({ attachTo: s.db, demo: true });
  const through = (api) =>
    fetch(`${other.base}/api/v1/session`, { headers: { Cookie: api.cookie } });
  try {
    const api = await s.session('province-79');
    for (let i = 0; i < 4; i++) {
      assert.equal((await api('GET', '/api/v1/session')).status, 200);
      const r = await through(api);
      assert.equal(r.status, 200);
      assert.equal((await r.json()).user.login, 'province-79');
    }
    const logout = await fetch(`${other.base}/api/v1/session`, {
      method: 'DELETE',
      headers: { Cookie: api.cookie, 'X-CSRF-Token': api.csrf },
    });
    assert.equal(logout.status, 204);
    assert.equal((await api('GET', '/api/v1/session')).status, 401, 'logged out everywhere');

    const unit = await s.session('province-01');
    for (let i = 0; i < 4; i++) {
      assert.equal((await unit('GET', '/api/v1/projects?page_size=1')).status, 200);
      assert.equal((await through(unit)).status, 200);
    }
    const admin = await other.session('admin');
    const user = (await admin('GET', '/api/v1/users')).json.items.find(
      (u) => u.login === 'province-01',
    );
    const { id, login, demo_password, ...body } = user;
    assert.ok(id && login && demo_password !== undefined);
    const off = await admin('PUT', `/api/v1/users/${id}`, { ...body, disabled: true });
    assert.equal(off.status, 200, off.text);
    assert.equal((await unit('GET', '/api/v1/projects?page_size=1')).status, 401);
    assert.equal((await through(unit)).status, 401);
  } finally {
    await other.stop();
  }
});
