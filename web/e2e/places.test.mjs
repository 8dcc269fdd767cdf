// A province officer registers a facility of its own province and corrects it, in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choose, login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('a province registers a facility in its province, then edits it with a reason', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'province-01');
  await page.goto(env.server.base + '/facilities');
  await page.getByRole('link', { name: 'Thêm cơ sở' }).click();
  await page.getByLabel('Tên', { exact: true }).fill('Hợp tác xã Mây tre đan E2E');
  await choose(page, 'Loại', 'Hợp tác xã');
  // Only its own province is offered (read once the kind's list has closed).
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  await page.waitForFunction((sel) => !document.querySelector(sel), open);
  const item = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText('Tỉnh/thành', { exact: true }) });
  await item.locator('.ant-select').click();
  const options = page.locator(`${open} .ant-select-item-option`);
  await options.first().waitFor();
  assert.deepEqual(await options.allInnerTexts(), ['Hà Nội']);
  await options.first().click();
  await page.getByLabel('Lao động', { exact: true }).fill('25');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hợp tác xã Mây tre đan E2E' }).waitFor();
  const details = await page.locator('.ant-descriptions').innerText();
  assert.match(details, /Hợp tác xã/);
  assert.doesNotMatch(details, /cooperative/);

  await page.getByRole('link', { name: 'Sửa' }).click();
  await page.getByLabel('Lao động', { exact: true }).fill('30');
  await page.getByLabel('Lý do thay đổi').fill('Cập nhật số lao động năm 2026');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hợp tác xã Mây tre đan E2E' }).waitFor();
  await page.locator('.ant-descriptions').getByText('30', { exact: true }).waitFor();
  // The page's history says what changed, in words, and why.
  const change = page.getByRole('row').filter({ hasText: 'Cập nhật số lao động năm 2026' });
  await change.getByRole('cell', { name: 'Lao động: 25 → 30' }).waitFor();
  await change.getByRole('cell', { name: 'Sửa', exact: true }).waitFor();
  const dept = await env.server.session('admin');
  const last = (await dept('GET', '/api/v1/audit')).json.items[0];
  assert.equal(last.entity, 'facilities');
  assert.equal(last.reason, 'Cập nhật số lao động năm 2026');
  await page.close();
});

test("a province registers a beneficiary on the way, from the proposal's form", async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'province-01');
  await page.goto(env.server.base + '/projects/new');
  await page.getByRole('button', { name: 'Đăng ký cơ sở mới' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên', { exact: true }).fill('Hộ làm nón lá Chuông E2E');
  // Each list closes before the next opens: a closing list's option swallows the next click.
  await choose(page, 'Loại', 'Hộ kinh doanh', dialog);
  await choose(page, 'Tỉnh/thành', 'Hà Nội', dialog);
  await dialog.getByLabel('Xã, phường').fill('Xã Phương Trung');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The new facility is registered and already among the proposal's beneficiaries.
  await page
    .locator('.ant-select-selection-item')
    .filter({ hasText: 'Hộ làm nón lá Chuông E2E' })
    .waitFor();
  const api = await env.server.session('province-01');
  const found = (await api('GET', '/api/v1/facilities?q=non la chuong e2e')).json.items;
  assert.deepEqual(
    found.map((f) => [f.name, f.commune, f.province.code]),
    [['Hộ làm nón lá Chuông E2E', 'Xã Phương Trung', '01']],
  );
});
