// The plan builder as the department uses it: the 2019 round is solved on opening, a tighter
// cap per province changes the plan (and the proposals it pushes out say so), the explanation
// is asked for, the scenario is saved and found among the saved ones, and a proposal left out
// says why on its own page; the ministry then approves it as a plan decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseIn, login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('the department tightens a province cap, sees the plan change, explains and saves it', async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  await page.goto(`${base}/plan`);
  const status = page.getByTestId('plan-status');
  await status.filter({ hasText: 'Tối ưu' }).waitFor({ timeout: 30_000 });
  const value = async () => (await page.getByTestId('plan-value').innerText()).trim();
  const before = await value();
  // The money by province on the map of the 34 provinces: the label names the top provinces.
  const map = page.getByRole('img', { name: /^Theo tỉnh, thành phố: .+ \d/ });
  await map.locator('path').first().waitFor(); // drawn once ECharts has come
  assert.ok((await map.locator('path').count()) >= 34, 'a shape per province');
  // The first limit: each province at most 4 800 million. At 1 500 the floors cannot all be
  // met: the page names the conflicting limits (a floor among them).
  const amount = page.getByTestId('limit-0').getByLabel('Kinh phí');
  await amount.fill('1500');
  await amount.blur();
  await status.filter({ hasText: 'Không có phương án' }).waitFor({ timeout: 30_000 });
  await page
    .getByText(/^(region|content):\S+ min/)
    .first()
    .waitFor();
  // At 3 000 the plan exists again, and differs.
  await amount.fill('3000');
  await amount.blur();
  await page.waitForFunction(
    (old) => document.querySelector('[data-testid="plan-value"]')?.textContent?.trim() !== old,
    before,
    { timeout: 30_000 },
  );
  await status.filter({ hasText: 'Tối ưu' }).waitFor();
  const after = await value();
  assert.notEqual(after, before);
  // Some proposal is now out because of a province cap.
  await page.getByText(/^Chưa được hỗ trợ/).click();
  await page
    .getByText(/Vượt giới hạn \(province_2008:\d\d\)/)
    .first()
    .waitFor();
  // The explanation adds the loss if forced in.
  await page.getByRole('button', { name: 'Giải thích' }).click();
  await page.getByRole('columnheader', { name: 'Giảm nếu đưa vào' }).waitFor({ timeout: 60_000 });
  // Saved under its own name, then listed.
  const name = page.getByLabel('Tên phương án');
  await name.fill('Trần 3 tỷ mỗi tỉnh');
  await page.getByRole('button', { name: 'Lưu phương án' }).click();
  await page.getByText('Đã lưu phương án “Trần 3 tỷ mỗi tỉnh”').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Phương án đã lưu' }).click();
  await page.getByRole('button', { name: 'Trần 3 tỷ mỗi tỉnh' }).waitFor();
  // "Why not us?": the page of a proposal left out says why, from the saved scenario.
  const dept = await env.server.session('department');
  const saved = (await dept('GET', '/api/v1/plans/scenarios?program=KCQG-2019')).json.items[0];
  const full = (await dept('GET', `/api/v1/plans/scenarios/${saved.id}`)).json;
  const out = full.result.unfunded[0];
  await page.goto(`${base}/projects/${out.id}`);
  await page.getByText('Chưa được hỗ trợ trong phương án “Trần 3 tỷ mỗi tỉnh”').waitFor();
  await page.getByText('Giảm nếu đưa vào').waitFor();
});

// Routes the app's scripts so that the one holding ECharts (it marks the charts' elements
// `_echarts_instance_`) waits for `until`, or fails as a cut line would (`abort`); the others
// pass. Answers true once that script was asked for, false if it was not within 10 s.
async function routeECharts(page, { until, abort = false }) {
  let ask;
  const asked = new Promise((resolve) => (ask = resolve));
  await page.route('**/app/assets/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    if (body.includes('_echarts_instance_')) {
      ask(true);
      if (abort) return route.abort('connectionfailed');
      await until;
    }
    await route.fulfill({ status: response.status(), contentType: 'text/javascript', body });
  });
  return () => Promise.race([asked, page.waitForTimeout(10_000).then(() => false)]);
}

test("the plan shows before ECharts' code has come, and its charts once it has", async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  let release = () => {};
  const held = new Promise((resolve) => (release = resolve));
  const wasAsked = await routeECharts(page, { until: held });
  try {
    await page.goto(`${base}/plan`);
    await page
      .getByTestId('plan-status')
      .filter({ hasText: 'Tối ưu' })
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('plan-value').waitFor();
    assert.ok(await wasAsked(), "the page asked for ECharts' script");
    assert.equal(await page.locator('div[role="img"] svg').count(), 0, 'no chart drawn yet');
  } finally {
    release();
  }
  // Once it has come, the map and the charts are drawn in the boxes kept for them.
  const map = page.getByRole('img', { name: /^Theo tỉnh, thành phố: / });
  await map.locator('svg').waitFor({ timeout: 30_000 });
  await page.close();
});

test('a chart whose script cannot come says so where it would be; the plan is still shown', async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  await routeECharts(page, { abort: true });
  await page.goto(`${base}/plan`);
  await page.getByTestId('plan-status').filter({ hasText: 'Tối ưu' }).waitFor({ timeout: 30_000 });
  await page
    .getByText('Không tải được biểu đồ. Tải lại trang để thử lại.')
    .first()
    .waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('div[role="img"] svg').count(), 0);
  await page.close();
});

test('the ministry approves the saved scenario as a plan decision', async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/plan`);
  const row = page.getByRole('row', { name: /Trần 3 tỷ mỗi tỉnh/ });
  await row.getByRole('button', { name: 'Phê duyệt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Số quyết định').fill('2156/QĐ-BCT');
  await dialog.getByLabel('Ngày ký').fill('20/12/2018');
  await dialog.getByLabel('Ngày ký').press('Enter');
  await dialog.getByLabel('Người ký').fill('Thứ trưởng');
  await dialog.getByRole('button', { name: 'Phê duyệt' }).click();
  await page.getByRole('cell', { name: '2156/QĐ-BCT', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByText('Sổ khớp').waitFor();
  // The proposals it funds are approved.
  const dept = await env.server.session('department');
  const decided = (await dept('GET', '/api/v1/plans/decisions?program=KCQG-2019')).json;
  const first = decided.items[0].items[0];
  const project = (await dept('GET', `/api/v1/projects/${first.project_id}`)).json;
  assert.equal(project.status, 'approved');
});

test('the ministry adjusts the plan: a wrong code is named on its row, then a project leaves', async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/plan`);
  const dept = await env.server.session('department');
  const decided = (await dept('GET', '/api/v1/plans/decisions?program=KCQG-2019')).json;
  const leaving = decided.items[0].items[0];
  await page.getByRole('button', { name: 'Điều chỉnh kế hoạch' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Số quyết định').fill('3001/QĐ-BCT');
  await dialog.getByLabel('Ngày ký').fill('01/07/2019');
  await dialog.getByLabel('Ngày ký').press('Enter');
  await dialog.getByLabel('Người ký').fill('Thứ trưởng');
  await dialog.getByLabel('Lý do').fill('Đơn vị xin dừng thực hiện đề án');
  await dialog.getByLabel('Mã 1').fill('KCQG-2018-001');
  await dialog.getByLabel('Kinh phí sau điều chỉnh (0: đưa ra khỏi kế hoạch) 1').fill('0');
  await dialog.getByRole('button', { name: 'Ban hành điều chỉnh' }).click();
  await dialog.getByText('Không phải đề án của chương trình KCQG-2019').waitFor();
  await dialog.getByLabel('Mã 1').fill(leaving.code);
  // The error folds away (an animation that moves the footer): click once it has gone.
  await dialog
    .getByText('Không phải đề án của chương trình KCQG-2019')
    .waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: 'Ban hành điều chỉnh' }).click();
  await page.getByRole('cell', { name: '3001/QĐ-BCT', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByText('Sổ khớp').waitFor();
  const project = (await dept('GET', `/api/v1/projects/${leaving.project_id}`)).json;
  assert.equal(project.status, 'cancelled');
  // Its page shows the amount it was given and the decision that took it back.
  await page.goto(`${base}/projects/${leaving.project_id}`);
  await page.getByText('Kinh phí được giao').waitFor();
  await page.getByText(/Điều chỉnh 3001\/QĐ-BCT/).waitFor();
});

test('the adjustment dialog offers the funds that ended contracts left unused', async () => {
  const base = env.server.base;
  const dept = await env.server.session('department');
  const offer = (await dept('GET', '/api/v1/plans/released?program=KCQG-2018')).json;
  assert.ok(offer.items.length > 0, 'the 2018 demo accepted less than it planned');
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/plan`);
  await chooseIn(page, page.getByRole('combobox', { name: 'Chương trình' }), 'KCQG-2018');
  await page.getByRole('button', { name: 'Điều chỉnh kế hoạch' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/^Kinh phí được giải phóng: /).waitFor();
  await dialog.getByRole('button', { name: 'Đưa vào quyết định' }).click();
  const rows = offer.items.length;
  assert.equal(await dialog.getByLabel(`Mã ${rows}`).inputValue(), offer.items[rows - 1].code);
  await dialog.getByLabel('Số quyết định').fill('3002/QĐ-BCT');
  await dialog.getByLabel('Ngày ký').fill('28/12/2018');
  await dialog.getByLabel('Ngày ký').press('Enter');
  await dialog.getByLabel('Người ký').fill('Thứ trưởng');
  await dialog.getByLabel('Lý do').fill('Điều chỉnh kinh phí các đề án không sử dụng hết');
  await dialog.getByRole('button', { name: 'Ban hành điều chỉnh' }).click();
  await page.getByRole('cell', { name: '3002/QĐ-BCT', exact: true }).waitFor({ timeout: 30_000 });
  const left = (await dept('GET', '/api/v1/plans/released?program=KCQG-2018')).json;
  assert.deepEqual(left.items, []);
  const decided = (await dept('GET', '/api/v1/plans/decisions?program=KCQG-2018')).json;
  assert.equal(decided.items.at(-1).total_vnd, -offer.total_vnd);
  await page.close();
});

test("the department splits a group project's amount among its facilities by a new letter", async () => {
  const base = env.server.base;
  const dept = await env.server.session('department');
  const groups = (await dept('GET', '/api/v1/projects?program=KCQG-2018&kind=group&page_size=100'))
    .json.items;
  let group, letter;
  for (const g of groups) {
    const splits = (await dept('GET', `/api/v1/projects/${g.id}/plan`)).json.decided.splits;
    if (splits.at(-1)?.items.length > 1) {
      group = g;
      letter = splits.at(-1);
      break;
    }
  }
  assert.ok(group, 'a group project split among two facilities or more');
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  await page.goto(`${base}/projects/${group.id}`);
  await page.getByText(`Theo văn bản số ${letter.number}`).waitFor();
  await page.getByRole('button', { name: 'Phân bổ kinh phí' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Số văn bản').fill('88/CTĐP-KC');
  await dialog.getByLabel('Ngày ký').fill('05/11/2018');
  await dialog.getByLabel('Ngày ký').press('Enter');
  // One million đồng moved from the second facility to the first: first a sum that is off.
  const [a, b] = letter.items;
  await dialog.getByLabel('Kinh phí 1').fill(String(a.amount_vnd + 1_000_000));
  await dialog.getByRole('button', { name: 'Ghi nhận văn bản' }).click();
  await dialog.getByText('Tổng các khoản phải bằng kinh phí của đề án').waitFor();
  await dialog.getByLabel('Kinh phí 2').fill(String(b.amount_vnd - 1_000_000));
  await dialog
    .getByText('Tổng các khoản phải bằng kinh phí của đề án')
    .waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: 'Ghi nhận văn bản' }).click();
  await page.getByText('Theo văn bản số 88/CTĐP-KC').waitFor({ timeout: 30_000 });
  const now = (await dept('GET', `/api/v1/projects/${group.id}/plan`)).json.decided.splits.at(-1);
  assert.equal(now.number, '88/CTĐP-KC');
  assert.equal(
    now.items.find((i) => i.facility_id === a.facility_id).amount_vnd,
    a.amount_vnd + 1_000_000,
  );
});
