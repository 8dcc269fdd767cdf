// A person creates a project through the UI and finds it again by searching without
// diacritics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choose, login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('the overview shows the 2018 plan', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'ministry');
  await page.getByText('Kế hoạch khuyến công quốc gia năm 2018').first().waitFor();
  await page.getByText('120 tỷ đồng').first().waitFor();
  await page.close();
});

test('create a project in the UI, then find it by searching without diacritics', async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/projects/new');
  await page.getByLabel('Mã').fill('E2E-2019-001');
  await page.getByLabel('Năm').fill('2019');
  await page
    .getByLabel('Tên đề án')
    .fill('Hỗ trợ máy ép gạch không nung cho Hợp tác xã Phước Điền Xanh');
  await choose(page, 'Chương trình', 'Kế hoạch khuyến công quốc gia năm 2019');
  await choose(page, 'Nội dung', 'ND45-03');
  await choose(page, 'Danh mục tỉnh', '63 tỉnh');
  await choose(page, 'Tỉnh/thành', 'Đồng Nai');
  await page.keyboard.press('Escape');
  await choose(page, 'Đơn vị thực hiện', 'Trung tâm Khuyến công tỉnh Đồng Nai');
  await page.getByLabel('Kinh phí khuyến công (₫)').fill('250000000');
  // Enter would submit the form: leave the date fields with a click elsewhere instead.
  await page.getByLabel('Bắt đầu').fill('01/04/2019');
  await page.getByText('Kết quả dự kiến').click();
  await page.getByLabel('Kết thúc').fill('30/11/2019');
  await page.getByText('Kết quả dự kiến').click();
  await page.getByRole('button', { name: 'Lưu' }).click();

  await page.getByText('E2E-2019-001 — Hỗ trợ máy ép gạch không nung').waitFor();
  assert.match(await page.locator('.ant-descriptions').innerText(), /250\.000\.000\u00A0₫/);

  await page.goto(env.server.base + '/projects');
  await page.getByLabel('Tìm kiếm (không cần dấu)').fill('hop tac xa phuoc dien xanh may ep gach');
  await page.keyboard.press('Enter');
  // The unfiltered list also starts with this code; wait until the search has narrowed it.
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  assert.match(await page.locator('.ant-table-row').innerText(), /E2E-2019-001/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the server names a bad field at the field', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/projects/new');
  await page.getByLabel('Mã').fill('E2E-BAD');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const titleItem = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText('Tên đề án', { exact: true }) });
  await titleItem.locator('.ant-form-item-explain-error').waitFor();
  assert.match(await titleItem.innerText(), /is required/);
  await page.close();
});
