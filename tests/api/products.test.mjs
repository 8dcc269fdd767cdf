// Typical products: recognition with its rules (the level in force on the date, the area of a
// regional recognition, the dated pass mark, no second recognition while one is valid), the
// certificate as a PDF, and the public verification of its code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startServer } from './server.mjs';

let s;
let dept;
let hanoi;
let facility;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  facility = (await hanoi('GET', '/api/v1/facilities?page_size=1')).json.items[0];
});
after(() => s.stop());

const product = (overrides = {}) => ({
  certificate_no: 'SPTB-HN-2026-001',
  name: 'Gốm men lam Bát Tràng',
  group: 'handicraft',
  facility_id: facility.id,
  level: 'provincial',
  year: 2026,
  score: 82.5,
  recognized_on: '15/10/2026',
  ...overrides,
});
const codes = (r) => (r.json.errors ?? []).map((e) => [e.field, e.code]);
const total = async () => (await dept('GET', '/api/v1/typical-products?page_size=1')).json.total;

test('a province recognises its own product at its level; the rules are checked', async () => {
  const before = await total();
  const regional = await hanoi(
    'POST',
    '/api/v1/typical-products',
    product({ level: 'regional', area_code: 'BAC' }),
  );
  assert.deepEqual(codes(regional), [['level', 'one_of']]);
  const district = await hanoi('POST', '/api/v1/typical-products', product({ level: 'district' }));
  assert.deepEqual(codes(district), [['level', 'level_not_in_force']]);
  // The pass mark is a dated setting: read it from the rules.
  const rules = (await dept('GET', '/api/v1/reference/rules')).json.items;
  const mark = Number(rules.find((r) => r.rule_key === 'typical_product_pass_mark').value_text);
  const low = await hanoi('POST', '/api/v1/typical-products', product({ score: mark - 0.5 }));
  assert.deepEqual(codes(low), [['score', 'at_least']]);
  assert.equal(await total(), before);
  const ok = await hanoi('POST', '/api/v1/typical-products', product());
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.recognized_on, '2026-10-15');
  const years = Number(
    rules.find((r) => r.rule_key === 'typical_product_validity_years').value_text,
  );
  assert.equal(ok.json.valid_until, `${2026 + years}-10-14`);
  assert.equal(ok.json.province_2025, '01');
  // The same product (its name typed otherwise) again at that level while it is valid: refused.
  const again = await hanoi(
    'POST',
    '/api/v1/typical-products',
    product({
      certificate_no: 'SPTB-HN-2026-002',
      name: 'GỐM MEN LAM BÁT TRÀNG',
      recognized_on: '01/12/2027',
    }),
  );
  assert.deepEqual(codes(again), [['name', 'still_recognized']]);
  assert.equal(again.json.errors[0].params.certificate, 'SPTB-HN-2026-001');
  // Once it lapsed, it may enter again.
  const later = await hanoi(
    'POST',
    '/api/v1/typical-products',
    product({
      certificate_no: 'SPTB-HN-2029-001',
      year: 2029,
      recognized_on: `15/10/${2026 + years}`,
    }),
  );
  assert.equal(later.status, 201, later.text);
  assert.equal(await total(), before + 2);
});

test('the department recognises at regional level only with a known area', async () => {
  const none = await dept(
    'POST',
    '/api/v1/typical-products',
    product({ certificate_no: 'KV-1', level: 'regional' }),
  );
  assert.deepEqual(codes(none), [['area_code', 'required']]);
  const odd = await dept(
    'POST',
    '/api/v1/typical-products',
    product({ certificate_no: 'KV-1', level: 'regional', area_code: 'TAY' }),
  );
  assert.deepEqual(codes(odd), [['area_code', 'unknown_key']]);
  const other = (await dept('GET', '/api/v1/facilities?province=79&page_size=1')).json.items[0];
  const notMine = await hanoi(
    'POST',
    '/api/v1/typical-products',
    product({ certificate_no: 'X-1', facility_id: other.id }),
  );
  assert.deepEqual(codes(notMine), [['facility_id', 'no_such_record']]);
});

test('the certificate is a PDF with the product and its code; the public verifies the code', async () => {
  const p = (await dept('GET', '/api/v1/typical-products?q=SPTB-HN-2026-001')).json.items[0];
  const pdf = await fetch(`${s.base}/api/v1/typical-products/${p.id}/certificate`, {
    headers: { Cookie: dept.cookie },
  });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const file = join(tmpdir(), `kc-cert-${process.pid}.pdf`);
  writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
  const text = execFileSync('pdftotext', [file, '-']).toString();
  rmSync(file);
  assert.match(text, /GIẤY CHỨNG NHẬN/);
  assert.match(text, /Gốm men lam Bát Tràng/);
  assert.ok(text.includes(p.verify_code));
  // Without a session.
  const v = await call(s.base, 'GET', `/api/v1/verify/${encodeURIComponent(p.verify_code)}`);
  assert.equal(v.status, 200);
  assert.deepEqual(
    [v.json.certificate_no, v.json.valid, v.json.level],
    ['SPTB-HN-2026-001', true, 'provincial'],
  );
  assert.equal(Object.hasOwn(v.json, 'facility_id'), false);
  const missing = await call(s.base, 'GET', '/api/v1/verify/no-such-code');
  assert.equal(missing.status, 404);
});
