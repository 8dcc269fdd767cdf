// The annual report against the system's other answers: the programs' envelope, the decision
// list, the completion figures, the project list's totals; the CSV and XLSX carry the same
// numbers (read back: the workbook by tests/api/read-xlsx.py, the PDF by pdftotext); a province reads its own part; bad queries are named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf, startServer } from './server.mjs';

let s, ministry, prov;
before(async () => {
  s = await startServer({ demo: true });
  ministry = await s.session('ministry');
  prov = await s.session('province-01');
});
after(() => s.stop());

const url = '/api/v1/reports/annual?year=2018&program=KCQG-2018';

test('the 2018 report agrees with the programs, decisions, completion and the project list', async () => {
  const r = await ministry('GET', url);
  assert.equal(r.status, 200, r.text);
  const report = r.json;
  const program = (await ministry('GET', '/api/v1/programs?year=2018')).json.items.find(
    (p) => p.code === 'KCQG-2018',
  );
  assert.equal(report.envelope_vnd, program.budget_vnd);
  const decisions = (await ministry('GET', '/api/v1/plans/decisions?program=KCQG-2018')).json;
  assert.equal(report.decisions.count, decisions.items.length);
  assert.equal(
    report.decisions.items.reduce((a, d) => a + d.amount_vnd, 0),
    decisions.books.decisions_vnd,
  );
  const done = (await ministry('GET', '/api/v1/completion?program=KCQG-2018')).json;
  assert.deepEqual(report.projects, done.projects);
  assert.equal(report.completion_rate, done.completion_rate);
  assert.equal(report.funds.plan_vnd, done.funds.plan_vnd);
  for (const o of done.outputs)
    assert.deepEqual(report.outputs[o.indicator], { planned: o.expected, actual: o.actual });
  // Every breakdown adds up to the plan; by content it matches the list of each content.
  for (const dim of ['content', 'group', 'kind', 'region', 'province']) {
    const groups = Object.values(report.by[dim]);
    assert.equal(
      groups.reduce((a, g) => a + g.plan_vnd, 0),
      report.funds.plan_vnd,
      dim,
    );
    assert.equal(
      groups.reduce((a, g) => a + g.projects, 0),
      report.projects.planned,
      dim,
    );
  }
  // The headings: each content's group in force on 1 January 2018, summed.
  const mapping = (await ministry('GET', '/api/v1/reference/content-report-groups')).json.items;
  const expected = {};
  for (const [content, g] of Object.entries(report.by.content)) {
    const m = mapping.find(
      (x) =>
        x.content_code === content &&
        x.valid_from <= '2018-01-01' &&
        (!x.valid_to || '2018-01-01' <= x.valid_to),
    );
    expected[m.group_code] = (expected[m.group_code] ?? 0) + g.plan_vnd;
  }
  assert.deepEqual(
    Object.fromEntries(Object.entries(report.by.group).map(([k, g]) => [k, g.plan_vnd])),
    expected,
  );
  const stats = (await ministry('GET', '/api/v1/projects/stats?program=KCQG-2018')).json;
  for (const c of stats.by_content)
    assert.equal(report.by.content[c.key].projects, c.projects, c.key);
  assert.equal(report.funds.counterpart_vnd, stats.counterpart_vnd);
  assert.equal(
    report.counterpart_per_program_vnd,
    Math.round((stats.counterpart_vnd / report.funds.plan_vnd) * 10000) / 10000,
  );
  assert.equal(
    report.cluster_projects.total,
    report.outputs.ccn_detailed_plan.actual + report.outputs.ccn_infrastructure.actual,
  );
});

test('the CLI writes the same report as the API', async () => {
  const api = (await ministry('GET', url)).json;
  const cli = JSON.parse(s.cli('report', 'annual', '--year', '2018', '--program', 'KCQG-2018'));
  assert.equal(api.data_as_of.source, 'primary');
  assert.ok(Date.parse(cli.data_as_of.at) >= Date.parse(api.data_as_of.at) - 1000);
  delete cli.data_as_of;
  delete api.data_as_of;
  assert.deepEqual(cli, api);
});

const dir = mkdtempSync(join(tmpdir(), 'kc-report-'));
async function download(session, format) {
  const r = await fetch(`${s.base}${url}&format=${format}`, {
    headers: { Cookie: session.cookie },
  });
  assert.equal(r.status, 200, format);
  const file = join(dir, `report.${format}`);
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  return { file, type: r.headers.get('content-type') };
}
const csvCells = (text) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
// "1.234.567" as the PDF writes whole numbers.
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

test('the four formats say the same numbers', async () => {
  const report = (await ministry('GET', url)).json;
  const csv = await download(ministry, 'csv');
  assert.match(csv.type, /text\/csv/);
  const rows = csvCells(readFileSync(csv.file, 'utf8'));
  assert.deepEqual(rows[0], ['section', 'dimension', 'key', 'measure', 'value']);
  const cell = (section, dimension, key, measure) =>
    rows.find(
      (c) => c[0] === section && c[1] === dimension && c[2] === key && c[3] === measure,
    )?.[4];
  assert.equal(Number(cell('envelope', '', '', 'envelope_vnd')), report.envelope_vnd);
  assert.equal(Number(cell('rates', '', '', 'completion_rate')), report.completion_rate);
  assert.equal(
    Number(cell('outputs', 'indicator', 'demo_model', 'actual')),
    report.outputs.demo_model.actual,
  );
  for (const [key, g] of Object.entries(report.by.region))
    assert.equal(Number(cell('by', 'region', key, 'plan_vnd')), g.plan_vnd, key);

  // The workbook: its last sheet is the CSV's figures cell for cell; its tables carry the
  // report's numbers as number cells, totals as SUM formulas, headers frozen.
  const xlsx = await download(ministry, 'xlsx');
  assert.match(xlsx.type, /spreadsheetml/);
  const book = JSON.parse(
    execFileSync('python3', [join(import.meta.dirname, 'read-xlsx.py'), xlsx.file]),
  );
  const sheet = (name) => book.sheets.find((x) => x.name === name);
  const at = (sh, ref) => sh.cells[ref]?.v ?? '';
  const figures = sheet('Số liệu');
  for (let r = 0; r < rows.length; r++)
    rows[r].forEach((v, c) => {
      const got = at(figures, `${'ABCDE'[c]}${r + 1}`);
      assert.equal(String(got), v, `Số liệu row ${r + 1}`);
    });
  const regions = sheet('Theo vùng');
  // The header row: the one whose first cell is "Mã"; the data rows follow it.
  const head = Number(
    Object.entries(regions.cells)
      .find(([ref, c]) => ref.startsWith('A') && c.v === 'Mã')[0]
      .slice(1),
  );
  assert.equal(regions.frozen, `A${head + 1}`);
  const regionRows = Object.keys(report.by.region).length;
  for (let r = head + 1; r <= head + regionRows; r++)
    assert.equal(at(regions, `D${r}`), report.by.region[at(regions, `A${r}`)].plan_vnd);
  const total = regions.cells[`D${head + regionRows + 1}`];
  assert.equal(total.f, `SUM(D${head + 1}:D${head + regionRows})`);
  assert.equal(total.v, report.funds.plan_vnd);
  assert.equal(total.s, '#,##0');
  const overview = sheet('Tổng quan');
  const accepted = Object.entries(overview.cells).find(([, c]) => c.v === 'Đề án đã nghiệm thu')[0];
  const row = accepted.slice(1);
  assert.equal(at(overview, `B${row}`), report.projects.accepted);
  assert.equal(at(overview, `D${row}`), report.completion_rate);
  assert.equal(overview.cells[`D${row}`].s, '0.0%');
  const decided = sheet('Quyết định').cells[`C${head + 1}`];
  assert.equal(decided.s, 'dd/mm/yyyy');
  const [y, m, d] = report.decisions.items[0].signed_on.split('-').map(Number);
  assert.equal(decided.v, (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

  // The PDF: its text has the same figures as the PDF writes them; a page renders.
  const pdf = await download(ministry, 'pdf');
  assert.equal(pdf.type, 'application/pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
  assert.match(text, /BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH KHUYẾN CÔNG NĂM 2018/);
  assert.ok(text.includes(grouped(report.envelope_vnd)));
  const rate = `${(report.completion_rate * 100).toFixed(1).replace('.', ',')} %`;
  assert.ok(text.includes(rate), rate);
  for (const [key, g] of Object.entries(report.by.region)) {
    const line = text.split('\n').find((l) => l.trim().startsWith(key + ' '));
    assert.ok(line?.includes(grouped(g.plan_vnd)), `${key}: ${line}`);
    assert.ok(line.includes(` ${g.projects} `), `${key}: ${line}`);
  }
  execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', pdf.file, join(dir, 'page')]);
  assert.ok(readFileSync(join(dir, 'page-1.png')).length > 5000);
});

test("a province's report is its own part of the year", async () => {
  const all = (await ministry('GET', url)).json;
  const own = (await prov('GET', url)).json;
  const done = (await prov('GET', '/api/v1/completion?program=KCQG-2018')).json;
  assert.deepEqual(own.projects, done.projects);
  assert.ok(own.projects.planned > 0 && own.projects.planned < all.projects.planned);
  // Its own province's projects are all there (the others: projects spanning it, placed by
  // their main province).
  assert.deepEqual(own.by.province['01'], all.by.province['01']);
});

test('bad queries are named and refused', async () => {
  const cases = [
    ['/api/v1/reports/annual', 'year'],
    ['/api/v1/reports/annual?year=abc', 'year'],
    ['/api/v1/reports/annual?year=2018&program=NOPE', 'program'],
    ['/api/v1/reports/annual?year=2018&format=docx', 'format'],
    ['/api/v1/reports/annual?year=2018&colour=red', 'colour'],
  ];
  for (const [path, field] of cases) {
    const r = await ministry('GET', path);
    assert.equal(r.status, 422, `${path}: ${r.text}`);
    assert.ok(fieldsOf(r.json).includes(field), `${path}: ${r.text}`);
  }
});
