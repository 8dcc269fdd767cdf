// The register's API over real HTTP: CRUD, filters, search, concurrency and every kind of
// bad input. After each refused request, the test checks that nothing was written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, fieldsOf, rawGet, startServer } from './server.mjs';

let s;
let api;
let programId;
let orgId;
let facilityId;

const count = async () => (await api('GET', '/api/v1/projects?page_size=1')).json.total;

function project(overrides = {}) {
  return {
    code: 'DN-2018-01',
    title: 'Hỗ trợ ứng dụng máy tách vỏ hạt điều tại Đồng Nai',
    year: 2018,
    program_id: programId,
    content_code: 'ND45-03',
    provinces: [{ set: '2008', code: '75' }],
    implementing_org_id: orgId,
    beneficiary_ids: [facilityId],
    requested_vnd: 300_000_000,
    counterpart_vnd: 300_000_000,
    start: '2018-04-01',
    end: '30/11/2018',
    outputs: [{ indicator: 'facility_tech_machinery', quantity: 1 }],
    priority_flags: ['women_owned'],
    ...overrides,
  };
}

before(async () => {
  s = await startServer();
  api = await s.session('department');
  programId = (
    await api('POST', '/api/v1/programs', {
      code: 'KCQG-2018',
      level: 'KCQG',
      year: 2018,
      name: 'Kế hoạch khuyến công quốc gia năm 2018',
      budget_vnd: 120_000_000_000,
    })
  ).json.id;
  orgId = (
    await api('POST', '/api/v1/organizations', {
      name: 'Trung tâm Khuyến công tỉnh Đồng Nai',
      kind: 'provincial_center',
      province: { set: '2008', code: '75' },
    })
  ).json.id;
  facilityId = (
    await api('POST', '/api/v1/facilities', {
      name: 'Hộ kinh doanh chế biến hạt điều Bình An',
      kind: 'household_business',
      province: { set: '2008', code: '70' },
      women_owned: true,
      employees: 12,
    })
  ).json.id;
});
after(() => s.stop());

test('priority flags the register can establish are computed on every save, never typed', async () => {
  const facility = await api('POST', '/api/v1/facilities', {
    name: 'Xưởng dệt thổ cẩm Sa Pa',
    kind: 'household_business',
    province: { set: '2008', code: '10' },
    employees: 60,
    ethnic_minority_workers: true,
  });
  assert.equal(facility.status, 201, facility.text);
  // Typed: women_owned (the facility is not) and export (a declaration the register cannot
  // check). Lào Cai lies in the northern mountains: a disadvantaged area by the dated setting.
  const created = await api(
    'POST',
    '/api/v1/projects',
    project({
      code: 'LC-2018-UT',
      provinces: [{ set: '2008', code: '10' }],
      beneficiary_ids: [facility.json.id],
      priority_flags: ['women_owned', 'export'],
    }),
  );
  assert.equal(created.status, 201, created.text);
  assert.deepEqual(created.json.priority_flags, [
    'disadvantaged_area',
    'ethnic_minorities',
    'export',
    'workers_50_plus',
  ]);
  // Without the beneficiary its facts go; the area and the declaration stay.
  const { id, version } = created.json;
  const edited = await api('PUT', `/api/v1/projects/${id}`, {
    ...created.json,
    beneficiary_ids: [],
    priority_flags: ['ethnic_minorities', 'export'],
  });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.version, version + 1);
  assert.deepEqual(edited.json.priority_flags, ['disadvantaged_area', 'export']);
  const cancelled = await api('POST', `/api/v1/projects/${id}/cancel`, {
    version: edited.json.version,
    reason: 'thử',
  });
  assert.equal(cancelled.status, 200, cancelled.text);
});

test('create, read, update with versions, and cancel', async () => {
  const created = await api('POST', '/api/v1/projects', project());
  assert.equal(created.status, 201, created.text);
  const p = created.json;
  assert.equal(p.total_vnd, 600_000_000);
  assert.equal(p.end, '2018-11-30');
  assert.equal(p.version, 1);
  const got = await api('GET', `/api/v1/projects/${p.id}`);
  assert.deepEqual(got.json.outputs, [{ indicator: 'facility_tech_machinery', quantity: 1 }]);

  const body = { ...project({ title: 'Tên mới' }), version: 1 };
  const upd = await api('PUT', `/api/v1/projects/${p.id}`, body);
  assert.equal(upd.status, 200, upd.text);
  assert.equal(upd.json.version, 2);

  const stale = await api('PUT', `/api/v1/projects/${p.id}`, {
    ...project({ title: 'Tên cũ' }),
    version: 1,
  });
  assert.equal(stale.status, 409);
  assert.equal(stale.headers.get('content-type'), 'application/problem+json');
  const after409 = await api('GET', `/api/v1/projects/${p.id}`);
  assert.equal(after409.json.title, 'Tên mới');
  assert.equal(after409.json.version, 2);

  const cancelled = await api('POST', `/api/v1/projects/${p.id}/cancel`, { version: 2 });
  assert.equal(cancelled.json.status, 'cancelled');
  const again = await api('POST', `/api/v1/projects/${p.id}/cancel`, {
    version: 3,
  });
  assert.equal(again.status, 409);
});

test('search ignores diacritics and case; filters use either province set', async () => {
  const r = await api('POST', '/api/v1/projects', project({ code: 'DN-2018-02' }));
  assert.equal(r.status, 201, r.text);
  for (const q of ['hat dieu', 'HẠT ĐIỀU', 'dong nai', 'Đồng Nai']) {
    const found = await api('GET', `/api/v1/projects?q=${encodeURIComponent(q)}`);
    assert.ok(found.json.total >= 1, q);
  }
  const none = await api('GET', '/api/v1/projects?q=khong%20co');
  assert.equal(none.json.total, 0);
  const byNew = await api('GET', '/api/v1/projects?province=75&province_set=2025');
  const byOld = await api('GET', '/api/v1/projects?province=75&province_set=2008');
  const otherOld = await api('GET', '/api/v1/projects?province=70&province_set=2008');
  assert.equal(byNew.json.total, byOld.json.total);
  assert.ok(byNew.json.total >= 1);
  assert.equal(otherOld.json.total, 0);
  const region = await api('GET', '/api/v1/projects?region=DNB&area=NAM');
  assert.equal(region.json.total, byNew.json.total);
  const facility = await api('GET', '/api/v1/facilities?q=binh%20an&province=75');
  assert.equal(facility.json.total, 1, 'Bình Phước (70) merged into Đồng Nai (75)');
});

test('paging and sorting', async () => {
  for (let i = 3; i <= 6; i++) {
    const r = await api(
      'POST',
      '/api/v1/projects',
      project({
        code: `DN-2018-0${i}`,
        requested_vnd: i * 1_000_000,
        counterpart_vnd: 0,
      }),
    );
    assert.equal(r.status, 201, r.text);
  }
  const page = await api('GET', '/api/v1/projects?page=2&page_size=2&sort=-requested_vnd');
  assert.equal(page.json.page, 2);
  assert.equal(page.json.page_size, 2);
  assert.equal(page.json.items.length, 2);
  const all = await api('GET', '/api/v1/projects?sort=-requested_vnd&page_size=50');
  const amounts = all.json.items.map((p) => p.requested_vnd);
  assert.deepEqual(
    amounts,
    [...amounts].sort((a, b) => b - a),
  );
  assert.deepEqual(
    page.json.items.map((p) => p.id),
    all.json.items.slice(2, 4).map((p) => p.id),
  );
});

test('bad inputs give problem+json naming the field and write nothing', async () => {
  const before = await count();
  const cases = [
    ['malformed JSON', '{"code": ', 400, ['body']],
    [
      'invalid UTF-8',
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      400,
      ['body'],
    ],
    ['not an object', '[1, 2]', 400, ['body']],
    ['wrong type', project({ title: 5 }), 422, ['title']],
    ['unknown field', project({ colour: 'red' }), 422, ['colour']],
    ['fractional money', project({ requested_vnd: 1.5 }), 422, ['requested_vnd']],
    ['negative money', project({ requested_vnd: -1 }), 422, ['requested_vnd']],
    ['end before start', project({ end: '2018-01-01' }), 422, ['end']],
    ['bad date', project({ start: '2018-02-30' }), 422, ['start']],
    ['unknown content', project({ content_code: 'ND99-01' }), 422, ['content_code']],
    ['content not in force', project({ content_code: 'ND235-03' }), 422, ['content_code']],
    [
      'unknown province',
      project({ provinces: [{ set: '2025', code: '70' }] }),
      422,
      ['provinces/0'],
    ],
    [
      'unknown indicator',
      project({ outputs: [{ indicator: 'x', quantity: 1 }] }),
      422,
      ['outputs/0/indicator'],
    ],
    ['unknown organization', project({ implementing_org_id: 9999 }), 422, ['implementing_org_id']],
    ['unknown program', project({ program_id: 9999 }), 422, ['program_id']],
    ['duplicate code', project({ code: 'DN-2018-02' }), 422, ['code']],
    ['total mismatch', project({ total_vnd: 1 }), 422, ['total_vnd']],
    ['missing fields', {}, 422, ['code', 'title', 'year', 'provinces']],
  ];
  for (const [name, body, status, fields] of cases) {
    const r = await api('POST', '/api/v1/projects', body);
    assert.equal(r.status, status, `${name}: ${r.text}`);
    assert.equal(r.headers.get('content-type'), 'application/problem+json', name);
    assert.equal(r.json.status, status, name);
    for (const f of fields)
      assert.ok(fieldsOf(r.json).includes(f), `${name}: expected ${f} in ${r.text}`);
  }
  assert.equal(await count(), before);
});

test('size limits, media types, unknown routes and ids', async () => {
  const before = await count();
  const big = JSON.stringify(project({ title: 'x'.repeat(2 * 1024 * 1024) }));
  const tooBig = await api('POST', '/api/v1/projects', big);
  assert.equal(tooBig.status, 413);
  const text = await api('POST', '/api/v1/projects', 'code=1', {
    'Content-Type': 'text/plain',
  });
  assert.equal(text.status, 415);
  assert.equal((await api('GET', '/api/v1/projects/999999')).status, 404);
  assert.equal((await api('GET', '/api/v1/projects/abc')).status, 404);
  assert.equal((await api('GET', '/api/v1/nothing')).status, 404);
  assert.equal((await api('DELETE', '/api/v1/projects/1')).status, 405);
  const badParam = await api('GET', '/api/v1/projects?colour=red&page=0');
  assert.equal(badParam.status, 422);
  assert.deepEqual(fieldsOf(badParam.json).sort(), ['colour', 'page']);
  const badStale = await api('PUT', '/api/v1/projects/999999', {
    ...project(),
    version: 1,
  });
  assert.equal(badStale.status, 404);
  assert.equal(await count(), before);
});

test('other register entities validate too', async () => {
  const org = await api('POST', '/api/v1/organizations', {
    name: 'X',
    kind: 'spaceship',
    province: { set: '2025', code: '02' },
  });
  assert.equal(org.status, 422);
  assert.ok(fieldsOf(org.json).includes('kind'));
  const prog = await api('POST', '/api/v1/programs', {
    code: 'KCDP-2018-01',
    level: 'KCDP',
    year: 2018,
    name: 'Khuyến công Hà Nội',
    budget_vnd: -1,
  });
  assert.equal(prog.status, 422);
  assert.deepEqual(fieldsOf(prog.json).sort(), ['budget_vnd', 'province']);
});

test("a facility's history says who changed what and why", async () => {
  const before = (await api('GET', `/api/v1/facilities/${facilityId}`)).json;
  const put = await api('PUT', `/api/v1/facilities/${facilityId}`, {
    ...before,
    employees: 15,
    reason: 'Cơ sở báo thêm lao động',
  });
  assert.equal(put.status, 200, put.text);
  const h = await api('GET', `/api/v1/facilities/${facilityId}/history`);
  assert.equal(h.status, 200);
  assert.deepEqual(
    h.json.items.map((e) => e.action),
    ['create', 'update'],
  );
  const last = h.json.items[1];
  assert.equal(last.reason, 'Cơ sở báo thêm lao động');
  assert.equal(last.user_name, 'Chuyên viên');
  assert.deepEqual([last.before.employees, last.after.employees], [12, 15]);
  const org = await api('GET', `/api/v1/organizations/${orgId}/history`);
  assert.deepEqual(
    org.json.items.map((e) => [e.action, e.after.name]),
    [['create', 'Trung tâm Khuyến công tỉnh Đồng Nai']],
  );
  assert.equal((await api('GET', '/api/v1/facilities/999999/history')).status, 404);
});

test('operations: health, OpenAPI, security headers, static path traversal', async () => {
  const h = await api('GET', '/healthz');
  assert.equal(h.status, 200);
  assert.equal(h.headers.get('x-content-type-options'), 'nosniff');
  assert.match(h.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.ok(h.headers.get('x-request-id'));
  const doc = await api('GET', '/api/v1/openapi.json');
  assert.equal(doc.json.openapi, '3.1.0');
  const traversals = [
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/assets/..%5c..%5cetc/passwd',
    '//etc/passwd',
    '/%00/etc/passwd',
  ];
  for (const path of traversals) {
    const r = await rawGet(s.port, path);
    assert.equal(r.status, 404, path);
    assert.ok(!r.text.includes('root:'), path);
  }
  const ref = await api('GET', '/api/v1/reference/provinces-2008');
  assert.equal(ref.json.total, 63);
  assert.equal(ref.json.items.find((p) => p.code === '70').code_2025, '75');
  assert.equal((await api('GET', '/api/v1/reference/provinces-2025')).json.total, 34);
});
