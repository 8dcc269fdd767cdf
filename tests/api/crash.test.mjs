// Crash safety: the server and a large import are killed with SIGKILL at random moments
// (fixed seed) during a burst of edits, 30 times. After each crash the database passes its
// integrity check, the import is all or nothing, every edit is all or nothing (one version,
// one audit row), and the audit chain verifies. Then plan decisions (approving a saved
// scenario, adjusting the plan) are killed the same way: a decision is there whole, with every
// project it moves, or not at all, and the books balance. Last, payments, progress reports and
// acceptances: every ledger stays within its contract, a contract is accepted exactly when its
// acceptance is recorded, the project follows its contract, every payment has its audit row.
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
let scenarioId;
before(async () => {
  base = await startServer({ demo: true });
  // A saved scenario for the ministry to approve: a small envelope, so a few proposals.
  const dept = await base.session('department');
  const saved = await dept('POST', '/api/v1/plans/scenarios', {
    name: 'Đợt thử',
    program: 'KCQG-2019',
    envelope_vnd: 3_000_000_000,
  });
  assert.equal(saved.status, 201, saved.text);
  scenarioId = saved.json.id;
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

test('a plan decision killed at any moment is there whole or not at all; the books balance', async () => {
  const random = rng(20191220);
  const db = base.db;
  const file = join(dir, 'adjust.csv');
  const passed = () =>
    count(db, "SELECT code FROM projects WHERE status = 'passed' ORDER BY code LIMIT 1");
  for (let trial = 0; trial < 12; trial++) {
    const decisionsBefore = Number(count(db, 'SELECT COUNT(*) FROM plan_decisions'));
    const number = `${9000 + trial}/QĐ-BCT`;
    const approved = Number(
      count(
        db,
        "SELECT COUNT(*) FROM plan_decisions WHERE kind = 'plan' AND program_id = (SELECT id FROM programs WHERE code = 'KCQG-2019')",
      ),
    );
    // Approve the saved scenario until it is in; then adjust: one more passed proposal enters.
    const args = approved
      ? ['plan', 'adjust', '--program', 'KCQG-2019', '--items', file, '--reason', 'Bổ sung']
      : ['plan', 'decide', '--scenario-id', String(scenarioId)];
    if (approved) writeFileSync(file, `code,amount_vnd\n${passed()},1000000\n`);
    const cli = spawn(
      BIN,
      [...args, '--number', number, '--date', '20/12/2018', '--signer', 'Thứ trưởng', '--db', db],
      { stdio: 'ignore' },
    );
    await new Promise((r) => setTimeout(r, random() * 2500));
    cli.kill('SIGKILL');
    await new Promise((r) => (cli.exitCode !== null || cli.signalCode ? r() : cli.on('exit', r)));

    if (!PG_URL) assert.equal(count(db, 'PRAGMA integrity_check'), 'ok', `trial ${trial}`);
    const added = Number(count(db, 'SELECT COUNT(*) FROM plan_decisions')) - decisionsBefore;
    assert.ok(added === 0 || added === 1, `trial ${trial}: ${added} decisions`);
    // Every decision's total is the sum of its items; every project with money is in the plan
    // (approved) and every approved project has money.
    const unbalanced = count(
      db,
      'SELECT COUNT(*) FROM plan_decisions d WHERE total_vnd <> (SELECT COALESCE(SUM(amount_vnd), 0) FROM plan_decision_items i WHERE i.decision_id = d.id)',
    );
    assert.equal(unbalanced, '0', `trial ${trial}: a decision without all its items`);
    const stray = count(
      db,
      "SELECT COUNT(*) FROM projects p WHERE p.program_id = (SELECT id FROM programs WHERE code = 'KCQG-2019') AND (p.status = 'approved') <> (COALESCE((SELECT SUM(amount_vnd) FROM plan_decision_items i WHERE i.project_id = p.id), 0) > 0)",
    );
    assert.equal(stray, '0', `trial ${trial}: a project's status and its money disagree`);
    const verify = spawnSync(BIN, ['audit', 'verify', '--db', db]);
    assert.equal(verify.status, 0, `trial ${trial}: ${verify.stderr}`);
  }
  // The crashes did not stop the work: something was decided.
  assert.ok(Number(count(db, 'SELECT COUNT(*) FROM plan_decisions')) > 3);
});

test('payments and acceptances killed at any moment leave every ledger reconciled', async () => {
  const random = rng(20181130);
  const db = base.db;
  for (let trial = 0; trial < 10; trial++) {
    const server = await startServer({ attachTo: db, demo: true });
    const api = await server.session('department');
    const running = (
      await api('GET', '/api/v1/contracts?program=KCDP-2018-31&status=in_progress&page_size=50')
    ).json.items;
    const signed = (
      await api('GET', '/api/v1/contracts?program=KCDP-2018-31&status=signed&page_size=50')
    ).json.items;
    const work = [];
    for (const [i, c] of running.entries())
      work.push(
        api('POST', '/api/v1/payments', {
          contract_id: c.id,
          kind: 'payment',
          amount_vnd: 1_000_000,
          paid_on: '2018-10-01',
        }).catch(() => null),
        i % 2 === 0
          ? api('POST', '/api/v1/acceptances', {
              contract_id: c.id,
              number: `${trial}-${i}/BB-NT`,
              accepted_on: '2018-12-15',
              verdict: 'passed',
              accepted_vnd: c.value_vnd - 2_000_000,
            }).catch(() => null)
          : null,
      );
    for (const [i, c] of signed.entries())
      work.push(
        api('POST', '/api/v1/progress-reports', {
          contract_id: c.id,
          period_end: `2018-09-${String(10 + trial).padStart(2, '0')}`,
          progress_pct: 20 + i,
          spent_vnd: 0,
        }).catch(() => null),
      );
    await new Promise((r) => setTimeout(r, random() * 400));
    server.kill();
    await Promise.allSettled(work);

    if (!PG_URL) assert.equal(count(db, 'PRAGMA integrity_check'), 'ok', `trial ${trial}`);
    const net =
      "(SELECT COALESCE(SUM(CASE WHEN y.kind = 'recovery' THEN -y.amount_vnd ELSE y.amount_vnd END), 0) FROM payments y WHERE y.contract_id = c.id)";
    const broken = count(
      db,
      `SELECT COUNT(*) FROM contracts c WHERE ${net} < 0 OR ${net} > c.value_vnd`,
    );
    assert.equal(broken, '0', `trial ${trial}: a ledger outside its contract`);
    // A contract is accepted exactly when its acceptance is there; the project follows.
    const mismatched = count(
      db,
      "SELECT COUNT(*) FROM contracts c WHERE c.level = 'implementation' AND (c.status IN ('accepted', 'settled')) <> EXISTS (SELECT 1 FROM acceptances x WHERE x.contract_id = c.id AND x.verdict <> 'failed')",
    );
    assert.equal(mismatched, '0', `trial ${trial}: a status without its acceptance`);
    const astray = count(
      db,
      "SELECT COUNT(*) FROM contracts c JOIN projects p ON p.id = c.project_id WHERE c.level = 'implementation' AND ((c.status = 'in_progress' AND p.status <> 'in_progress') OR (c.status IN ('accepted', 'settled') AND p.status <> 'completed'))",
    );
    assert.equal(astray, '0', `trial ${trial}: a project that does not follow its contract`);
    const unaudited = count(
      db,
      "SELECT (SELECT COUNT(*) FROM payments) - (SELECT COUNT(*) FROM audit_log WHERE entity = 'payments')",
    );
    assert.equal(unaudited, '0', `trial ${trial}: a payment without its audit row`);
    const verify = spawnSync(BIN, ['audit', 'verify', '--db', db]);
    assert.equal(verify.status, 0, `trial ${trial}: ${verify.stderr}`);
  }
  assert.ok(Number(count(db, 'SELECT COUNT(*) FROM acceptances')) > 262, 'something was accepted');
});
