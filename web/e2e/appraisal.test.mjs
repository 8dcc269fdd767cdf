// The appraisal as people do it: a province submits a proposal (step by step) and forwards it
// after its own appraisal, the department sends it to its council, two appraisers score it on
// the scoring screen, and the council's ranking shows it passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

const iso = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

// A 2020 program with a round open today, and a Hà Nội draft copied from the demo.
async function setUp() {
  const dept = await env.server.session('department');
  const prov = await env.server.session('province-01');
  const program = await dept('POST', '/api/v1/programs', {
    code: 'KCQG-2020-E2E',
    level: 'KCQG',
    year: 2020,
    name: 'Chương trình thử E2E',
    budget_vnd: 5_000_000_000,
  });
  const round = await dept('POST', '/api/v1/rounds', {
    program_id: program.json.id,
    year: 2020,
    opens_on: iso(-5),
    closes_on: iso(20),
    forward_by: iso(30),
  });
  assert.equal(round.status, 201, round.text);
  const from = (await prov('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  const full = (await prov('GET', `/api/v1/projects/${from.id}`)).json;
  const body = { ...full, code: 'E2E-THAMDINH', program_id: program.json.id, year: 2020 };
  Object.assign(body, { start: '2020-03-01', end: '2020-11-30', status: 'draft' });
  for (const k of ['id', 'version', 'created_at', 'updated_at', 'may_edit', 'actions'])
    delete body[k];
  const created = await prov('POST', '/api/v1/projects', body);
  assert.equal(created.status, 201, created.text);
  const users = (await (await env.server.session('admin'))('GET', '/api/v1/users')).json.items;
  const id = (login) => users.find((u) => u.login === login).id;
  const council = await dept('POST', `/api/v1/rounds/${round.json.id}/councils`, {
    level: 'ministry',
    name: 'Hội đồng thẩm định E2E',
    members: [{ user_id: id('appraiser1'), role: 'chair' }, { user_id: id('appraiser2') }],
  });
  assert.equal(council.status, 201, council.text);
  return { project: created.json, council: council.json };
}

async function step(page, label, status) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.locator('.ant-descriptions').getByText(status, { exact: true }).waitFor();
}

async function score(page, base, council, points) {
  await login(page, base, points.who);
  await page.goto(`${base}/scoring?council=${council.id}`);
  await page.getByText('E2E-THAMDINH').first().waitFor();
  const fields = page.locator('.ant-card input.ant-input-number-input');
  await fields.first().waitFor();
  const n = await fields.count();
  for (let i = 0; i < n; i++) await fields.nth(i).fill(String(points.values[i]));
  await page.getByRole('button', { name: /Lưu và chấm tiếp/ }).click();
  await page.getByText('Đã lưu phiếu chấm').waitFor();
}

test('a province submits and forwards, the ministry council scores, the ranking shows it passed', async () => {
  const { project, council } = await setUp();
  const base = env.server.base;
  const page = await env.browser.context.newPage();

  await login(page, base, 'province-01');
  // The submission step by step: record, dossier, files, then the checks and the step.
  await page.goto(`${base}/projects/${project.id}`);
  await page.getByRole('button', { name: 'Nộp hồ sơ từng bước' }).click();
  await page.getByRole('heading', { level: 1, name: /^Nộp hồ sơ đề án/ }).waitFor();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Tiếp theo' }).click();
  assert.match(page.url(), /[?&]step=3/, 'the step is in the address');
  // The copy has no written dossier yet: the check says what is missing, as a warning.
  await page.getByText('Thuyết minh còn thiếu: mục tiêu').waitFor();
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  await page.getByRole('button', { name: 'Bắt đầu thẩm định (Sở)' }).waitFor();
  await page.getByRole('link', { name: 'Về trang đề án' }).click();
  await page.locator('.ant-descriptions').getByText('Đã đăng ký', { exact: true }).waitFor();
  await step(page, 'Bắt đầu thẩm định (Sở)', 'Sở thẩm định');
  await step(page, 'Gửi Bộ', 'Sở đã gửi Bộ');
  assert.equal(await page.getByRole('link', { name: 'Sửa' }).count(), 0, 'no editing now');

  await login(page, base, 'department');
  await page.goto(`${base}/projects/${project.id}`);
  await step(page, 'Đưa vào thẩm định (Bộ)', 'Bộ thẩm định');
  await page.goto(`${base}/appraisal/councils/${council.id}`);
  await page.getByRole('button', { name: 'Giao các đề án đang chờ' }).click();
  await page.getByText('0/2 đã chấm').waitFor();

  // Criteria: need 20, feasibility 25, effect 25, cost 20, priority 10 (the default set).
  await score(page, base, council, { who: 'appraiser1', values: [16, 20, 21, 15, 8] });
  await score(page, base, council, { who: 'appraiser2', values: [14, 19, 18, 16, 7] });

  await login(page, base, 'department');
  await page.goto(`${base}/appraisal/councils/${council.id}`);
  const row = page.locator('.ant-table-row').filter({ hasText: 'E2E-THAMDINH' });
  await row.getByText('2/2 đã chấm').waitFor();
  assert.match(await row.innerText(), /\b77\b/, 'the mean of 80 and 74');
  await row.getByText('Đạt', { exact: true }).first().waitFor();
  await row.getByRole('button', { name: 'Đạt', exact: true }).click();
  await row
    .getByText('—')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
  await page.goto(`${base}/projects/${project.id}`);
  await page.locator('.ant-descriptions').getByText('Đạt', { exact: true }).waitFor();

  // Every proposal before the council has its conclusion: the council concludes its round.
  await page.goto(`${base}/appraisal/councils/${council.id}`);
  await page.getByRole('button', { name: 'Kết luận đợt thẩm định' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Ngày kết luận').fill('30/09/2020');
  await dialog.getByLabel('Ngày kết luận').press('Enter');
  await dialog.getByLabel('Kết luận của hội đồng').fill('Thống nhất đề nghị Bộ phê duyệt');
  await dialog.getByRole('button', { name: 'Kết luận đợt thẩm định' }).click();
  await page
    .getByText('Hội đồng đã kết luận đợt thẩm định ngày 30/09/2020: 1 đạt, 0 đạt có yêu cầu sửa')
    .waitFor();
  await page.close();
});

test('a proposal returned and submitted again shows its reviewers what changed', async () => {
  const dept = await env.server.session('department');
  const prov = await env.server.session('province-01');
  const program = (await dept('GET', '/api/v1/programs?year=2020')).json.items.find(
    (p) => p.code === 'KCQG-2020-E2E',
  );
  const from = (await prov('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  const full = (await prov('GET', `/api/v1/projects/${from.id}`)).json;
  const body = { ...full, code: 'E2E-NOPLAI', program_id: program.id, year: 2020 };
  Object.assign(body, { start: '2020-03-01', end: '2020-11-30', status: 'draft' });
  for (const k of ['id', 'version', 'created_at', 'updated_at', 'may_edit', 'actions'])
    delete body[k];
  let p = (await prov('POST', '/api/v1/projects', body)).json;
  const act = async (api, action, reason) => {
    const fresh = (await prov('GET', `/api/v1/projects/${p.id}`)).json;
    const r = await api('POST', `/api/v1/projects/${p.id}/transitions`, {
      action,
      version: fresh.version,
      ...(reason ? { reason } : {}),
    });
    assert.equal(r.status, 200, r.text);
    p = r.json;
  };
  await act(prov, 'submit');
  await act(dept, 'return', 'Tên đề án chưa rõ sản phẩm');
  const edited = { ...body, title: `${body.title} (bổ sung sản phẩm)`, version: p.version };
  edited.status = 'returned';
  const saved = await prov('PUT', `/api/v1/projects/${p.id}`, edited);
  assert.equal(saved.status, 200, saved.text);
  await act(prov, 'submit');

  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(`${env.server.base}/projects/${p.id}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Nộp lại sau khi bị trả lại' });
  await alert.getByText('lý do: Tên đề án chưa rõ sản phẩm').waitFor();
  await alert.getByText(`→ ${edited.title}`).waitFor();
  assert.equal(await alert.locator('li').count(), 1, 'only the title changed');
  await page.close();
});
