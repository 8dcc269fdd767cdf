// Sessions, CSRF, login throttling, password secrecy, the audit chain and its tamper
// detection, and the demo-password guard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BIN, PG_URL, call, rawSql, startServer } from './server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let s;
before(async () => {
  s = await startServer({ demo: true, extraArgs: ['--session-idle', '2'] });
});
after(() => s.stop());

const login = (name, password) =>
  call(s.base, 'POST', '/api/v1/session', { login: name, password });

test('the session cookie is HttpOnly and SameSite=Strict, Secure behind TLS', async () => {
  const r = await login('ministry', 'demo');
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.doesNotMatch(cookie, /Secure/);
  const tls = await call(
    s.base,
    'POST',
    '/api/v1/session',
    { login: 'ministry', password: 'demo' },
    { 'X-Forwarded-Proto': 'https' },
  );
  assert.match(tls.headers.get('set-cookie'), /; Secure/);
  assert.equal(r.json.user.password_hash, undefined);
});

test('an idle session expires; logout ends a session', async () => {
  const api = await s.session('ministry');
  assert.equal((await api('GET', '/api/v1/session')).status, 200);
  await sleep(3000);
  assert.equal((await api('GET', '/api/v1/session')).status, 401);
  const again = await s.session('ministry');
  assert.equal((await again('DELETE', '/api/v1/session')).status, 204);
  assert.equal((await again('GET', '/api/v1/session')).status, 401);
});

test('a state-changing request without the CSRF token is refused and changes nothing', async () => {
  const api = await s.session('department');
  const before = (await (await s.session('admin'))('GET', '/api/v1/audit')).json.items[0].id;
  const program = (await api('GET', '/api/v1/programs?year=2019')).json.items[0];
  const body = { ...program, name: 'Đổi tên' };
  delete body.id;
  const none = await call(s.base, 'PUT', `/api/v1/programs/${program.id}`, body, {
    Cookie: api.cookie,
  });
  assert.equal(none.status, 403);
  const wrong = await call(s.base, 'PUT', `/api/v1/programs/${program.id}`, body, {
    Cookie: api.cookie,
    'X-CSRF-Token': 'forged',
  });
  assert.equal(wrong.status, 403);
  const after = (await (await s.session('admin'))('GET', '/api/v1/audit')).json.items[0].id;
  assert.equal(after, before);
  const ok = await api('PUT', `/api/v1/programs/${program.id}`, body);
  assert.equal(ok.status, 200, ok.text);
});

test('failed logins never say whether the name exists, then slow down and lock', async () => {
  const wrongPassword = await login('province-01', 'nope');
  const noSuchUser = await login('no-such-user', 'nope');
  assert.equal(wrongPassword.status, 401);
  assert.equal(noSuchUser.status, 401);
  assert.equal(wrongPassword.json.detail, noSuchUser.json.detail);

  for (const name of ['province-79', 'ghost']) {
    await login(name, 'x'); // 1
    await login(name, 'x'); // 2
    assert.equal((await login(name, 'x')).status, 401); // 3: now it slows down
    assert.equal((await login(name, 'demo')).status, 429, name);
  }
  await sleep(2100);
  assert.equal((await login('province-79', 'x')).status, 401); // 4
  await sleep(4100);
  assert.equal((await login('province-79', 'x')).status, 401); // 5: locked
  await sleep(8100);
  assert.equal(
    (await login('province-79', 'demo')).status,
    429,
    'still locked with the right password',
  );
});

test('admins manage users; passwords are never returned', async () => {
  const admin = await s.session('admin');
  const created = await admin('POST', '/api/v1/users', {
    login: 'province-48',
    display_name: 'Sở Công Thương Đà Nẵng',
    role: 'province',
    province: { set: '2025', code: '48' },
  });
  assert.equal(created.status, 201, created.text);
  const password = created.json.one_time_password;
  assert.ok(password.length >= 12);
  const users = await admin('GET', '/api/v1/users');
  assert.ok(!users.text.includes('argon2'));
  assert.equal((await login('province-48', password)).status, 200);
  const disabled = await admin('PUT', `/api/v1/users/${created.json.id}`, {
    display_name: 'Sở Công Thương Đà Nẵng',
    role: 'province',
    province: { set: '2025', code: '48' },
    disabled: true,
    version: created.json.version,
  });
  assert.equal(disabled.status, 200, disabled.text);
  assert.equal((await login('province-48', password)).status, 401);
  const bad = await admin('POST', '/api/v1/users', {
    login: 'x y',
    display_name: '',
    role: 'king',
  });
  assert.equal(bad.status, 422);
});

test('every change is audited; the chain verifies and finds a row edited behind its back', async () => {
  const dept = await s.session('department');
  // A project under contract is cancelled by ending its contract; this one has none yet.
  const p = (await dept('GET', '/api/v1/projects?year=2019&status=passed&page_size=1')).json
    .items[0];
  const contracted = (await dept('GET', '/api/v1/projects?year=2018&page_size=1')).json.items[0];
  const refused = await dept('POST', `/api/v1/projects/${contracted.id}/cancel`, {
    version: contracted.version,
  });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.code, 'has_contract');
  const cancelled = await dept('POST', `/api/v1/projects/${p.id}/cancel`, {
    version: p.version,
    reason: 'Đơn vị xin rút',
  });
  assert.equal(cancelled.status, 200);
  const history = (await dept('GET', `/api/v1/projects/${p.id}/history`)).json.items;
  assert.equal(history[0].action, 'create');
  const last = history.at(-1);
  assert.equal(last.action, 'cancel');
  assert.equal(last.user, 'department');
  assert.equal(last.reason, 'Đơn vị xin rút');
  assert.equal(last.before.status, 'passed');
  assert.equal(last.after.status, 'cancelled');

  assert.match(s.cli('audit', 'verify'), /Audit chain verified/);
  const blocked = rawSql(s.db, "UPDATE audit_log SET reason = 'x' WHERE id = 5");
  assert.notEqual(blocked.status, 0, 'the table refuses updates');
  const unguard = PG_URL
    ? 'ALTER TABLE audit_log DISABLE TRIGGER audit_no_update;'
    : 'DROP TRIGGER audit_no_update;';
  const edited = rawSql(
    s.db,
    `${unguard} UPDATE audit_log SET after_json = '{"status":"approved"}' WHERE id = 7`,
  );
  assert.equal(edited.status, 0, edited.stderr?.toString());
  const verify = spawnSync(BIN, ['audit', 'verify', '--db', s.db]);
  assert.notEqual(verify.status, 0);
  assert.match(verify.stderr.toString(), /row 7/);
});

test('a server on a non-loopback address refuses to start with a demo password', () => {
  const r = spawnSync(BIN, ['serve', '--bind', '0.0.0.0', '--port', '0', '--db', s.db], {
    timeout: 10000,
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr.toString(), /demo password/);
});

test('an edit keeps its reason in the history, with the full name of who made it', async () => {
  const dept = await s.session('department');
  const p = (await dept('GET', '/api/v1/projects?year=2019&status=passed&page_size=1')).json
    .items[0];
  const full = (await dept('GET', `/api/v1/projects/${p.id}`)).json;
  const body = {
    ...full,
    title: `${full.title} (bổ sung)`,
    reason: 'Bổ sung theo góp ý thẩm định',
  };
  for (const k of ['id', 'created_at', 'updated_at']) delete body[k];
  const saved = await dept('PUT', `/api/v1/projects/${p.id}`, body);
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.reason, undefined); // about the change, not the record
  const history = (await dept('GET', `/api/v1/projects/${p.id}/history`)).json.items;
  const last = history.at(-1);
  assert.equal(last.action, 'update');
  assert.equal(last.reason, 'Bổ sung theo góp ý thẩm định');
  assert.equal(last.user, 'department');
  assert.notEqual(last.user_name, 'department');
  const wrong = await dept('PUT', `/api/v1/projects/${p.id}`, { ...body, reason: 7 });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.json.errors[0].field, 'reason');
});

test('a user changes their own password: the current one is asked, every session ends', async () => {
  const me = await s.session('unit-1');
  const wrong = await me('PUT', '/api/v1/session/password', {
    current_password: 'not-it',
    new_password: 'a-long-new-password',
  });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.json.errors[0].field, 'current_password');
  assert.equal(wrong.json.errors[0].code, 'wrong_password');
  const short = await me('PUT', '/api/v1/session/password', {
    current_password: 'demo',
    new_password: 'short',
  });
  assert.equal(short.status, 422);
  const ok = await me('PUT', '/api/v1/session/password', {
    current_password: 'demo',
    new_password: 'a-long-new-password',
  });
  assert.equal(ok.status, 204, ok.text);
  assert.equal((await me('GET', '/api/v1/session')).status, 401); // the session ended
  assert.equal((await login('unit-1', 'demo')).status, 401);
  assert.equal((await login('unit-1', 'a-long-new-password')).status, 200);
  const admin = await s.session('admin');
  const last = (await admin('GET', '/api/v1/audit')).json.items[0];
  assert.equal(last.action, 'password');
  assert.equal(last.user, 'unit-1');
  assert.doesNotMatch(JSON.stringify(last), /a-long-new-password/);
});
