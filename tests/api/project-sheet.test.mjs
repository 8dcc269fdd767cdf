// A project's sheet to print (GET /api/v1/projects/{id}/sheet): the PDF says what the register
// holds, in the ministry's words (read back with pdftotext); DOCX too; another province's
// officer gets 404; an unknown format 422.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

let s, dept, dir;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  dir = mkdtempSync(join(tmpdir(), 'kc-sheet-'));
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (api, path) => fetch(`${s.base}${path}`, { headers: { Cookie: api.cookie } });
// 1234567 as the browser's vi-VN format writes it: 1.234.567
const vnd = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

test('the sheet says what the register holds, with names instead of codes', async () => {
  const listed = (await dept('GET', '/api/v1/projects?program=KCQG-2018&province=01&page_size=1'))
    .json.items[0];
  const p = (await dept('GET', `/api/v1/projects/${listed.id}`)).json;
  const org = (await dept('GET', `/api/v1/organizations/${p.implementing_org_id}`)).json;
  const r = await get(dept, `/api/v1/projects/${p.id}/sheet`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  const file = join(dir, 'sheet.pdf');
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  const text = spawnSync('pdftotext', [file, '-']).stdout.toString().replace(/\s+/g, ' ');
  for (const expected of [
    'PHIẾU THÔNG TIN ĐỀ ÁN KHUYẾN CÔNG',
    p.code,
    org.name,
    `${vnd(p.requested_vnd)} ₫`,
    `${vnd(p.total_vnd)} ₫`,
    p.start.split('-').reverse().join('/'),
  ])
    assert.ok(text.includes(expected.replace(/\s+/g, ' ')), `the sheet shows ${expected}`);

  const docx = await get(dept, `/api/v1/projects/${p.id}/sheet?format=docx`);
  assert.equal(docx.status, 200);
  assert.match(docx.headers.get('content-type'), /wordprocessingml/);
  assert.equal((await get(dept, `/api/v1/projects/${p.id}/sheet?format=xls`)).status, 422);
  const other = await s.session('province-79');
  assert.equal((await get(other, `/api/v1/projects/${p.id}/sheet`)).status, 404);
});
