// Crash safety: the server and a large import are killed with SIGKILL at random moments
// (fixed seed) during a burst of edits, 30 times. After each crash the database passes its
// integrity check, the import is all or nothing, every edit is all or nothing (one version,
// one audit row), and the audit chain verifies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, PG_URL, startServer } from './server.mjs';

const TRIALS = 30;
const IMPORT_ROWS = 1500;

// A small deterministic generator (mulberry32), so that every run kills at the same moments.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let base;
let dir;
let csv;
before(async () => {
  base = await startServer({ demo: true });
  await base.stop({ keepDatabase: true });
  dir = mkdtempSync(join(tmpdir(), 'kc-crash-'));
  csv = join(dir, 'facilities.csv');
  const rows = ['name,kind,province_set,province_code,employees'];
  for (let i = 0; i < IMPORT_ROWS; i++)
    rows.push(`Cơ sở thử ${i},household_business,2008,01,${i % 90}`);
  writeFileSync(csv, rows.join('\n') + '\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const count = (db, sql) => {
  const r = PG_URL ? spawnSync('psql', ['-tAc', sql, db]) : spawnSync('sqlite3', [db, sql]);
  return r.stdout.toString().trim();
};

test(`${TRIALS} crashes during an import and a burst of edits lose nothing half-written`, async () => {
  const random = rng(20181231);
  const db = base.db;
  for (let trial = 0; trial < TRIALS; trial++) {
    const facilitiesBefore = Number(count(db, 'SELECT COUNT(*) FROM facilities'));
    const server = await startServer({ attachTo: db, demo: true });
    const api = await server.session('department');
    const target = (await api('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
    const importer = spawn(BIN, ['import', 'facilities', csv, '--db', db], { stdio: 'ignore' });
    const edits = [];
    for (let i = 0; i < 12; i++) {
      edits.push(
        api('GET', `/api/v1/projects/${target.id}`)
          .then((r) => {
            const body = { ...r.json, title: `Tên sau sự cố ${trial}-${i}` };
            for (const k of ['id', 'created_at', 'updated_at']) delete body[k];
            return api('PUT', `/api/v1/projects/${target.id}`, body);
          })
          .catch(() => null),
      );
    }
    await new Promise((r) => setTimeout(r, 20 + random() * 2000));
    importer.kill('SIGKILL');
    server.kill();
    await Promise.allSettled(edits);
    await new Promise((r) =>
      importer.exitCode !== null || importer.signalCode ? r() : importer.on('exit', r),
    );

    if (!PG_URL) assert.equal(count(db, 'PRAGMA integrity_check'), 'ok', `trial ${trial}`);
    const added = Number(count(db, 'SELECT COUNT(*) FROM facilities')) - facilitiesBefore;
    assert.ok(
      added === 0 || added === IMPORT_ROWS,
      `trial ${trial}: import half-written (${added} rows)`,
    );
    const version = Number(count(db, `SELECT version FROM projects WHERE id = ${target.id}`));
    const updates = Number(
      count(
        db,
        `SELECT COUNT(*) FROM audit_log WHERE entity = 'projects' AND entity_id = ${target.id} AND action <> 'create'`,
      ),
    );
    assert.equal(
      version - 1,
      updates,
      `trial ${trial}: an edit without its audit row, or the reverse`,
    );
    const verify = spawnSync(BIN, ['audit', 'verify', '--db', db]);
    assert.equal(verify.status, 0, `trial ${trial}: ${verify.stderr}`);
  }
});
