// Starts a real khuyencong server process on an ephemeral loopback port with a fresh
// database, for API and browser tests. KC_BIN names the binary (set by `make test`).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkResponse } from './contract.mjs';

export const BIN = process.env.KC_BIN ?? 'build/debug/khuyencong';

// Without demo data, a `department` account is created with TEST_PASSWORD; the demo data
// set has its own accounts (password "demo"). `extraArgs` go to `serve`.
export const TEST_PASSWORD = 'department-test-password';

// With KC_PG_URL set (scripts/with-postgres), every server gets a fresh PostgreSQL database;
// otherwise a fresh SQLite file.
export const PG_URL = process.env.KC_PG_URL ?? '';
let databases = 0;

export function freshDatabase(dir) {
  if (!PG_URL) return join(dir, 'test.db');
  const name = `kc_test_${process.pid}_${++databases}`;
  execFileSync('psql', [PG_URL, '-qc', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
  return PG_URL.replace(/\/[^/]*$/, `/${name}`);
}

// Runs SQL behind the application's back (tests of tamper detection).
export function rawSql(db, sql) {
  if (PG_URL) return spawnSync('psql', ['-v', 'ON_ERROR_STOP=1', db, '-qc', sql]);
  return spawnSync('sqlite3', [db, sql]);
}

// The demo data set takes seconds to build in the sanitized build, and every suite starts from
// it: it is built once per binary (the key is the binary's size and time) and copied — a
// SQLite file, or a PostgreSQL template database. The copy is what `demo` would have written.
function demoKey() {
  const st = statSync(BIN);
  return createHash('sha256')
    .update(`${realpathSync(BIN)} ${st.size} ${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 12);
}

// Where the PostgreSQL demo template's stored files are kept.
function demoFiles(key) {
  return join(tmpdir(), `kc-demo-${key}.pgfiles`);
}

// Moves a demo build's stored files (named by their SHA-256) to where copies find them; when
// another suite's build is already there, ours join it.
function placeFiles(from, to) {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true, force: false });
    rmSync(from, { recursive: true, force: true });
  }
}

function copyOfDemo(dir) {
  const key = demoKey();
  if (PG_URL) {
    const template = `kc_demo_${key}`;
    const exists = execFileSync('psql', [
      PG_URL,
      '-tAc',
      `SELECT 1 FROM pg_database WHERE datname = '${template}'`,
    ])
      .toString()
      .trim();
    if (exists !== '1') {
      // Suites run side by side: each builds under its own name, and the first to finish wins.
      const building = `${template}_${process.pid}`;
      execFileSync('psql', [PG_URL, '-qc', `DROP DATABASE IF EXISTS ${building}`], {
        stdio: 'pipe',
      });
      execFileSync('psql', [PG_URL, '-qc', `CREATE DATABASE ${building}`], { stdio: 'pipe' });
      const url = PG_URL.replace(/\/[^/]*$/, `/${building}`);
      // The demo's stored files (the bulletin's photos) go where its copies will find them,
      // in place before the template is.
      const files = `${demoFiles(key)}.${process.pid}`;
      rmSync(files, { recursive: true, force: true });
      execFileSync(BIN, ['demo', '--db', url], {
        stdio: 'pipe',
        env: { ...process.env, KC_FILES: files },
      });
      if (!existsSync(files)) mkdirSync(files);
      placeFiles(files, demoFiles(key));
      try {
        execFileSync('psql', [PG_URL, '-qc', `ALTER DATABASE ${building} RENAME TO ${template}`], {
          stdio: 'pipe',
        });
      } catch {
        execFileSync('psql', [PG_URL, '-qc', `DROP DATABASE IF EXISTS ${building}`], {
          stdio: 'pipe',
        });
      }
    }
    if (existsSync(demoFiles(key))) cpSync(demoFiles(key), join(dir, 'files'), { recursive: true });
    const name = `kc_test_${process.pid}_${++databases}`;
    execFileSync('psql', [PG_URL, '-qc', `CREATE DATABASE ${name} TEMPLATE ${template}`], {
      stdio: 'pipe',
    });
    return PG_URL.replace(/\/[^/]*$/, `/${name}`);
  }
  const cached = join(tmpdir(), `kc-demo-${key}.db`);
  if (!existsSync(cached)) {
    // Caches of other binaries go once they are a day old: a test run of another checkout on
    // the same machine may still be building or copying its own.
    const dayAgo = Date.now() - 86_400_000;
    for (const old of readdirSync(tmpdir()).filter((f) => /^kc-demo-\w+\.db/.test(f))) {
      const file = join(tmpdir(), old);
      if (statSync(file, { throwIfNoEntry: false })?.mtimeMs < dayAgo)
        rmSync(file, { recursive: true, force: true });
    }
    const building = `${cached}.${process.pid}.new`;
    execFileSync(BIN, ['demo', '--db', building], { stdio: 'pipe' });
    // The stored files first: a database in place means its files are too. Suites run side
    // by side: when another has put its files there first, ours join them.
    if (existsSync(`${building}.files`)) placeFiles(`${building}.files`, `${cached}.files`);
    renameSync(building, cached);
  }
  const db = join(dir, 'test.db');
  copyFileSync(cached, db);
  if (existsSync(`${cached}.files`)) cpSync(`${cached}.files`, `${db}.files`, { recursive: true });
  return db;
}

// `attachTo` starts another process on an existing database instead of a fresh one.
export async function startServer({ demo = false, web = '', extraArgs = [], attachTo = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kc-api-'));
  const db = attachTo || (demo ? copyOfDemo(dir) : freshDatabase(dir));
  if (!attachTo && !demo) execFileSync(BIN, ['init', '--db', db], { stdio: 'pipe' });
  if (!demo && !attachTo) {
    const add = ['user', 'add', 'department', '--role', 'department', '--name', 'Chuyên viên'];
    execFileSync(BIN, [...add, '--password-stdin', '--db', db], {
      input: TEST_PASSWORD + '\n',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }
  const args = ['serve', '--db', db, '--port', '0', '--quiet', ...extraArgs];
  if (web) args.push('--web', web);
  // A PostgreSQL deployment keeps stored files (attachments) in $KC_FILES: the test's own.
  const files = join(dir, 'files');
  // Its temporary files (exports, uploads) in the test's folder: what it leaves is seen there.
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const proc = spawn(BIN, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KC_FILES: files, TMPDIR: tmp },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    db,
    port,
    files: PG_URL ? files : `${db}.files`,
    tmp,
    // Logs in and returns a function like call() that sends the session cookie and CSRF token.
    async session(login, password = demo ? 'demo' : TEST_PASSWORD) {
      const r = await call(base, 'POST', '/api/v1/session', { login, password });
      if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status} ${r.text}`);
      const cookie = r.headers.get('set-cookie').split(';')[0];
      const csrf = r.json.csrf_token;
      const api = (method, path, body, headers = {}) =>
        call(base, method, path, body, { Cookie: cookie, 'X-CSRF-Token': csrf, ...headers });
      api.cookie = cookie;
      api.csrf = csrf;
      api.user = r.json.user;
      return api;
    },
    cli(...args) {
      return execFileSync(BIN, [...args, '--db', db], { stdio: 'pipe' }).toString();
    },
    // The CLI on another database ('' = no --db).
    cliOn(other, ...args) {
      const extra = other ? ['--db', other] : [];
      return execFileSync(BIN, [...args, ...extra], { stdio: 'pipe' }).toString();
    },
    async stop({ keepDatabase = false } = {}) {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
      if (!keepDatabase && !attachTo) rmSync(dir, { recursive: true, force: true });
    },
    // SIGKILL: a crash, not a shutdown.
    kill() {
      proc.kill('SIGKILL');
    },
  };
}

// fetch + JSON helpers. body may be an object (sent as JSON) or a raw string/Buffer.
// A read whose reused keep-alive connection the server had just closed is sent again once on a
// new connection, as browsers do for idempotent requests; anything else fails as it is.
async function fetchOnce(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    const socket = ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(e?.cause?.code);
    if (!socket || !['GET', 'HEAD'].includes(init.method)) throw e;
    console.error(`# ${init.method} ${url}: ${e.cause.code} on a reused connection; sent again`);
    return fetch(url, init);
  }
}

export async function call(base, method, path, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    if (!('Content-Type' in init.headers)) init.headers['Content-Type'] = 'application/json';
  }
  const res = await fetchOnce(base + path, init);
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  checkResponse(method, path, res, json);
  return { status: res.status, headers: res.headers, json, text };
}

export function fieldsOf(problem) {
  return (problem?.errors ?? []).map((e) => e.field);
}

// A GET with the path sent exactly as written (fetch would normalise "/../").
export function rawGet(port, path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, text: body }));
    });
    req.on('error', reject);
    req.end();
  });
}
