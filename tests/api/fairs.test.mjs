// Trade fairs and booth support: a province registers fairs held in its own province and
// supports its own facilities' booths within the dated ceiling per booth; the facility's
// support history shows them; bad input names its field and writes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s;
let dept;
let hanoi;
let facility;
let other;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  hanoi = await s.session('province-01');
  facility = (await hanoi('GET', '/api/v1/facilities?page_size=1')).json.items[0];
  other = (await dept('GET', '/api/v1/facilities?province=79&page_size=1')).json.items[0];
});
after(() => s.stop());

const fair = (overrides = {}) => ({
  code: 'HC-2026-HN',
  name: 'Hội chợ hàng thủ công mỹ nghệ Hà Nội 2026',
  place: 'Cung Văn hóa Hữu nghị Hà Nội',
  province: { set: '2025', code: '01' },
  starts_on: '10/12/2026',
  ends_on: '14/12/2026',
  organizer: 'Trung tâm Khuyến công Hà Nội',
  ...overrides,
});
const codes = (r) => (r.json.errors ?? []).map((e) => [e.field, e.code]);
const count = async () => (await dept('GET', '/api/v1/fairs?page_size=1')).json.total;

test('a province registers a fair of its own province, not of another or abroad', async () => {
  const before = await count();
  const away = await hanoi(
    'POST',
    '/api/v1/fairs',
    fair({ province: { set: '2025', code: '79' } }),
  );
  assert.equal(away.status, 422);
  assert.deepEqual(codes(away), [['province', 'own_province']]);
  const abroad = await hanoi(
    'POST',
    '/api/v1/fairs',
    fair({ abroad: true, country: 'Nhật Bản', province: undefined }),
  );
  assert.deepEqual(codes(abroad), [['province', 'own_province']]);
  assert.equal(await count(), before);
  const made = await hanoi('POST', '/api/v1/fairs', fair());
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.starts_on, '2026-12-10');
  assert.equal(made.json.province_2025, '01');
  assert.equal(made.json.booths, 0);
  const again = await hanoi('POST', '/api/v1/fairs', fair());
  assert.deepEqual(codes(again), [['code', 'code_taken']]);
});

test('bad fields are named: dates, country, province', async () => {
  const before = await count();
  const r = await dept(
    'POST',
    '/api/v1/fairs',
    fair({ code: 'HC-X', ends_on: '01/12/2026', abroad: true, province: undefined }),
  );
  assert.equal(r.status, 422);
  assert.deepEqual(codes(r).sort(), [
    ['country', 'required'],
    ['ends_on', 'before_start'],
  ]);
  const both = await dept('POST', '/api/v1/fairs', fair({ code: 'HC-Y', country: 'Lào' }));
  assert.deepEqual(codes(both), [['country', 'must_be_empty']]);
  assert.equal(await count(), before);
  const abroad = await dept(
    'POST',
    '/api/v1/fairs',
    fair({ code: 'HC-2026-JP', abroad: true, country: 'Nhật Bản', province: undefined }),
  );
  assert.equal(abroad.status, 201, abroad.text);
  assert.equal(abroad.json.province, null);
});

test('booths: within the ceiling per booth, once per facility, only for facilities in scope', async () => {
  const f = (await dept('GET', '/api/v1/fairs?q=HC-2026-HN')).json.items[0];
  const url = `/api/v1/fairs/${f.id}/booths`;
  // The domestic ceiling is a dated setting: read it from the rules, not from this test.
  const rules = (await dept('GET', '/api/v1/reference/rules')).json.items;
  const ceiling = rules.find((r) => r.rule_key === 'fair_booth_ceiling.domestic').max_amount_vnd;
  const above = await hanoi('POST', url, {
    facility_id: facility.id,
    booths: 2,
    amount_vnd: 2 * ceiling + 1,
  });
  assert.equal(above.status, 422);
  assert.equal(above.json.errors[0].code, 'above_ceiling');
  assert.equal(above.json.errors[0].params.rule, 'fair_booth_ceiling.domestic');
  const notMine = await hanoi('POST', url, { facility_id: other.id, booths: 1, amount_vnd: 1 });
  assert.deepEqual(codes(notMine), [['facility_id', 'no_such_record']]);
  const zero = await hanoi('POST', url, { facility_id: facility.id, booths: 0, amount_vnd: 0 });
  assert.deepEqual(codes(zero), [['booths', 'at_least']]);
  const ok = await hanoi('POST', url, {
    facility_id: facility.id,
    booths: 2,
    amount_vnd: 2 * ceiling,
  });
  assert.equal(ok.status, 201, ok.text);
  const twice = await hanoi('POST', url, { facility_id: facility.id, booths: 1, amount_vnd: 0 });
  assert.deepEqual(codes(twice), [['facility_id', 'listed_twice']]);
  const read = (await hanoi('GET', `/api/v1/fairs/${f.id}`)).json;
  assert.deepEqual([read.booths, read.facilities, read.amount_vnd], [2, 1, 2 * ceiling]);
  assert.equal(read.booth_supports[0].facility_name, facility.name);
  // The facility's support history shows the fair.
  const history = (await hanoi('GET', `/api/v1/facilities/${facility.id}/support`)).json;
  assert.ok(history.booths.some((b) => b.fair_code === 'HC-2026-HN' && b.booths === 2));
  // The list's totals cover the whole filter.
  const list = (await dept('GET', '/api/v1/fairs?year=2026')).json;
  assert.deepEqual([list.totals.fairs, list.totals.booths], [2, 2]);
});

test('an update needs the version read; another province cannot change the fair', async () => {
  const f = (await dept('GET', '/api/v1/fairs?q=HC-2026-HN')).json.items[0];
  const body = { ...f, place: 'Trung tâm Triển lãm Giảng Võ', reason: 'Đổi địa điểm' };
  const hcm = await s.session('province-79');
  assert.equal((await hcm('PUT', `/api/v1/fairs/${f.id}`, body)).status, 404);
  const r = await hanoi('PUT', `/api/v1/fairs/${f.id}`, body);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.place, 'Trung tâm Triển lãm Giảng Võ');
  const stale = await hanoi('PUT', `/api/v1/fairs/${f.id}`, body);
  assert.equal(stale.status, 409);
});
