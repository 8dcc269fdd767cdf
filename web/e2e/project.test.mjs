// A person creates a project through the UI and finds it again by searching without
// diacritics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerBusy,
  choose,
  chooseIn,
  login,
  pickFound,
  withDemoServerAndBrowser,
} from './browser.mjs';

const env = withDemoServerAndBrowser();

test('the overview shows the 2018 plan', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'ministry');
  await page.getByText('Kế hoạch khuyến công quốc gia năm 2018').first().waitFor();
  await page.getByText('120 tỷ đồng').first().waitFor();
  await page.close();
});

// Fills the project form with a valid project, except what `v` changes. Dates are typed and
// confirmed with Enter, which must not submit the form.
async function fillProject(page, v) {
  await page.getByLabel('Mã').fill(v.code);
  await page.getByLabel('Năm').fill('2019');
  await page
    .getByLabel('Tên đề án')
    .fill('Hỗ trợ máy ép gạch không nung cho Hợp tác xã Phước Điền Xanh');
  await choose(page, 'Chương trình', 'Kế hoạch khuyến công quốc gia năm 2019');
  await choose(page, 'Nội dung', 'ND45-03');
  await choose(page, 'Danh mục tỉnh', '63 tỉnh');
  await choose(page, 'Tỉnh/thành', 'Đồng Nai');
  await choose(page, 'Đơn vị thực hiện', 'Trung tâm Khuyến công tỉnh Đồng Nai');
  await page.getByLabel('Kinh phí khuyến công').fill(v.money ?? '250.000.000');
  await page.getByLabel('Bắt đầu').fill(v.start ?? '01/04/2019');
  await page.getByLabel('Bắt đầu').press('Enter');
  await page.getByLabel('Kết thúc').fill(v.end ?? '30/11/2019');
  await page.getByLabel('Kết thúc').press('Enter');
  await page.getByText('Kết quả dự kiến').click();
}

test('create a project in the UI, then find it by searching without diacritics', async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/projects/new');
  await fillProject(page, { code: 'E2E-2019-001' });
  // Enter in a date field did not submit: still on the form.
  assert.match(page.url(), /\/projects\/new$/);
  // A beneficiary facility, found by typing part of its name without diacritics.
  const picker = page.getByRole('combobox', { name: 'Cơ sở thụ hưởng' });
  await pickFound(page, picker, 'che bien go ngoc lan', 'Chế biến gỗ Ngọc Lan');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await page.getByText('E2E-2019-001 — Hỗ trợ máy ép gạch không nung').waitFor();
  const details = await page.locator('.ant-descriptions').innerText();
  assert.match(details, /250\.000\.000\u00A0₫/);
  assert.match(details, /Cơ sở thụ hưởng\s+1/);

  await page.goto(env.server.base + '/projects');
  await page.getByLabel('Tìm kiếm (không cần dấu)').fill('hop tac xa phuoc dien xanh may ep gach');
  await page.keyboard.press('Enter');
  // The unfiltered list also starts with this code; wait until the search has narrowed it.
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  assert.match(await page.locator('.ant-table-row').innerText(), /E2E-2019-001/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the server names a bad field at the field, in Vietnamese, until it changes', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/projects/new');
  await fillProject(page, { code: 'E2E-BAD', start: '30/11/2019', end: '01/04/2019' });
  await page.getByRole('button', { name: 'Lưu' }).click();
  const endItem = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText('Kết thúc', { exact: true }) });
  await endItem.getByText('Không được trước ngày bắt đầu').waitFor();
  await page.getByLabel('Kết thúc').fill('31/12/2019');
  await page.getByLabel('Kết thúc').press('Enter');
  await endItem.getByText('Không được trước ngày bắt đầu').waitFor({ state: 'detached' });
  await page.close();
});

test('money is typed the Vietnamese way; what is not an amount is refused at the field', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(env.server.base + '/projects/new');
  const money = page.getByLabel('Kinh phí khuyến công');
  const item = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText('Kinh phí khuyến công', { exact: true }) });
  for (const bad of ['-2000000', 'abc12,5', '1.5']) {
    await money.fill(bad);
    await item.getByText('Nhập số đồng nguyên, không âm').waitFor();
    assert.equal(await money.inputValue(), bad); // never silently rewritten
  }
  await money.fill('1 000 000');
  await item.getByText('Nhập số đồng nguyên, không âm').waitFor({ state: 'detached' });
  await page.getByLabel('Mã').click();
  assert.equal(await money.inputValue(), '1.000.000');
  // Required fields are marked and checked before anything is sent.
  await page.getByRole('button', { name: 'Lưu' }).click();
  const title = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText('Tên đề án', { exact: true }) });
  await title.getByText('Bắt buộc nhập').waitFor();
  await page.close();
});

test('a project whose read fails for a while says so and tries again on request, not "not found"', async () => {
  const base = env.server.base;
  const dept = await env.server.session('department');
  const project = (await dept('GET', '/api/v1/projects?page_size=1')).json.items[0];
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  const address = `**/api/v1/projects/${project.id}`;
  await answerBusy(page, address);
  await page.goto(`${base}/projects/${project.id}`);
  await page.getByRole('heading', { level: 1, name: 'Không tải được dữ liệu' }).waitFor();
  await page.getByText('Máy chủ đang bận').waitFor();
  assert.equal(await page.getByText('Không tìm thấy trang').count(), 0);
  await page.unroute(address);
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await page
    .getByRole('heading', { level: 1, name: `${project.code} — ${project.title}` })
    .waitFor();
  // A project that is not there is still "not found".
  await page.goto(`${base}/projects/987654321`);
  await page.getByText('Không tìm thấy trang').waitFor();
  // A list whose read fails says so, instead of only "no project matches".
  await page.route('**/api/v1/projects?*', (route) => route.abort('internetdisconnected'));
  await page.goto(`${base}/projects`);
  await page.getByText('Không kết nối được máy chủ').waitFor();
  await page.close();
});

test("the dossier's attachments: a PDF is attached and listed, a program renamed .pdf is refused", async () => {
  const base = env.server.base;
  const dept = await env.server.session('department');
  const project = (
    await dept('GET', '/api/v1/projects?program=KCQG-2019&status=passed&province=79')
  ).json.items[0];
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  await page.goto(`${base}/projects/${project.id}`);
  // The sheet to print, as the browser would open it: a PDF of this project.
  const sheet = page.getByRole('link', { name: 'In phiếu đề án (PDF)' });
  const pdf = await page.request.get(new URL(await sheet.getAttribute('href'), base).href);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
  await page.getByRole('tab', { name: 'Hồ sơ đề án' }).click();
  await page.getByText('Chưa có tệp đính kèm.').waitFor();
  const input = page.locator('input[type=file]');
  await input.setInputFiles({
    name: 'Thuyết minh đề án.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% thuyết minh\n'),
  });
  await page.getByRole('link', { name: 'Thuyết minh đề án.pdf' }).waitFor();
  await input.setInputFiles({
    name: 'du-toan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00 not a pdf'),
  });
  await page.getByRole('alert').filter({ hasText: 'Phải là một trong: PDF, DOCX' }).waitFor();
  // An upload that gets no answer (the line dropped) says so at the list.
  await page.route('**/attachments?*', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  await input.setInputFiles({
    name: 'du-toan-2.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% dự toán\n'),
  });
  await page.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' }).waitFor();
  const list = (await dept('GET', `/api/v1/projects/${project.id}/attachments`)).json.items;
  assert.deepEqual(
    list.map((a) => [a.name, a.kind]),
    [['Thuyết minh đề án.pdf', 'pdf']],
  );
});

test('the written dossier: itemized costs typed the Vietnamese way sum as typed and become the amounts', async () => {
  const base = env.server.base;
  const dept = await env.server.session('department');
  const project = (
    await dept('GET', '/api/v1/projects?program=KCQG-2019&status=passed&province=01')
  ).json.items[0];
  const page = await env.browser.context.newPage();
  await login(page, base, 'department');
  await page.goto(`${base}/projects/${project.id}`);
  await page.getByRole('tab', { name: 'Hồ sơ đề án' }).click();
  await page.getByText('Chưa có thuyết minh.').waitFor();
  await page.getByRole('button', { name: 'Sửa thuyết minh' }).click();
  await page.getByLabel('Mục tiêu').fill('Nâng cao năng suất cho cơ sở');
  await page.getByRole('button', { name: 'Thêm mốc tiến độ' }).click();
  await page.getByLabel('Thời hạn 1').fill('30/06/2019');
  await page.getByLabel('Thời hạn 1').press('Enter');
  await page.getByLabel('Công việc 1').fill('Lắp đặt thiết bị');
  const items = [
    ['Máy móc, thiết bị', 'Máy ép', '400.000.000', '600.000.000'],
    ['Đào tạo, tập huấn', 'Tập huấn vận hành', '35.500.000', '0'],
  ];
  for (const [i, [category, what, program, counterpart]] of items.entries()) {
    await page.getByRole('button', { name: 'Thêm khoản mục' }).click();
    // A click on a list still opening can be lost: the helper takes the option until it holds.
    await chooseIn(page, page.getByRole('combobox', { name: `Khoản mục ${i + 1}` }), category);
    await page.getByLabel(`Nội dung chi ${i + 1}`).fill(what);
    await page.getByLabel(`Kinh phí khuyến công ${i + 1}`).fill(program);
    await page.getByLabel(`Vốn đối ứng ${i + 1}`).fill(counterpart);
  }
  const sums = page.getByTestId('dossier-sums');
  await sums.filter({ hasText: '435.500.000' }).waitFor();
  await sums.filter({ hasText: '1.035.500.000' }).waitFor();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Kinh phí đề nghị hỗ trợ, vốn đối ứng và tổng kinh phí').waitFor();
  const stored = (await dept('GET', `/api/v1/projects/${project.id}`)).json;
  assert.deepEqual(
    [stored.requested_vnd, stored.counterpart_vnd, stored.amounts_from_dossier],
    [435_500_000, 600_000_000, true],
  );
  // The history names the write in words, with what changed.
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await page.getByRole('cell', { name: 'Sửa thuyết minh' }).waitFor();
  await page
    .getByText(/Mục tiêu; Tiến độ thực hiện: 0 → 1; Dự toán kinh phí theo khoản mục/)
    .waitFor();
  // The record's form now shows the amounts as computed, not typed.
  await page.goto(`${base}/projects/${project.id}/edit`);
  await assert.doesNotReject(() =>
    page.getByLabel('Kinh phí khuyến công').and(page.locator('[disabled]')).waitFor(),
  );
});
