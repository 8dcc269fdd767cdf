// Notifications through the API and the scheduler: a returned proposal reaches its filer in the
// app and by e-mail through a real SMTP server (Debian's aiosmtpd, started by the test) that is
// down at first, so the outbox keeps and retries the mail; each user's choices; and the worker's
// daily reminders on the demo, given once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { fieldsOf, startServer } from './server.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function until(what, check, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The SMTP sink: every message it receives, as printed by aiosmtpd's Debugging handler.
async function startSink(port) {
  const proc = spawn(
    '/usr/bin/python3',
    ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Debugging'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  await until('the SMTP sink', () => {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  });
  return {
    messages: () =>
      out
        .split('---------- MESSAGE FOLLOWS ----------')
        .slice(1)
        .map((m) => m.split('------------ END MESSAGE ------------')[0]),
    stop: () => proc.kill(),
  };
}

// The To, the decoded Subject and the decoded body of a printed message.
function decode(message) {
  const [head, ...rest] = message.replace(/\r/g, '').trim().split('\n\n');
  const header = (name) => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1] ?? '';
  const words = /^=\?UTF-8\?B\?(.*)\?=$/.exec(header('Subject'));
  return {
    to: header('To'),
    subject: words ? Buffer.from(words[1], 'base64').toString('utf8') : header('Subject'),
    body: Buffer.from(rest.join('').replace(/\s/g, ''), 'base64').toString('utf8'),
  };
}

let s, smtpPort, dept, prov, admin, unit;
before(async () => {
  smtpPort = await freePort();
  s = await startServer({
    demo: true,
    extraArgs: [
      '--smtp-url',
      `smtp://127.0.0.1:${smtpPort}`,
      '--mail-from',
      'khuyencong@example.vn',
      '--public-url',
      'https://kc.example.vn/',
      '--mail-retry-seconds',
      '1',
      '--scheduler-interval',
      '1',
    ],
  });
  dept = await s.session('department');
  prov = await s.session('province-01');
  admin = await s.session('admin');
  unit = await s.session('unit-1');
});
after(() => s.stop());

const iso = (d) => d.toISOString().slice(0, 10);
const days = (n) => iso(new Date(Date.now() + n * 86400000));

// A proposal of Hà Nội in an open round of a fresh program, submitted by the province.
async function submittedProposal() {
  const tag = `N${Date.now() % 100000}`;
  const program = await dept('POST', '/api/v1/programs', {
    code: `KCQG-2020-${tag}`,
    level: 'KCQG',
    year: 2020,
    name: `Thử ${tag}`,
    budget_vnd: 1_000_000_000,
  });
  assert.equal(program.status, 201, program.text);
  const round = await dept('POST', '/api/v1/rounds', {
    program_id: program.json.id,
    year: 2020,
    opens_on: days(-10),
    closes_on: days(20),
    forward_by: days(30),
  });
  assert.equal(round.status, 201, round.text);
  const mine = (await prov('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  const body = { ...(await prov('GET', `/api/v1/projects/${mine.id}`)).json };
  Object.assign(body, { code: `${body.code}-${tag}`, program_id: program.json.id, year: 2020 });
  Object.assign(body, { start: '2020-03-01', end: '2020-11-30', status: 'draft' });
  for (const k of ['id', 'version', 'created_at', 'updated_at', 'may_edit', 'actions'])
    delete body[k];
  const created = await prov('POST', '/api/v1/projects', body);
  assert.equal(created.status, 201, created.text);
  const sub = await act(prov, created.json, 'submit');
  assert.equal(sub.status, 200, sub.text);
  return sub.json;
}

async function act(api, p, action, reason) {
  const fresh = (await dept('GET', `/api/v1/projects/${p.id}`)).json;
  return api('POST', `/api/v1/projects/${p.id}/transitions`, {
    action,
    version: fresh.version,
    ...(reason ? { reason } : {}),
  });
}

const mailTo = async (to) =>
  (await admin('GET', '/api/v1/mail-outbox')).json.items.filter((m) => m.to === to);

test('a returned proposal reaches its province in the app, and by e-mail once the mail server is up', async () => {
  const choices = [{ kind: 'proposal_returned', in_app: true, email: true }];
  const bad = await prov('PUT', '/api/v1/notification-settings', {
    email: 'so hanoi',
    choices: [{ kind: 'weather', in_app: true, email: true }],
  });
  assert.equal(bad.status, 422, bad.text);
  assert.deepEqual(fieldsOf(bad.json), ['email', 'choices/0/kind']);
  assert.equal((await prov('GET', '/api/v1/notification-settings')).json.email, '');
  const saved = await prov('PUT', '/api/v1/notification-settings', {
    email: 'so-hanoi@example.vn',
    choices,
  });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.email, 'so-hanoi@example.vn');
  assert.equal(saved.json.choices.length, 4, 'every kind, the unsaved ones by default');

  const p = await submittedProposal();
  const reason = 'Thiếu dự toán chi tiết theo khoản chi';
  assert.equal((await act(dept, p, 'return', reason)).status, 200);
  const mine = (await prov('GET', '/api/v1/notifications?unread=true')).json;
  const note = mine.items.find(
    (n) => n.kind === 'proposal_returned' && n.link.endsWith(`/${p.id}`),
  );
  assert.ok(note, JSON.stringify(mine));
  assert.ok(note.body.includes(reason) && note.subject.includes(p.code), note.body);
  assert.ok(mine.unread >= 1);

  // The mail server is down: the mail waits in the outbox with its error and is retried.
  const failing = await until('a failed attempt', async () => {
    const [m] = await mailTo('so-hanoi@example.vn');
    return m && m.attempts >= 1 ? m : null;
  });
  assert.equal(failing.status, 'pending');
  assert.ok(failing.last_error.length > 0);
  const sink = await startSink(smtpPort);
  try {
    const sent = await until('the mail sent', async () => {
      const [m] = await mailTo('so-hanoi@example.vn');
      return m?.status === 'sent' ? m : null;
    });
    assert.ok(sent.attempts >= 2);
    const got = sink.messages().map(decode);
    assert.equal(got.length, 1, 'sent once');
    assert.equal(got[0].to, 'so-hanoi@example.vn');
    assert.equal(got[0].subject, note.subject);
    assert.ok(got[0].body.includes(reason), got[0].body);
    assert.ok(got[0].body.includes(`https://kc.example.vn/projects/${p.id}`), got[0].body);

    // Reading is per user: someone else's notification is not found.
    assert.equal((await unit('POST', `/api/v1/notifications/${note.id}/read`)).status, 404);
    const read = await prov('POST', `/api/v1/notifications/${note.id}/read`);
    assert.equal(read.json.marked, 1);
    const after = (await prov('GET', '/api/v1/notifications')).json;
    assert.equal(after.unread, mine.unread - 1);
    assert.equal(after.items.find((n) => n.id === note.id).read, true);

    // No e-mail for this kind any more: the next return is in the app only.
    choices[0].email = false;
    await prov('PUT', '/api/v1/notification-settings', { email: 'so-hanoi@example.vn', choices });
    assert.equal((await act(prov, p, 'submit')).status, 200);
    assert.equal((await act(dept, p, 'return', 'Lần hai')).status, 200);
    const again = (await prov('GET', '/api/v1/notifications?unread=true')).json;
    assert.ok(again.items.some((n) => n.body.includes('Lần hai')));
    assert.equal((await mailTo('so-hanoi@example.vn')).length, 1);
  } finally {
    sink.stop();
  }
});

test("the worker's reminders on the demo: each passed deadline once, to the department", async () => {
  const w = await startServer({ demo: true, extraArgs: ['--scheduler', 'off'] });
  try {
    const d = await w.session('department');
    const day = '2018-09-01';
    const flagged = (await d('GET', `/api/v1/attention?as_of=${day}`)).json.items
      .filter((i) => i.flags.includes('deadline_passed'))
      .map((i) => i.contract_number)
      .sort();
    assert.ok(flagged.length > 0, 'the demo has running contracts past their end on that day');
    const out = w.cli('worker', '--once', '--as-of', day);
    assert.match(out, new RegExp(`reminders ${day}: \\d+ notifications`));
    const passed = async () =>
      (await d('GET', '/api/v1/notifications')).json.items.filter(
        (n) => n.kind === 'deadline_passed',
      );
    const got = (await passed()).map((n) => n.subject.split(' ').pop()).sort();
    assert.deepEqual(got, flagged);
    assert.match(w.cli('worker', '--once', '--as-of', day), /: 0 notifications/, 'once a day');
    w.cli('worker', '--once', '--as-of', '2018-09-02');
    assert.equal((await passed()).length, flagged.length, 'once per deadline');
  } finally {
    await w.stop();
  }
});
