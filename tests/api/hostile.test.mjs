// Bad input as a new user and an attacker would send it: each class gets a clear refusal (or
// a correct conversion) and nothing is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, fieldsOf, rawGet, startServer } from './server.mjs';

let s;
let dept;
let hanoi; // province-01
let ids;
const dir = mkdtempSync(join(tmpdir(), 'kc-hostile-'));

const total = async () => (await dept('GET', '/api/v1/projects?page_size=1')).json.total;

function project(overrides = {}) {
  return {
    code: 'HN-2019-X1',
    title: 'Hỗ trợ ứng dụng máy ép gạch không nung',
    year: 2019,
    program_id: ids.program,
    content_code: 'ND45-03',
    provinces: [{ set: '2008', code: '01' }],
    implementing_org_id: ids.hanoiOrg,
    requested_vnd: 300_000_000,
    counterpart_vnd: 300_000_000,
    start: '2019-04-01',
    end: '2019-11-30',
    ...overrides,
  };
}

before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  const programs = await dept('GET', '/api/v1/programs?year=2019');
  const orgs = await hanoi('GET', '/api/v1/organizations?page_size=1');
  const saigonFacilities = await dept('GET', '/api/v1/facilities?province=79&page_size=1');
  ids = {
    program: programs.json.items[0].id,
    hanoiOrg: orgs.json.items[0].id,
    saigonFacility: saigonFacilities.json.items[0].id,
  };
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('amounts near the int64 limit are refused by the dated ceiling; statistics keep working', async () => {
  const before = await total();
  const huge = 9_000_000_000_000_000_000n;
  const body = JSON.stringify(project({ requested_vnd: 0 })).replace(
    '"requested_vnd":0',
    `"requested_vnd":${huge}`,
  );
  const r = await hanoi('POST', '/api/v1/projects', body);
  assert.equal(r.status, 422, r.text);
  const e = r.json.errors.find((x) => x.field === 'requested_vnd');
  assert.match(e.message, /ceiling/);
  assert.ok(!r.json.errors.some((x) => /negative/.test(x.message)), r.text);
  assert.equal(await total(), before);
  const stats = await hanoi('GET', '/api/v1/projects/stats');
  assert.equal(stats.status, 200);
});

test('text is NFC, invisible characters do not make new codes, controls are refused', async () => {
  const nfd = 'Khuye\u0302\u0301n co\u0302ng ma\u0301y e\u0301p ga\u0323ch';
  const a = await hanoi('POST', '/api/v1/projects', project({ code: 'HN-NFC', title: nfd }));
  assert.equal(a.status, 201, a.text);
  assert.equal(a.json.title, 'Khuyến công máy ép gạch');
  const twin = await hanoi('POST', '/api/v1/projects', project({ code: 'HN-NFC\u200B' }));
  assert.equal(twin.status, 422, twin.text);
  assert.match(twin.json.errors.find((x) => x.field === 'code').message, /already used/);
  const before = await total();
  for (const [field, value] of [
    ['title', '\u200B\u2060\uFEFF\u00A0\u3000'],
    ['title', 'a\u0000b'],
    ['title', 'hoá đơn\u202Egnp.exe'],
    ['code', 'X\u0007'],
  ]) {
    const r = await hanoi('POST', '/api/v1/projects', project({ code: 'HN-BAD', [field]: value }));
    assert.equal(r.status, 422, `${JSON.stringify(value)}: ${r.text}`);
    assert.ok(fieldsOf(r.json).includes(field), r.text);
  }
  assert.equal(await total(), before);
  const found = await hanoi(
    'GET',
    `/api/v1/projects?q=${encodeURIComponent('Khuye\u0302\u0301n')}`,
  );
  assert.ok(found.json.total >= 1);
});

test('references outside the scope read exactly like ids that do not exist', async () => {
  const before = await total();
  const other = await hanoi(
    'POST',
    '/api/v1/projects',
    project({ code: 'HN-SCOPE', beneficiary_ids: [ids.saigonFacility] }),
  );
  const missing = await hanoi(
    'POST',
    '/api/v1/projects',
    project({ code: 'HN-SCOPE', beneficiary_ids: [99_999_999] }),
  );
  assert.equal(other.status, 422);
  assert.equal(missing.status, 422);
  const msg = (r) => r.json.errors.find((x) => x.field === 'beneficiary_ids/0').message;
  assert.equal(msg(other).replace(/\d+/, 'N'), msg(missing).replace(/\d+/, 'N'));
  const org = await hanoi(
    'POST',
    '/api/v1/projects',
    project({ code: 'HN-SCOPE', cooperating_org_ids: [ids.hanoiOrg + 500] }),
  );
  assert.equal(org.status, 422);
  assert.equal(await total(), before);
});

test('exports cannot run formulas in a spreadsheet', async () => {
  const r = await dept(
    'POST',
    '/api/v1/projects',
    project({ code: 'HN-FORMULA', title: '=HYPERLINK("http://x","bấm")' }),
  );
  assert.equal(r.status, 201, r.text);
  const csv = await dept('GET', '/api/v1/projects/export?format=csv&q=hn-formula');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /"'=HYPERLINK\(""http:\/\/x"",""bấm""\)"/);
  // And the file imports back with the title as it was.
  const file = join(dir, 'formula.csv');
  writeFileSync(file, csv.text.replace('HN-FORMULA', 'HN-FORMULA-2'));
  const other = join(dir, 'other.db');
  execFileSync(BIN, ['demo', '--db', other], { stdio: 'pipe' });
  const imported = spawnSync(BIN, ['import', 'projects', file, '--db', other]);
  assert.equal(imported.status, 0, imported.stderr.toString());
  const out = execFileSync(BIN, ['export', 'projects', '--q', 'hn-formula-2', '--db', other]);
  assert.match(out.toString(), /'=HYPERLINK/);
});

test('imports refuse fractional money, name the cell, and write nothing', () => {
  const header =
    'code,title,year,program_code,content_code,provinces,implementing_org_id,requested_vnd,start,end';
  const row = (code, amount) =>
    `${code},Thử,2019,KCQG-2019,ND45-03,2008:01,${ids.hanoiOrg},${amount},01/04/2019,30/11/2019`;
  const file = join(dir, 'money.csv');
  writeFileSync(file, [header, row('M-1', '1.000.000'), row('M-2', '1000.5'), ''].join('\n'));
  const r = spawnSync(BIN, ['import', 'projects', file, '--db', s.db]);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /row 3, column requested_vnd: must be a whole/);
  const junk = join(dir, 'junk.csv');
  writeFileSync(junk, Buffer.concat([Buffer.from('code\n'), Buffer.alloc(300_000, 0xff)]));
  const j = spawnSync(BIN, ['import', 'projects', junk, '--db', s.db]);
  assert.equal(j.status, 2);
  assert.ok(j.stderr.toString().split('\n').length < 110, 'at most a hundred problems');
});

test('cells typed in TCVN3 and VNI are converted to Unicode, each with a warning', async () => {
  // A Windows-1252 CSV as an old spreadsheet saves it: "Trung tâm Hà Nội" typed in TCVN3
  // (.VnTime) and "Hà Nội" typed in VNI (VNI-Times).
  const bytes = (hex) => Buffer.from(hex.replace(/ /g, ''), 'hex');
  const file = join(dir, 'legacy.csv');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('name,kind,province_set,province_code\r\n'),
      bytes('54 72 75 6E 67 20 74 A9 6D 20 48 B5 20 4E E9 69'),
      Buffer.from(',provincial_center,2008,01\r\nHTX '),
      bytes('48 61 F8 20 4E 6F E4 69'),
      Buffer.from(',other,2008,01\r\n'),
    ]),
  );
  const r = spawnSync(BIN, ['import', 'organizations', file, '--db', s.db]);
  assert.equal(r.status, 0, r.stderr.toString());
  const err = r.stderr.toString();
  assert.match(err, /read as Windows-1252/);
  assert.match(err, /row 2, column name: converted from TCVN3 to Unicode/);
  assert.match(err, /row 3, column name: converted from VNI to Unicode/);
  const found = await dept('GET', '/api/v1/organizations?q=trung tam ha noi&page_size=200');
  assert.ok(found.json.items.some((o) => o.name === 'Trung tâm Hà Nội'));
  const vni = await dept('GET', '/api/v1/organizations?q=htx ha noi&page_size=200');
  assert.ok(vni.json.items.some((o) => o.name === 'HTX Hà Nội'));
});

test('a legacy .xls workbook imports; merged header cells are refused with their column', async () => {
  const xls = fileURLToPath(new URL('../data/organizations.xls', import.meta.url));
  const r = spawnSync(BIN, ['import', 'organizations', xls, '--db', s.db]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.match(r.stderr.toString(), /row 3, column name: converted from TCVN3/);
  const found = await dept('GET', '/api/v1/organizations?q=xls&page_size=50');
  assert.deepEqual(found.json.items.map((o) => o.name).sort(), [
    'HTX Hà Nội XLS',
    'Trung tâm Khuyến công XLS',
  ]);
  const merged = spawnSync(BIN, [
    'import',
    'organizations',
    xls,
    '--sheet',
    'Merged',
    '--db',
    s.db,
  ]);
  assert.equal(merged.status, 2);
  assert.match(merged.stderr.toString(), /row 1, column 2: the header cell is empty/);
  // A workbook that crashes libfreexl is refused as damaged; the importing process goes on.
  const before = (await dept('GET', '/api/v1/organizations?page_size=1')).json.total;
  const crash = fileURLToPath(new URL('../data/freexl-crash.xls', import.meta.url));
  const damaged = spawnSync(BIN, ['import', 'organizations', crash, '--db', s.db]);
  assert.equal(damaged.status, 2, damaged.stderr.toString());
  assert.match(damaged.stderr.toString(), /the workbook is damaged/);
  assert.equal((await dept('GET', '/api/v1/organizations?page_size=1')).json.total, before);
});

test('the program is named by its code as well as its id', async () => {
  const byCode = await dept('GET', '/api/v1/projects?program=KCQG-2019&page_size=1');
  const byId = await dept('GET', `/api/v1/projects?program=${ids.program}&page_size=1`);
  assert.equal(byCode.json.total, byId.json.total);
  assert.ok(byCode.json.total > 100);
});

// Sends raw bytes and returns everything the server answers until it closes (or 2 s pass).
function raw(text) {
  return new Promise((resolve, reject) => {
    const sock = connect(s.port, '127.0.0.1');
    let out = '';
    sock.setTimeout(2000, () => sock.end());
    sock.on('data', (d) => (out += d));
    sock.on('error', reject);
    sock.on('close', () => resolve(out));
    sock.write(text);
  });
}
const statusOf = (answer) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]);

test('HTTP: unknown methods, wrong methods, huge headers, unknown transfer codings, /assets', async () => {
  for (const m of ['FOO', 'get']) {
    const a = await raw(`${m} /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(statusOf(a), 501, `${m}: ${a}`);
  }
  const trace = await raw('TRACE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(statusOf(trace), 405);
  assert.match(trace, /\r\nAllow: GET, HEAD\r\n/i);
  const del = await dept('DELETE', '/api/v1/projects');
  assert.equal(del.status, 405);
  assert.equal(del.headers.get('allow'), 'GET, HEAD, POST');
  const big = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
  assert.equal(statusOf(big), 431);
  assert.match(big, /"status":431/);
  const smuggled = await raw(
    'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Transfer-Encoding: gzip\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
  );
  assert.equal(statusOf(smuggled), 501);
  assert.equal(
    (smuggled.match(/HTTP\/1\.1 /g) ?? []).length,
    1,
    'the body is not a second request',
  );
  for (const p of ['/app/assets', '/app/assets/', '/app/assets/nothing.js']) {
    const r = await rawGet(s.port, p);
    assert.equal(r.status, 404, p);
  }
});

test('HTTP: throttled logins say when to retry', async () => {
  let last;
  for (let i = 0; i < 6; i++) {
    last = await fetch(`${s.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'nobody-here', password: 'wrong' }),
    });
  }
  assert.equal(last.status, 429);
  assert.ok(Number(last.headers.get('retry-after')) > 0);
});
