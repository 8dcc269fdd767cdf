// The annual report page shows the report the API gives, with the year and program in the
// address, and offers the same figures as files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

// Clicks points of a map, from its centre outwards, until one lands on a province (the
// address then matches `url`).
async function clickMapUntil(page, map, url) {
  const box = await map.boundingBox();
  const points = [];
  for (let x = 10; x < box.width; x += 20)
    for (let y = 10; y < box.height - 20; y += 20) points.push([box.x + x, box.y + y]);
  const mid = [box.x + box.width / 2, box.y + box.height / 2];
  const far = (p) => Math.hypot(p[0] - mid[0], p[1] - mid[1]);
  points.sort((a, b) => far(a) - far(b));
  for (const [x, y] of points) {
    await page.mouse.click(x, y);
    // Wait a moment for the navigation a hit starts, so that no second click follows it.
    const hit = await page
      .waitForURL(url, { timeout: 150 })
      .then(() => true)
      .catch(() => false);
    if (hit) return;
  }
}

test('the ministry reads the 2018 annual report; the files carry the same query', async () => {
  const base = env.server.base;
  const ministry = await env.server.session('ministry');
  const r = (await ministry('GET', '/api/v1/reports/annual?year=2018&program=KCQG-2018')).json;
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/reports?year=2018&program=KCQG-2018`);
  await page.getByRole('heading', { level: 1, name: 'Báo cáo năm' }).waitFor();
  // How fresh: read from the database itself here (no replica), in Vietnam's time.
  await page.getByText(/^Số liệu đến \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
  const p = r.projects;
  await page.getByText(`${p.planned} / ${p.contracted} / ${p.accepted}`).waitFor();
  const c = r.cluster_projects;
  await page
    .getByText(`${c.total} (${c.detailed_plan} quy hoạch, ${c.infrastructure} hạ tầng)`)
    .waitFor();
  // One row per content of the plan, each named.
  const table = page.locator('.ant-card').filter({ hasText: 'Kinh phí kế hoạch' }).first();
  for (const code of Object.keys(r.by.content))
    await table.getByText(new RegExp(`^${code} — `)).waitFor();
  await page.getByRole('img', { name: /^Kinh phí kế hoạch theo nội dung: ND45-01/ }).waitFor();
  const csv = await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href');
  assert.match(csv, /year=2018/);
  assert.match(csv, /program=KCQG-2018/);
  assert.match(csv, /format=csv/);
  // The open data runs as a background job: progress, then a link to its file.
  await page.getByRole('button', { name: 'Tạo tệp dữ liệu mở (JSON)' }).click();
  const link = page.getByRole('link', { name: 'Tải tệp đã tạo' });
  await link.waitFor();
  const file = await page.request.get(new URL(await link.getAttribute('href'), base).href);
  assert.equal(file.status(), 200);
  const open = await file.json();
  assert.equal(open.projects.length, r.projects.planned);
  assert.equal(open.program, 'KCQG-2018');
});

test('a click on a province of the dashboard map opens its profile, which agrees with the API', async () => {
  const base = env.server.base;
  const ministry = await env.server.session('ministry');
  const program = (await ministry('GET', '/api/v1/programs?year=2018')).json.items.find(
    (p) => p.code === 'KCQG-2018',
  );
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/app/?program=${program.id}`);
  const map = page.getByRole('img', { name: 'Bản đồ kinh phí kế hoạch theo tỉnh, thành phố' });
  await map.locator('path').first().waitFor(); // drawn once ECharts has come
  await clickMapUntil(page, map, /\/reports\/province\//);
  await page.waitForURL(/\/reports\/province\/\d+$/);
  const code = page.url().split('/').pop();
  const profile = (await ministry('GET', `/api/v1/reports/province?province=${code}`)).json;
  await page
    .getByRole('heading', { level: 1, name: `Hồ sơ tỉnh, thành phố: ${profile.province.name}` })
    .waitFor();
  for (const y of profile.years)
    await page
      .getByRole('cell', { name: String(y.year) })
      .first()
      .waitFor();
  const pdf = await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href');
  assert.match(pdf, new RegExp(`province=${code}`));
});

test('the period report lines up the years of the national program 2016–2020', async () => {
  const base = env.server.base;
  const ministry = await env.server.session('ministry');
  const r = (await ministry('GET', '/api/v1/reports/period?period=KCQG-2016-2020')).json;
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/reports/period?period=KCQG-2016-2020`);
  await page.getByRole('heading', { level: 1, name: 'Báo cáo giai đoạn' }).waitFor();
  const y = r.years.find((x) => x.year === 2018);
  const money = new Intl.NumberFormat('vi-VN').format(y.total.funds.plan_vnd);
  await page
    .getByText(
      new RegExp(`^${money.replace(/\./g, '\\.')}\\s*₫ \\(${y.total.projects.planned}\\)$`),
    )
    .waitFor();
  await page.getByRole('img', { name: /^Kinh phí kế hoạch theo năm: 2016/ }).waitFor();
});

test("the profile's map of the 63 provinces (2008) opens another province of that set", async () => {
  const base = env.server.base;
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/reports/province/24?set=2008`);
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ tỉnh, thành phố: Bắc Giang' }).waitFor();
  const map = page.getByRole('img', { name: /^Bản đồ các tỉnh, thành phố của danh mục/ });
  await map.locator('path').first().waitFor();
  await clickMapUntil(page, map, /\/reports\/province\/(?!24\?)\d+\?set=2008$/);
  await page.waitForURL(/\/reports\/province\/\d+\?set=2008$/);
  const code = new URL(page.url()).pathname.split('/').pop();
  const ministry = await env.server.session('ministry');
  const profile = (await ministry('GET', `/api/v1/reports/province?province=${code}&set=2008`))
    .json;
  await page
    .getByRole('heading', { level: 1, name: `Hồ sơ tỉnh, thành phố: ${profile.province.name}` })
    .waitFor();
});

test("a province's overview charts its own projects by content and by status, as the API counts them", async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'province-01');
  const api = await env.server.session('province-01');
  const program = (await api('GET', '/api/v1/programs')).json.items[0];
  const stats = (await api('GET', `/api/v1/projects/stats?program=${program.id}`)).json;
  assert.ok(stats.projects > 0 && stats.by_status.length > 0);
  await page.goto(`${env.server.base}/app/?program=${program.id}`);
  const chart = page.getByRole('img', { name: /^Biểu đồ số đề án theo trạng thái/ });
  await chart.waitFor();
  const label = await chart.getAttribute('aria-label');
  const counts = [...label.matchAll(/: (\d+)(?:;|$)/g)].map((m) => Number(m[1]));
  assert.deepEqual(
    counts.sort((a, b) => a - b),
    stats.by_status.map((g) => g.projects).sort((a, b) => a - b),
  );
  assert.equal(
    counts.reduce((a, n) => a + n, 0),
    stats.projects,
  );
  await page.getByRole('img', { name: /^Biểu đồ kinh phí đề nghị theo nội dung/ }).waitFor();
  await page.close();
});
