// Backups, restores and whole-database copies keep every table identical (row counts and
// checksums), on SQLite and — with KC_PG_URL — on PostgreSQL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_URL, freshDatabase, startServer } from './server.mjs';

let s;
let dir;
before(async () => {
  s = await startServer({ demo: true });
  dir = mkdtempSync(join(tmpdir(), 'kc-backup-'));
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cliOn = (db, ...args) => s.cliOn(db, ...args);
const sums = (db) => JSON.parse(cliOn(db, 'checksum'));
// PostgreSQL's planner statistics of the projects (columns with statistics): a copy or a
// restore gathers them, or the first searches would be planned blind.
const statistics = (db) =>
  Number(
    execFileSync('psql', [db, '-Atc', "SELECT COUNT(*) FROM pg_stats WHERE tablename = 'projects'"])
      .toString()
      .trim(),
  );

test('backup, change, restore: every table is back as it was', async () => {
  const file = join(dir, PG_URL ? 'kc.dump' : 'kc.db');
  const before = sums(s.db);
  assert.match(s.cli('backup', '--to', file), /Backed up/);
  const api = await s.session('department');
  const p = (await api('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  assert.equal(
    (await api('POST', `/api/v1/projects/${p.id}/cancel`, { version: p.version })).status,
    200,
  );
  const changed = sums(s.db);
  assert.notDeepEqual(changed.projects, before.projects);
  assert.notDeepEqual(changed.audit_log, before.audit_log);
  assert.match(s.cli('restore', '--from', file), /Restored/);
  assert.deepEqual(sums(s.db), before);
  assert.match(s.cli('audit', 'verify'), /verified/);
  if (PG_URL) assert.ok(statistics(s.db) > 0, 'the restore gathered no statistics');
});

test('migrate copies everything, the audit chain included, into an empty database', () => {
  const target = freshDatabase(dir);
  const out = cliOn('', 'migrate', '--from', s.db, '--to', target);
  assert.match(out, /checksums match/);
  assert.deepEqual(sums(target), sums(s.db));
  assert.match(cliOn(target, 'audit', 'verify'), /Audit chain verified: [1-9]/);
  if (PG_URL) assert.ok(statistics(target) > 0, 'the copy gathered no statistics');
  assert.throws(
    () => cliOn('', 'migrate', '--from', s.db, '--to', target),
    'the target is no longer empty',
  );
});
