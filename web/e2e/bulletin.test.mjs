// The public bulletin in the browser: read without JavaScript and without a session (home,
// news, an article, certificate verification by its form), and with JavaScript; an editor
// writes an article with a preview, publishes it, and the public page shows it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, withDemoServerAndBrowser } from './browser.mjs';

const env = withDemoServerAndBrowser();
let noScript;
before(async () => {
  noScript = await launch({ javaScript: false });
});
after(async () => noScript?.close());

for (const mode of ['without', 'with']) {
  test(`the public reads the bulletin ${mode} JavaScript`, async () => {
    const browser = mode === 'without' ? noScript : env.browser;
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(env.server.base + '/');
    await page
      .getByRole('heading', { level: 1, name: 'Bản tin Chương trình khuyến công' })
      .waitFor();
    await page.getByRole('heading', { name: 'Kết quả năm 2018' }).waitFor();
    await page
      .getByRole('link', { name: 'Tổng kết Chương trình khuyến công quốc gia năm 2018' })
      .first()
      .click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Tổng kết Chương trình khuyến công quốc gia năm 2018',
      })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kết quả chính' }).waitFor();
    const img = page.locator('figure img').first();
    let loaded = false;
    for (let i = 0; i < 50 && !loaded; i++) {
      loaded = await img.evaluate((el) => el.complete && el.naturalWidth > 0);
      if (!loaded) await page.waitForTimeout(100);
    }
    assert.ok(loaded, 'the cover loads');
    const dept = await env.server.session('department');
    const product = (await dept('GET', '/api/v1/typical-products?page_size=1')).json.items[0];
    await page.getByRole('link', { name: 'Xác minh giấy chứng nhận' }).click();
    await page.getByLabel('Mã xác minh in trên giấy chứng nhận').fill(product.verify_code);
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await page
      .getByRole('heading', { name: `Giấy chứng nhận số ${product.certificate_no}` })
      .waitFor();
    await page.getByRole('cell', { name: product.name, exact: true }).waitFor();
    // The published results and the clusters' map, by the site's own navigation.
    await page.getByRole('link', { name: 'Kế hoạch và kết quả' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Kế hoạch năm 2018 theo tỉnh, thành phố' })
      .waitFor();
    await page.getByRole('link', { name: 'Cụm công nghiệp', exact: true }).click();
    const map = page.getByRole('img', { name: /Số cụm công nghiệp theo tỉnh/ });
    await map.waitFor();
    assert.equal(await map.locator('path').count(), 34);
    await page.close();
  });
}

test('an editor writes, previews and publishes an article; the public sees it', async () => {
  const page = await env.browser.context.newPage();
  await login(page, env.server.base, 'department');
  await page.goto(`${env.server.base}/app/bulletin`);
  await page.getByRole('heading', { level: 1, name: 'Bản tin' }).waitFor();
  await page.getByRole('button', { name: 'Viết bài' }).click();
  await page
    .getByLabel('Tiêu đề', { exact: true })
    .fill('Tập huấn khởi nghiệp cho cơ sở nông thôn');
  await page.getByLabel('Tóm tắt').fill('Hơn 100 học viên tham gia.');
  await page
    .getByLabel('Nội dung (Markdown)')
    .fill('## Chương trình\n\n**Hai ngày** học.\n\n<script>alert(1)</script>');
  await page.getByRole('button', { name: 'Xem trước' }).click();
  const preview = page.getByTestId('preview');
  await preview.getByRole('heading', { name: 'Chương trình' }).waitFor();
  assert.equal(await preview.locator('script').count(), 0);
  await page.getByText('Đăng ngay').click();
  await page.getByRole('button', { name: 'Lưu bài' }).click();
  await page.getByText('Đã đăng', { exact: true }).waitFor();
  // A file that is no picture is refused in the editor's words.
  await page.getByLabel('Thêm ảnh (JPEG, PNG)').setInputFiles({
    name: 'anh-hoi-thao.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not a picture'),
  });
  await page.getByText('Ảnh phải là tệp JPEG hoặc PNG').waitFor();
  const link = page.getByRole('link', { name: 'Xem trên trang công khai' });
  const href = await link.getAttribute('href');
  assert.equal(href, '/tin-tuc/tap-huan-khoi-nghiep-cho-co-so-nong-thon');
  await page.context().clearCookies();
  await page.goto(env.server.base + href);
  await page
    .getByRole('heading', { level: 1, name: 'Tập huấn khởi nghiệp cho cơ sở nông thôn' })
    .waitFor();
  await page.getByRole('heading', { level: 2, name: 'Chương trình' }).waitFor();
  await page.close();
});
