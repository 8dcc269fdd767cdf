// Execution in the browser: the implementing unit files a progress report on its contract,
// the department accepts the project, and the plan's completion rate moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();
const LOCAL = 'KCDP-2018-31';

async function completionRate(page) {
  await page.goto(`${env.server.base}/execution?program=${LOCAL}`);
  const card = page.locator('.ant-card').filter({ hasText: 'Tỷ lệ hoàn thành kế hoạch' });
  const value = card.locator('.ant-statistic-content-value');
  await value.filter({ hasText: '%' }).waitFor();
  return value.innerText();
}

async function openExecution(page, projectId) {
  await page.goto(`${env.server.base}/projects/${projectId}`);
  await page.getByRole('tab', { name: 'Thực hiện' }).click();
}

async function typeDate(dialog, label, value) {
  await dialog.getByLabel(label).fill(value);
  await dialog.getByLabel(label).press('Enter');
}

test('a unit reports progress, the department accepts, the completion rate moves', async () => {
  const dept = await env.server.session('department');
  const admin = await env.server.session('admin');
  const contracts = await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`);
  const c = contracts.json.items[0];
  const user = await admin('POST', '/api/v1/users', {
    login: 'unit-e2e',
    display_name: 'Trung tâm Khuyến công Hải Phòng',
    role: 'unit',
    organization_id: c.organization_id,
  });
  assert.equal(user.status, 201, user.text);
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await login(page, env.server.base, 'unit-e2e', user.json.one_time_password);
  await openExecution(page, c.project_id);
  await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
  let dialog = page.getByRole('dialog');
  await typeDate(dialog, 'Kỳ báo cáo đến ngày', '30/09/2018');
  await dialog.getByLabel('Tiến độ').fill('60');
  await dialog.getByLabel('Kinh phí đã sử dụng').fill('10.000.000');
  await dialog.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
  await page.getByText('Đang thực hiện').first().waitFor();
  await page.getByRole('cell', { name: '60 %' }).waitFor();

  await login(page, env.server.base, 'department');
  const before = await completionRate(page);
  await openExecution(page, c.project_id);
  await page.getByRole('button', { name: 'Nghiệm thu' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Số biên bản').fill('9/BB-NT');
  await typeDate(dialog, 'Ngày nghiệm thu', '20/12/2018');
  await dialog.getByRole('button', { name: 'Nghiệm thu' }).click();
  await page.getByText('Đã nghiệm thu').first().waitFor();
  const after = await completionRate(page);
  assert.notEqual(after, before);
  const record = (await dept('GET', `/api/v1/completion?program=${LOCAL}`)).json;
  assert.equal(
    after,
    `${(Math.round(record.completion_rate * 1000) / 10).toLocaleString('vi-VN')} %`,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('an officer takes a contract and reads the attention list of the contracts they follow', async () => {
  const dept = await env.server.session('department');
  const c = (await dept('GET', `/api/v1/contracts?program=${LOCAL}&status=signed`)).json.items[0];
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await openExecution(page, c.project_id);
  const card = page.locator('.ant-card').filter({ hasText: c.number }).first();
  await card.getByRole('button', { name: 'Nhận theo dõi' }).click();
  await card.getByText(dept.user.display_name).waitFor();
  await page.goto(`${env.server.base}/execution?program=${LOCAL}`);
  await page.getByRole('switch', { name: 'Chỉ hợp đồng tôi theo dõi' }).click();
  await page.waitForURL(/officer=me/);
  const list = page.locator('.ant-card').filter({ hasText: 'Cần theo dõi' });
  const mine = (await dept('GET', `/api/v1/attention?program=${LOCAL}&officer=me`)).json;
  await list.getByText(`Cần theo dõi: ${mine.items.length} / ${mine.running}`).waitFor();
  assert.equal(await list.locator('.ant-table-row').count(), mine.items.length);
  for (const item of mine.items)
    await list.getByRole('cell', { name: item.contract_number, exact: true }).waitFor();
  await page.close();
});
