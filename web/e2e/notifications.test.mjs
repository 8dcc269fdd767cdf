// Notifications in the browser: the department's bell counts the scheduler's reminders (the demo's
// contracts past their end), the page lists them and marks them read, and the e-mail choice is
// saved, with a wrong address refused at its field in Vietnamese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('the bell counts the reminders; the page marks them read and saves the choices', async () => {
  const dept = await env.server.session('department');
  let unread = 0;
  for (let i = 0; i < 100 && unread === 0; ++i) {
    unread = (await dept('GET', '/api/v1/notifications?unread=true')).json.unread;
    if (!unread) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(unread > 0, 'the scheduler reminded the department of the passed deadlines');
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, env.server.base, 'department');
  const bell = page.getByRole('link', { name: /^Thông báo/ });
  assert.equal(await bell.getByTestId('unread-count').innerText(), String(unread));
  await bell.click();
  await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
  await page.getByText('Quá hạn hợp đồng').first().waitFor();
  await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
  await bell.getByTestId('unread-count').waitFor({ state: 'detached' });
  assert.equal((await dept('GET', '/api/v1/notifications?unread=true')).json.unread, 0);

  const email = page.getByLabel('Địa chỉ thư điện tử');
  await email.fill('chuyen vien@cuc');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Phải là địa chỉ thư điện tử').waitFor();
  await email.fill('chuyenvien@moit.gov.vn');
  await page.getByText('Phải là địa chỉ thư điện tử').waitFor({ state: 'detached' });
  await page.getByLabel('Quá hạn hợp đồng: Qua thư điện tử').uncheck();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu lựa chọn nhận thông báo.').waitFor();
  const saved = (await dept('GET', '/api/v1/notification-settings')).json;
  assert.equal(saved.email, 'chuyenvien@moit.gov.vn');
  const passed = saved.choices.find((c) => c.kind === 'deadline_passed');
  assert.deepEqual([passed.in_app, passed.email], [true, false]);
  assert.deepEqual(errors, []);
  await page.close();
});
