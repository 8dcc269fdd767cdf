// Imports from the UI (POST /api/v1/imports/{kind}): a check that reads every row and keeps
// nothing, then the import itself, all rows or none; bad cells named by row and column; the
// policy's refusals; nothing written by a refused or failed upload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s, dept;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
});
after(() => s.stop());

async function upload(api, kind, name, text, check) {
  const q = `name=${encodeURIComponent(name)}${check ? '&check=true' : ''}`;
  const r = await fetch(`${s.base}/api/v1/imports/${kind}?${q}`, {
    method: 'POST',
    headers: { Cookie: api.cookie, 'X-CSRF-Token': api.csrf, 'Content-Type': 'text/csv' },
    body: text,
  });
  const body = await r.text();
  return { status: r.status, json: body ? JSON.parse(body) : null };
}

// Two 2019 proposals in the import layout, from the register's own export, under new codes.
async function proposals(prefix, edit = () => {}) {
  const r = await fetch(`${s.base}/api/v1/projects/export?format=csv&program=KCQG-2019`, {
    headers: { Cookie: dept.cookie },
  });
  assert.equal(r.status, 200);
  const lines = (await r.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(',');
  const code = header.indexOf('code');
  const rows = lines.slice(1, 3).map((line, i) => {
    const cells = line.split(',');
    assert.equal(cells.length, header.length, 'a row without quoted commas');
    cells[code] = `${prefix}-${i + 1}`;
    edit(header, cells, i);
    return cells.join(',');
  });
  return [lines[0], ...rows].join('\n') + '\n';
}

const total = async () =>
  (await dept('GET', '/api/v1/projects?program=KCQG-2019&page_size=1')).json.total;

test('a check reads every row and keeps nothing; the import then writes them all', async () => {
  const file = await proposals('IMP');
  const before = await total();
  const checked = await upload(dept, 'projects', 'de-an.csv', file, true);
  assert.equal(checked.status, 200, JSON.stringify(checked.json));
  assert.deepEqual(
    { rows: checked.json.rows, imported: checked.json.imported, checked: checked.json.checked },
    { rows: 2, imported: 0, checked: true },
  );
  assert.equal(await total(), before, 'a check writes nothing');
  const done = await upload(dept, 'projects', 'de-an.csv', file, false);
  assert.equal(done.status, 201, JSON.stringify(done.json));
  assert.equal(done.json.imported, 2);
  assert.equal(await total(), before + 2);
  const found = (await dept('GET', '/api/v1/projects?q=IMP-2')).json.items;
  const imported = found.find((p) => p.code === 'IMP-2');
  assert.ok(imported, found.map((p) => p.code).join());
  // The file's one audit row stands in each of its projects' history; not in any other's.
  const history = async (id) => (await dept('GET', `/api/v1/projects/${id}/history`)).json.items;
  const rows = await history(imported.id);
  assert.deepEqual(
    rows.map((e) => [e.action, e.after?.file, e.after?.rows]),
    [['import', 'de-an.csv', 2]],
  );
  assert.match(rows[0].after.sha256, /^[0-9a-f]{64}$/);
  assert.ok(rows[0].after.first_id <= imported.id && imported.id <= rows[0].after.last_id);
  const demo = (await dept('GET', '/api/v1/projects?program=KCQG-2019&page_size=50')).json.items;
  const other = demo.find((p) => !p.code.startsWith('IMP-'));
  const older = await history(other.id);
  assert.ok(older.length > 0 && !older.some((e) => e.action === 'import'));
  // The same file again: the codes are taken now, and nothing more is written.
  const again = await upload(dept, 'projects', 'de-an.csv', file, false);
  assert.equal(again.status, 422);
  assert.ok(
    again.json.errors.some((e) => e.field === 'row 2, column code' && e.code === 'code_taken'),
  );
  assert.equal(await total(), before + 2);
});

test('a bad cell is named by its row and column, and nothing of the file is kept', async () => {
  const file = await proposals('BAD', (header, cells, i) => {
    if (i === 1) cells[header.indexOf('requested_vnd')] = 'abc';
  });
  const before = await total();
  for (const check of [true, false]) {
    const r = await upload(dept, 'projects', 'de-an.csv', file, check);
    assert.equal(r.status, 422);
    // Each problem carries the stable code that the UI words in Vietnamese.
    assert.deepEqual(
      r.json.errors.map((e) => [e.field, e.code]),
      [['row 3, column requested_vnd', 'not_money']],
    );
  }
  assert.equal(await total(), before);
  const odd = await upload(dept, 'projects', 'de-an.txt', file, true);
  assert.equal(odd.status, 422);
  assert.equal(odd.json.errors[0].field, 'name');
});

test('the policy decides who imports what', async () => {
  const file = await proposals('POL');
  const before = await total();
  const reader = await s.session('ministry');
  assert.equal((await upload(reader, 'projects', 'de-an.csv', file, true)).status, 403);
  // A province imports only its own province's proposals (these are of other provinces).
  const other = await s.session('province-79');
  const r = await upload(other, 'projects', 'de-an.csv', file, false);
  assert.ok([403, 422].includes(r.status), JSON.stringify(r.json));
  assert.equal(await total(), before);
});

test("a province's cluster report: checked row by row, then imported whole through the API's checks", async () => {
  const hanoi = await s.session('province-01');
  const header =
    'code,name,province_set,province_code,status,established_on,area_ha,industrial_land_ha,leased_land_ha,tenants';
  const good = [
    'CCN-IMP-01,Cụm công nghiệp Nhập Một,2025,01,operating,15/03/2019,"45,5",30,24,18',
    'CCN-IMP-02,Cụm công nghiệp Nhập Hai,2025,01,established,2020-06-01,20,14,"3,5",4',
  ];
  const bad = [
    good[0],
    'CCN-IMP-03,Cụm công nghiệp Lỗi,2025,01,operating,2020-01-01,20,14,16,2',
    'CCN-IMP-04,Cụm công nghiệp Tỉnh Khác,2025,79,operating,2020-01-01,20,14,3,2',
    'CCN-IMP-05,Cụm sai,2025,01,operating,2020-01-01,hai mươi,14,3,2',
  ];
  const before = (await hanoi('GET', '/api/v1/clusters?page_size=1')).json.totals.clusters;
  const refused = await upload(hanoi, 'clusters', 'ccn.csv', [header, ...bad].join('\n'));
  assert.equal(refused.status, 422);
  const cells = refused.json.errors.map((e) => e.field);
  assert.ok(cells.includes('row 3, column leased_land_ha'), cells.join('; '));
  assert.ok(cells.includes('row 4, column province_code'), cells.join('; '));
  assert.ok(cells.includes('row 5, column area_ha'), cells.join('; '));
  assert.ok(!cells.some((c) => c.startsWith('row 2,')), 'the good row has no problem');
  assert.equal(
    (await hanoi('GET', '/api/v1/clusters?page_size=1')).json.totals.clusters,
    before,
    'nothing written',
  );
  const done = await upload(hanoi, 'clusters', 'ccn.csv', [header, ...good].join('\n'));
  assert.equal(done.status, 201, JSON.stringify(done.json));
  assert.equal(done.json.imported, 2);
  const listed = (await hanoi('GET', '/api/v1/clusters?q=Cum cong nghiep Nhap')).json.items;
  assert.deepEqual(listed.map((c) => c.code).sort(), ['CCN-IMP-01', 'CCN-IMP-02']);
  const one = listed.find((c) => c.code === 'CCN-IMP-01');
  assert.equal(one.area_ha, 45.5);
  assert.equal(one.established_on, '2019-03-15');
  const unit = await s.session('unit-1');
  assert.equal((await upload(unit, 'clusters', 'ccn.csv', header)).status, 403);
});
