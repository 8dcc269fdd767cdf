// Import from the UI: the department chooses a file, sees it checked (nothing written), confirms,
// and the rows are in the register; a bad file shows its problems by row and column and writes
// nothing; a reader is not offered the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerBusy, login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

// Two of the 2019 proposals, in the import layout, from the register's own export, with new
// codes; `bad` spoils the second one's requested amount.
async function file(prefix, bad = false) {
  const dept = await env.server.session('department');
  const r = await fetch(`${env.server.base}/api/v1/projects/export?format=csv&program=KCQG-2019`, {
    headers: { Cookie: dept.cookie },
  });
  const lines = (await r.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1, 3).map((line, i) => {
    const cells = line.split(',');
    cells[header.indexOf('code')] = `${prefix}-${i + 1}`;
    if (bad && i === 1) cells[header.indexOf('requested_vnd')] = 'abc';
    return cells.join(',');
  });
  return {
    name: `${prefix}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from([lines[0], ...rows].join('\n')),
  };
}

test('the department checks a file, confirms, and finds the new proposals', async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu từ tệp' }).waitFor();

  await page.locator('input[type=file]').setInputFiles(await file('UIBAD', true));
  const alert = page.getByRole('alert').filter({ hasText: 'UIBAD.csv có 1 lỗi' });
  await alert.waitFor();
  const row = page.getByRole('row').filter({ hasText: 'requested_vnd' });
  await row.getByRole('cell', { name: '3', exact: true }).waitFor();
  await row.getByRole('cell', { name: 'Phải là số đồng nguyên, không âm' }).waitFor();

  // While another writer holds the database the server answers 503: said in Vietnamese.
  await answerBusy(page, '**/api/v1/imports/**');
  await page.locator('input[type=file]').setInputFiles(await file('UIBUSY'));
  await page.getByRole('alert').filter({ hasText: 'Máy chủ đang bận' }).waitFor();
  await page.unroute('**/api/v1/imports/**');

  await page.locator('input[type=file]').setInputFiles(await file('UIOK'));
  await page.getByText('Tệp UIOK.csv hợp lệ: 2 dòng. Chưa có dữ liệu nào được ghi.').waitFor();
  const dept = await env.server.session('department');
  const found = async () => (await dept('GET', '/api/v1/projects?q=UIOK')).json.total;
  assert.equal(await found(), 0, 'the check writes nothing');
  await page.getByRole('button', { name: 'Nhập 2 dòng' }).click();
  await page.getByText('Đã nhập 2 dòng từ tệp UIOK.csv.').waitFor();
  assert.equal(await found(), 2);
  assert.equal((await dept('GET', '/api/v1/projects?q=UIBAD')).json.total, 0);
  await page.getByRole('link', { name: 'Xem danh sách' }).click();
  await page.waitForURL(/\/projects$/);
  // A new project's history shows the import that created it: the file and its rows.
  const made = (await dept('GET', '/api/v1/projects?q=UIOK-2')).json.items[0];
  await page.goto(`${base}/projects/${made.id}`);
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  const imported = page.getByRole('row').filter({ hasText: 'Nhập tệp' });
  await imported.getByText('Tạo khi nhập tệp UIOK.csv (2 dòng; SHA-256 ').waitFor();
  await page.close();
});

test('a reader is not offered imports', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'ministry');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Nhập từ tệp' }).count(), 0);
  await page.goto(`${env.server.base}/import`);
  await page.getByText('Vai trò của bạn không dùng được trang này.').waitFor();
  await page.close();
});
