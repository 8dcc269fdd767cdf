// The annual report page shows the report the API gives, with the year and program in the
// address, and offers the same figures as files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();

test('the ministry reads the 2018 annual report; the files carry the same query', async () => {
  const base = env.server.base;
  const ministry = await env.server.session('ministry');
  const r = (await ministry('GET', '/api/v1/reports/annual?year=2018&program=KCQG-2018')).json;
  const page = await env.browser.context.newPage();
  await login(page, base, 'ministry');
  await page.goto(`${base}/reports?year=2018&program=KCQG-2018`);
  await page.getByRole('heading', { level: 1, name: 'Báo cáo năm' }).waitFor();
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
});
