// The public bulletin: editors write, schedule and publish articles; the public pages (HTML
// without a session), the RSS feed and the sitemap show only what is published; Markdown comes
// out sanitized; photos are pictures within their size; certificates verify; the demo's
// headline figures are the annual report's own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsOf, startServer } from './server.mjs';

const PUBLIC_URL = 'https://khuyencong.example.gov.vn';
let s, dept;
// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

before(async () => {
  s = await startServer({ demo: true, extraArgs: ['--public-url', PUBLIC_URL + '/'] });
  dept = await s.session('department');
});
after(() => s.stop());

const page = async (path) => {
  const r = await fetch(s.base + path, { redirect: 'manual' });
  return { status: r.status, headers: r.headers, text: await r.text() };
};

async function write(body) {
  const r = await dept('POST', '/api/v1/articles', {
    title: 'Bài thử',
    summary: 'Tóm tắt',
    body_md: 'Nội dung',
    ...body,
  });
  return r;
}

async function publish(article, extra = {}) {
  const r = await dept('PUT', `/api/v1/articles/${article.id}`, {
    title: article.title,
    summary: article.summary,
    body_md: article.body_md,
    slug: article.slug,
    version: article.version,
    published: true,
    ...extra,
  });
  assert.equal(r.status, 200, r.text);
  return r.json;
}

test('the demo bulletin: published articles public, the scheduled one and the draft not', async () => {
  const all = (await dept('GET', '/api/v1/articles?page_size=100')).json.items;
  // The first test: every article is the demo's.
  const byStatus = (st) => all.filter((a) => a.status === st);
  assert.ok(byStatus('published').length >= 4);
  assert.ok(byStatus('scheduled').length >= 1);
  assert.ok(byStatus('draft').length >= 1);
  const rss = (await page('/rss.xml')).text;
  for (const a of byStatus('published')) assert.ok(rss.includes(`/tin-tuc/${a.slug}<`), a.slug);
  for (const a of [...byStatus('scheduled'), ...byStatus('draft')])
    assert.ok(!rss.includes(`/tin-tuc/${a.slug}<`), a.slug);
});

test('a draft and a scheduled article stay invisible; published, they appear everywhere', async () => {
  const draft = await write({ title: 'Hội nghị khuyến công miền Trung 2026' });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.json.slug, 'hoi-nghi-khuyen-cong-mien-trung-2026');
  assert.equal(draft.json.status, 'draft');
  const path = `/tin-tuc/${draft.json.slug}`;
  assert.equal((await page(path)).status, 404);
  const later = new Date(Date.now() + 3600_000).toISOString();
  const scheduled = await publish(draft.json, { publish_at: later });
  assert.equal(scheduled.status, 'scheduled');
  for (const p of [path, '/rss.xml', '/sitemap.xml', '/tin-tuc', '/']) {
    const r = await page(p);
    if (p === path) assert.equal(r.status, 404, p);
    else assert.ok(!r.text.includes(draft.json.slug) && !r.text.includes('miền Trung 2026'), p);
  }
  const listed = await dept('GET', '/api/v1/articles?status=scheduled');
  assert.ok(listed.json.items.some((a) => a.id === draft.json.id));
  const live = await publish(scheduled, { publish_at: null });
  assert.equal(live.status, 'published');
  const shown = await page(path);
  assert.equal(shown.status, 200);
  assert.match(shown.headers.get('content-type'), /text\/html/);
  assert.match(shown.text, /<h1>Hội nghị khuyến công miền Trung 2026<\/h1>/);
  assert.ok(!shown.text.includes('<script'), 'the public pages send no script');
  const rss = await page('/rss.xml');
  assert.match(rss.headers.get('content-type'), /application\/rss\+xml/);
  const links = [...rss.text.matchAll(/<item>.*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
  assert.ok(links.includes(`${PUBLIC_URL}${path}`), 'the item links its article absolutely');
  assert.ok((await page('/sitemap.xml')).text.includes(`<loc>${PUBLIC_URL}${path}</loc>`));
  assert.ok((await page('/')).text.includes(path), 'the home page lists the latest news');
});

test('Markdown with scripts, event handlers and javascript: links comes out inert', async () => {
  const body_md = [
    '# Tiêu đề',
    '<script>alert("x")</script>',
    '<img src="x" onerror="alert(1)">',
    '[bấm vào đây](javascript:alert(1)) và [liên kết](https://moit.gov.vn)',
    '![ảnh](javascript:alert(2))',
  ].join('\n\n');
  const preview = await dept('POST', '/api/v1/articles/preview', { body_md });
  assert.equal(preview.status, 200);
  const made = await write({ title: 'Bài kiểm tra an toàn', body_md });
  const live = await publish(made.json);
  for (const html of [preview.json.html, (await page(`/tin-tuc/${live.slug}`)).text]) {
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/onerror/i.test(html), 'no event handler');
    assert.ok(!/javascript:/i.test(html), 'no javascript: address');
    assert.match(html, /<a href="https:\/\/moit\.gov\.vn">liên kết<\/a>/);
    assert.match(html, /<h1>Tiêu đề<\/h1>/);
  }
});

test('bad articles are refused field by field; only editors write', async () => {
  const bad = await write({ title: '', slug: 'Có Dấu', publish_at: 'ngày mai' });
  assert.equal(bad.status, 422);
  assert.deepEqual(fieldsOf(bad.json).sort(), ['publish_at', 'slug', 'title']);
  const codes = Object.fromEntries(bad.json.errors.map((e) => [e.field, e.code]));
  assert.equal(codes.publish_at, 'not_timestamp');
  assert.equal(codes.slug, 'slug_format');
  const first = await write({ slug: 'bai-trung-dia-chi' });
  assert.equal(first.status, 201);
  const again = await write({ slug: 'bai-trung-dia-chi' });
  assert.equal(again.status, 422);
  assert.equal(again.json.errors[0].code, 'code_taken');
  const province = await s.session('province-01');
  assert.equal((await province('POST', '/api/v1/articles', { title: 'x' })).status, 403);
  assert.equal((await province('GET', '/api/v1/articles')).status, 403);
});

test('photos: pictures only, within the dated size; public once their article is', async () => {
  const made = (await write({ title: 'Bài có ảnh' })).json;
  const upload = (bytes, caption = 'Ảnh') =>
    dept(
      'POST',
      `/api/v1/articles/${made.id}/images?caption=${encodeURIComponent(caption)}`,
      bytes,
      { 'Content-Type': 'application/octet-stream' },
    );
  const text = await upload(Buffer.from('not a picture at all'));
  assert.equal(text.status, 422);
  assert.equal(text.json.errors[0].code, 'not_image');
  const huge = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
  assert.equal(huge.status, 422);
  assert.equal(huge.json.errors[0].code, 'too_large');
  const ok = await upload(PNG, 'Toàn cảnh hội nghị');
  assert.equal(ok.status, 201, ok.text);
  const publicPhoto = `/anh/${ok.json.id}`;
  assert.equal((await page(publicPhoto)).status, 404, 'a draft article keeps its photos');
  const editor = await fetch(s.base + ok.json.url, { headers: { Cookie: dept.cookie } });
  assert.equal(editor.status, 200);
  const full = (await dept('GET', `/api/v1/articles/${made.id}`)).json;
  await publish(full, { cover_image_id: ok.json.id });
  const shown = await fetch(s.base + publicPhoto);
  assert.equal(shown.status, 200);
  assert.equal(shown.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await shown.arrayBuffer()), PNG);
  assert.ok((await page('/thu-vien-anh')).text.includes('Toàn cảnh hội nghị'));
});

test("the home page's figures are the 2018 annual report's; certificates verify", async () => {
  const ministry = await s.session('ministry');
  const report = (await ministry('GET', '/api/v1/reports/annual?year=2018&program=KCQG-2018')).json;
  const home = (await page('/')).text;
  assert.match(home, /Kết quả năm 2018/);
  const grouped = (n) => n.toLocaleString('vi-VN');
  assert.ok(home.includes(`${grouped(report.projects.planned)} đề án`));
  assert.ok(home.includes(`>${grouped(report.outputs.fair_booth.actual)}<`));
  assert.ok(home.includes(`>${grouped(report.cluster_projects.total)}<`));
  const product = (await dept('GET', '/api/v1/typical-products?page_size=1')).json.items[0];
  const verified = await page(`/xac-minh/${product.verify_code}`);
  assert.equal(verified.status, 200);
  assert.ok(verified.text.includes(product.certificate_no));
  assert.ok(verified.text.includes('Còn hiệu lực') || verified.text.includes('Đã hết hiệu lực'));
  const byForm = await page(`/xac-minh?ma=${product.verify_code}`);
  assert.ok(byForm.text.includes(product.certificate_no));
  const unknown = await page('/xac-minh/KHONG-CO-MA-NAY');
  assert.equal(unknown.status, 404);
  assert.match(unknown.text, /Không tìm thấy/);
  const recognized = (await dept('GET', '/api/v1/typical-products?year=2018&page_size=1')).json;
  const catalogue = await page('/san-pham-tieu-bieu?nam=2018');
  assert.ok(catalogue.text.includes(`<p>${grouped(recognized.total)} sản phẩm`));
});

test('the published results per province and the clusters map are the records', async () => {
  const ministry = await s.session('ministry');
  const report = (await ministry('GET', '/api/v1/reports/annual?year=2018&program=KCQG-2018')).json;
  const results = await page('/ket-qua?nam=2018');
  assert.equal(results.status, 200);
  assert.ok(!results.text.includes('<script'));
  const rows = [...results.text.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td>/g)];
  assert.equal(rows.length, Object.keys(report.by.province).length);
  const planned = rows.reduce((n, r) => n + Number(r[2].replaceAll('.', '')), 0);
  assert.equal(planned, report.projects.planned, 'the provinces add up to the year');
  assert.equal((await page('/ket-qua?nam=1999')).status, 404);
  const clusters = (await dept('GET', '/api/v1/clusters?page_size=1')).json.totals;
  const map = await page('/cum-cong-nghiep');
  assert.equal(map.status, 200);
  assert.ok(map.text.includes(`<p>${clusters.clusters.toLocaleString('vi-VN')} cụm công nghiệp`));
  assert.equal((map.text.match(/<path /g) ?? []).length, 34);
  for (const [code, n] of Object.entries(clusters.by_province))
    assert.ok(map.text.includes(`: ${n} cụm</title>`), code);
});

test('the application moved under /app/: old addresses redirect there', async () => {
  const r = await page('/projects?status=approved');
  assert.equal(r.status, 301);
  assert.equal(r.headers.get('location'), '/app/projects?status=approved');
  const robots = await page('/robots.txt');
  assert.match(robots.text, new RegExp(`Sitemap: ${PUBLIC_URL}/sitemap.xml`));
});
