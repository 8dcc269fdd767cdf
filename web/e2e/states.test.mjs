// Honest states: the list's filters live in the address (reload and Back keep them), an
// unknown address gets a real page, and an ended session returns to the login page and, after
// it, to the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('filters are in the address: reload and Back keep the view', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/projects');
  await page.locator('.ant-table-row').first().waitFor();
  // The province dropdown finds "Đồng Nai" typed without diacritics.
  await page.getByRole('combobox', { name: 'Tỉnh/thành' }).click();
  await page.getByRole('combobox', { name: 'Tỉnh/thành' }).fill('dong nai');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.waitForURL(/province=/);
  const code = new URL(page.url()).searchParams.get('province');
  const dept = await env.server.session('department');
  const expected = (await dept('GET', `/api/v1/projects?province=${code}&page_size=1`)).json;
  assert.ok(expected.total > 0);
  await page.getByTestId('filtered-total').getByText(`${expected.total} đề án`).waitFor();
  await page.reload();
  await page.getByTestId('filtered-total').getByText(`${expected.total} đề án`).waitFor();
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('province'));
  await page.close();
});

test('an unknown address shows a page that says so', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'ministry');
  await page.goto(env.server.base + '/no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  assert.equal(await page.title(), 'Không tìm thấy trang · Khuyến Công');
  await page.close();
});

test('an ended session returns to the login page, then to the same page', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/programs');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.context().clearCookies(); // the session is gone
  await page.goto(env.server.base + '/projects?status=approved');
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Tên đăng nhập').fill('department');
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đề án' }).waitFor();
  assert.match(page.url(), /\/projects\?status=approved$/);
  await page.close();
});
