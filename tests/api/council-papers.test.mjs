// The demo's 2019 ministry council on paper: each member's score sheets as a spreadsheet
// (reconciled with the member's own sheets through the API) and the council's minutes as PDF
// (read back with pdftotext: members, results, counts as the ranking gives them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

let s, dept, dir, council, ranking, logins;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  dir = mkdtempSync(join(tmpdir(), 'kc-papers-'));
  const round = (await dept('GET', '/api/v1/rounds?year=2019')).json.items[0];
  const councils = (await dept('GET', `/api/v1/rounds/${round.id}/councils`)).json.items;
  council = councils.find((c) => c.level === 'ministry');
  ranking = (await dept('GET', `/api/v1/councils/${council.id}/ranking`)).json;
  const users = (await (await s.session('admin'))('GET', '/api/v1/users')).json.items;
  logins = Object.fromEntries(users.map((u) => [u.id, u.login]));
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

// The rows of a CSV file (RFC 4180: quoted cells may hold commas and doubled quotes).
function csvRows(text) {
  const rows = [];
  let row = [],
    cell = '',
    quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; ++i) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') ((cell += '"'), ++i);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\n')
      (row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = ''));
    else cell += ch;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

test("a member's sheets as a file match the member's own sheets", async () => {
  const member = council.members.find((m) => m.role === 'member');
  const login = logins[member.user_id];
  const own = await s.session(login);
  const path = `/api/v1/councils/${council.id}/members/${member.user_id}/sheets`;
  const csv = await own('GET', `${path}?format=csv`);
  assert.equal(csv.status, 200, csv.text);
  const [header, ...rows] = csvRows(csv.text);
  assert.deepEqual(header, [
    'Mã đề án',
    'Tên đề án',
    'TT',
    'Tiêu chí',
    'Điểm tối đa',
    'Điểm chấm',
    'Ghi chú',
  ]);
  const totals = rows.filter((r) => r[3] === 'Tổng cộng');
  assert.ok(totals.length > 0, 'a sheet');
  for (const total of totals.slice(0, 5)) {
    const item = ranking.items.find((i) => i.code === total[0]);
    const sheet = (await own('GET', `/api/v1/councils/${council.id}/sheets/${item.project_id}`))
      .json;
    const lines = rows.filter((r) => r[0] === total[0] && /^\d+$/.test(r[2]));
    // In the round's order of criteria, each with its name.
    const points = Object.fromEntries(sheet.lines.map((l) => [l.criterion, l.points]));
    assert.deepEqual(
      lines.map((r) => [r[3], Number(r[5])]),
      sheet.criteria.map((c) => [c.name, points[c.code]]),
    );
    assert.equal(
      Number(total[5]),
      sheet.lines.reduce((a, l) => a + l.points, 0),
    );
  }
  // The department gets it as XLSX; another member gets nothing.
  const xlsx = await dept('GET', path);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const other = council.members.find((m) => m.role !== 'secretary' && m !== member);
  const refused = await (await s.session(logins[other.user_id]))('GET', path);
  assert.equal(refused.status, 404);
});

test("the council's minutes as PDF: members, each proposal's result, the counts", async () => {
  const pdf = await fetch(`${s.base}/api/v1/councils/${council.id}/minutes`, {
    headers: { Cookie: dept.cookie },
  });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const file = join(dir, 'minutes.pdf');
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  const text = spawnSync('pdftotext', [file, '-']).stdout.toString().replace(/\s+/g, ' ');
  const count = (c) => ranking.items.filter((i) => (i.conclusion ?? '') === c).length;
  for (const expected of [
    'BIÊN BẢN',
    'BỘ CÔNG THƯƠNG',
    `Họp ${council.name}`,
    `Hội đồng đã thẩm định ${ranking.items.length} đề án: ${count('pass')} đề án đạt, ` +
      `${count('pass_with_changes')} đề án đạt nhưng cần chỉnh sửa, ${count('fail')} đề án ` +
      `không đạt, ${count('')} đề án chưa có kết luận`,
    'THƯ KÝ HỘI ĐỒNG',
    'CHỦ TỊCH HỘI ĐỒNG',
    ...council.members.map((m) => m.name),
    ...ranking.items.map((i) => i.code),
  ])
    assert.ok(text.includes(expected), `${expected} in the minutes`);
  const docx = await dept('GET', `/api/v1/councils/${council.id}/minutes?format=docx`);
  assert.equal(docx.status, 200);
  assert.match(docx.headers.get('content-type'), /wordprocessingml/);
  const bad = await dept('GET', `/api/v1/councils/${council.id}/minutes?format=odt`);
  assert.equal(bad.status, 422);
});
