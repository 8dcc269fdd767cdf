// Accounts in the browser: a province user sees only its province's proposals; the
// administrator manages users; a project shows its history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choose, login, pickFound, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('a province user logs in and sees only its own province', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'province-01');
  assert.match(await page.getByTestId('user-menu').innerText(), /Sở Công Thương Hà Nội/);
  await page.goto(env.server.base + '/projects');
  await page.locator('.ant-table-row').first().waitFor();
  const provinces = await page.locator('.ant-table-row td:nth-child(4)').allInnerTexts();
  assert.ok(provinces.length > 0);
  for (const p of provinces) assert.match(p, /Hà Nội/);
  const total = await page.locator('.ant-pagination-total-text').innerText();
  const dept = await env.server.session('department');
  const all = (await dept('GET', '/api/v1/projects?page_size=1')).json.total;
  const mine = (await dept('GET', '/api/v1/projects?province=01&page_size=1')).json.total;
  assert.equal(total, `${mine} đề án`);
  assert.ok(mine < all);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.close();
});

test('a wrong password is refused without saying why', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.base + '/app/');
  await page.getByLabel('Tên đăng nhập').fill('department');
  await page.getByLabel('Mật khẩu').fill('wrong');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Sai tên đăng nhập hoặc mật khẩu').waitFor();
  await page.close();
});

test('a login that gets no answer says the server cannot be reached, not a wrong password', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.base + '/app/');
  await page.getByLabel('Tên đăng nhập').fill('department');
  await page.getByLabel('Mật khẩu').fill('demo');
  // The line drops: the request gets no answer at all.
  await page.route('**/api/v1/session', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Không kết nối được máy chủ').waitFor();
  assert.equal(await page.getByText('Sai tên đăng nhập hoặc mật khẩu').count(), 0);
  // Back on line, the same form logs in.
  await page.unroute('**/api/v1/session');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  // A logout that gets no answer says so, and the user stays where they were.
  await page.route('**/api/v1/session', (route) =>
    route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByText('Không kết nối được máy chủ').waitFor();
  await page.unroute('**/api/v1/session');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.close();
});

test('the administrator sees the users; a project shows its history', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Người dùng' }).click();
  await page.getByText('province-79').waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 11);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await login(page, env.server.base, 'department');
  const dept = await env.server.session('department');
  const p = (await dept('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  const full = (await dept('GET', `/api/v1/projects/${p.id}`)).json;
  const body = { ...full, title: full.title + ' (sửa)', reason: 'Theo góp ý của Sở' };
  for (const k of ['id', 'created_at', 'updated_at']) delete body[k];
  assert.equal((await dept('PUT', `/api/v1/projects/${p.id}`, body)).status, 200);
  await page.goto(`${env.server.base}/projects/${p.id}`);
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await page.getByRole('cell', { name: 'Sửa', exact: true }).waitFor();
  const change = page.locator('.ant-table-row').filter({ hasText: 'Tên đề án:' });
  const row = await change.innerText();
  assert.match(row, /\(sửa\)/);
  assert.match(row, /Theo góp ý của Sở/); // the reason
  assert.match(row, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/); // Vietnam time, dd/mm/yyyy HH:mm
  assert.doesNotMatch(row, /\bdepartment\b/); // the user's name, not the login
  await page.close();
});

test('the administrator edits a user: its role, and the unit chosen by name', async () => {
  const admin = await env.server.session('admin');
  const created = await admin('POST', '/api/v1/users', {
    login: 'e2e-edit',
    display_name: 'Người dùng thử',
    role: 'ministry',
  });
  assert.equal(created.status, 201);
  const unit = (await admin('GET', '/api/v1/users')).json.items.find((u) => u.login === 'unit-1');
  const org = (await admin('GET', `/api/v1/organizations/${unit.organization_id}`)).json;

  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'admin');
  await page.goto(`${env.server.base}/users`);
  // Scopes as names, not codes.
  const unitRow = page.locator('.ant-table-row').filter({ hasText: 'unit-1' });
  await unitRow.getByText(org.name).waitFor();
  assert.doesNotMatch(await page.locator('.ant-table').innerText(), /#\d|20(08|25):/);

  await page.getByRole('button', { name: 'Sửa e2e-edit' }).click();
  await page.getByRole('dialog').getByText('Sửa người dùng e2e-edit').waitFor();
  await choose(page, 'Vai trò', 'Đơn vị thực hiện');
  const picker = page
    .locator('.ant-form-item')
    .filter({ has: page.locator('label[for=organization_id]') })
    .locator('input');
  // A search that gets no answer says so in the list.
  await page.route('**/api/v1/organizations?*', (route) => route.abort('internetdisconnected'));
  await picker.click();
  await picker.fill('trung tam');
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText('Không kết nối được máy chủ')
    .waitFor();
  await page.unroute('**/api/v1/organizations?*');
  await pickFound(page, picker, 'trung tam khuyen cong ha noi', org.name);
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: 'e2e-edit' });
  await row.getByText(org.name).waitFor();
  const saved = (await admin('GET', '/api/v1/users')).json.items.find(
    (u) => u.login === 'e2e-edit',
  );
  assert.equal(saved.role, 'unit');
  assert.equal(saved.organization_id, org.id);

  // A login already taken is refused at its field, in Vietnamese.
  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đăng nhập').fill('unit-1');
  await dialog.getByLabel('Tên', { exact: true }).fill('Người dùng trùng tên đăng nhập');
  await choose(page, 'Vai trò', 'Lãnh đạo Bộ', dialog);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByText('Tên đăng nhập đã có người dùng').waitFor();
  await page.close();
});
