// The role × route matrix, generated from the router's own table (`khuyencong routes`):
// every route is called as every role and as anonymous; a refused call must answer 401/403
// and change nothing (the audit trail does not grow). Record routes are also called by a
// user of another province, who must get 404. A route without a sample below fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN, call, startServer } from './server.mjs';

const ACCOUNTS = [
  'admin',
  'ministry',
  'department',
  'appraiser1',
  'province-01',
  'province-79',
  'unit-1',
];
const ROLE_OF = {
  appraiser1: 'appraiser',
  'province-01': 'province',
  'province-79': 'province',
  'unit-1': 'unit',
};

let s;
const sessions = {};
let fx; // fixture records
let admin;

const auditTop = async () => (await admin('GET', '/api/v1/audit')).json.items[0]?.id ?? 0;
const writable = (record) => {
  const body = { ...record };
  for (const k of [
    'id',
    'created_at',
    'updated_at',
    'implementing_org_name',
    'demo_password',
    'login',
  ])
    delete body[k];
  return body;
};

// One sample request per route: path (ids of records in Hà Nội, in scope of province-01 and
// unit-1) and body.
const SAMPLES = {
  'GET /api/v1/openapi.json': () => ({}),
  'GET /api/v1/reference/{name}': () => ({ path: '/api/v1/reference/contents' }),
  'GET /api/v1/programs': () => ({}),
  'POST /api/v1/programs': () => ({ body: {} }),
  'GET /api/v1/programs/{id}': () => ({ id: fx.program.id }),
  'PUT /api/v1/programs/{id}': () => ({ id: fx.program.id, body: {} }),
  'GET /api/v1/organizations': () => ({}),
  'POST /api/v1/organizations': () => ({ body: {} }),
  'GET /api/v1/organizations/{id}': () => ({ id: fx.org.id, scoped: true }),
  'GET /api/v1/organizations/{id}/history': () => ({ id: fx.org.id, scoped: true }),
  'PUT /api/v1/organizations/{id}': () => ({ id: fx.org.id, body: writable(fx.org), scoped: true }),
  'GET /api/v1/facilities': () => ({}),
  'POST /api/v1/facilities': () => ({ body: {} }),
  'GET /api/v1/facilities/{id}': () => ({ id: fx.facility.id, scoped: true }),
  'GET /api/v1/facilities/{id}/history': () => ({ id: fx.facility.id, scoped: true }),
  'PUT /api/v1/facilities/{id}': () => ({
    id: fx.facility.id,
    body: writable(fx.facility),
    scoped: true,
  }),
  'GET /api/v1/projects': () => ({}),
  'POST /api/v1/projects': () => ({ body: {} }),
  'GET /api/v1/projects/export': () => ({ path: '/api/v1/projects/export?year=2019' }),
  'GET /api/v1/projects/stats': () => ({}),
  'GET /api/v1/projects/{id}': () => ({ id: fx.project.id, scoped: true }),
  'PUT /api/v1/projects/{id}': () => ({
    id: fx.project.id,
    body: writable(fx.project),
    scoped: true,
  }),
  'POST /api/v1/projects/{id}/cancel': () => ({
    id: fx.project.id,
    body: { version: 99999 },
    scoped: true,
  }),
  'GET /api/v1/projects/{id}/history': () => ({ id: fx.project.id, scoped: true }),
  'POST /api/v1/projects/{id}/transitions': () => ({
    id: fx.project.id,
    body: { action: 'withdraw', version: 99999 },
    scoped: true,
  }),
  'GET /api/v1/projects/{id}/checks': () => ({ id: fx.project.id, scoped: true }),
  'GET /api/v1/rounds': () => ({}),
  'POST /api/v1/rounds': () => ({ body: {} }),
  'GET /api/v1/rounds/{id}': () => ({ id: fx.round.id }),
  'PUT /api/v1/rounds/{id}': () => ({ id: fx.round.id, body: {} }),
  'GET /api/v1/rounds/{id}/councils': () => ({ id: fx.round.id }),
  'POST /api/v1/rounds/{id}/councils': () => ({ id: fx.round.id, body: {} }),
  'GET /api/v1/councils/{id}/ranking': () => ({ id: fx.council.id }),
  'GET /api/v1/councils/{id}/ranking/export': () => ({
    path: `/api/v1/councils/${fx.council.id}/ranking/export?format=csv`,
  }),
  'GET /api/v1/councils/{id}/members/{user}/sheets': () => ({
    path: `/api/v1/councils/${fx.council.id}/members/${fx.council.members[0].user_id}/sheets`,
  }),
  'GET /api/v1/councils/{id}/minutes': () => ({
    path: `/api/v1/councils/${fx.council.id}/minutes?format=docx`,
  }),
  'POST /api/v1/councils/{id}/assignments': () => ({ id: fx.council.id, body: {} }),
  'POST /api/v1/councils/{id}/conclusions': () => ({ id: fx.council.id, body: {} }),
  'POST /api/v1/councils/{id}/round-conclusion': () => ({ id: fx.council.id, body: {} }),
  'GET /api/v1/councils/{id}/round-conclusion': () => ({ id: fx.council.id }),
  'GET /api/v1/rounds/{id}/registration-report': () => ({
    path: `/api/v1/rounds/${fx.round.id}/registration-report?province=01`,
  }),
  'GET /api/v1/councils/{id}/sheets/{project}': () => ({ path: fx.sheet }),
  'PUT /api/v1/councils/{id}/sheets/{project}': () => ({ path: fx.sheet, body: {} }),
  'POST /api/v1/councils/{id}/sheets/{project}/conflict': () => ({
    path: `${fx.sheet}/conflict`,
    body: {},
  }),
  'POST /api/v1/session': () => ({ body: { login: 'ministry', password: 'demo' } }),
  'GET /api/v1/session': () => ({}),
  'DELETE /api/v1/session': () => ({ fresh: true }),
  'PUT /api/v1/session/password': () => ({
    body: { current_password: 'not-the-password', new_password: 'long-enough-password' },
  }),
  'GET /api/v1/users': () => ({}),
  'POST /api/v1/users': () => ({ body: {} }),
  'PUT /api/v1/users/{id}': () => ({ id: fx.user.id, body: {} }),
  'POST /api/v1/users/{id}/password': () => ({ id: fx.user.id, body: { password: 'short' } }),
  'GET /api/v1/audit': () => ({}),
  'POST /api/v1/jobs': () => ({
    body: { kind: 'export_projects', format: 'csv', filters: { year: 2019, province: '01' } },
  }),
  'GET /api/v1/jobs/{id}': () => ({ path: '/api/v1/jobs/not-a-job' }),
  'GET /api/v1/jobs/{id}/file': () => ({ path: '/api/v1/jobs/not-a-job/file' }),
  'POST /api/v1/plans/solve': () => ({ body: {} }),
  'POST /api/v1/plans/model': () => ({ body: {} }),
  'GET /api/v1/plans/scenarios': () => ({}),
  'POST /api/v1/plans/scenarios': () => ({ body: {} }),
  'GET /api/v1/plans/scenarios/{id}': () => ({ path: '/api/v1/plans/scenarios/999999' }),
  'PUT /api/v1/plans/scenarios/{id}': () => ({ path: '/api/v1/plans/scenarios/999999', body: {} }),
  'GET /api/v1/plans/compare': () => ({ path: '/api/v1/plans/compare?ids=999998,999999' }),
  'GET /api/v1/projects/{id}/plan': () => ({ id: fx.project.id, scoped: true }),
  'POST /api/v1/plans/decisions': () => ({ body: {} }),
  'POST /api/v1/plans/adjustments': () => ({ body: {} }),
  'POST /api/v1/projects/{id}/split': () => ({ id: fx.project.id, scoped: true, body: {} }),
  'POST /api/v1/projects/{id}/attachments': () => ({ id: fx.project.id, scoped: true, body: {} }),
  'GET /api/v1/reports/annual': () => ({ path: '/api/v1/reports/annual?year=2018' }),
  'GET /api/v1/open-data': () => ({ path: '/api/v1/open-data?year=2018' }),
  'GET /api/v1/reports/period': () => ({ path: '/api/v1/reports/period?period=KCQG-2016-2020' }),
  'GET /api/v1/reports/province': () => ({
    path: '/api/v1/reports/province?province=01',
    scoped: true,
  }),
  'GET /api/v1/projects/{id}/dossier': () => ({ id: fx.project.id, scoped: true }),
  'PUT /api/v1/projects/{id}/dossier': () => ({ id: fx.project.id, scoped: true, body: {} }),
  'GET /api/v1/projects/{id}/attachments': () => ({ id: fx.project.id, scoped: true }),
  'GET /api/v1/projects/{id}/sheet': () => ({ id: fx.project.id, scoped: true }),
  'GET /api/v1/projects/{id}/attachments/{file}': () => ({
    path: `/api/v1/projects/${fx.project.id}/attachments/999999`,
  }),
  'DELETE /api/v1/projects/{id}/attachments/{file}': () => ({
    path: `/api/v1/projects/${fx.project.id}/attachments/999999`,
  }),
  'GET /api/v1/plans/decisions/{id}/appendix': () => ({
    path: '/api/v1/plans/decisions/1/appendix',
  }),
  'GET /api/v1/plans/decisions/{id}/document': () => ({
    path: '/api/v1/plans/decisions/1/document',
  }),
  'GET /api/v1/plans/rollup': () => ({ path: '/api/v1/plans/rollup?from=2018&to=2019' }),
  'GET /api/v1/plans/decisions': () => ({ path: '/api/v1/plans/decisions?program=KCQG-2019' }),
  'GET /api/v1/contracts': () => ({}),
  'POST /api/v1/contracts': () => ({ body: {} }),
  'GET /api/v1/contracts/{id}': () => ({ id: fx.contract.id, scoped: true }),
  'GET /api/v1/contracts/{id}/document': () => ({ id: fx.contract.id, scoped: true }),
  'GET /api/v1/contracts/{id}/acceptance-minutes': () => ({ id: fx.contract.id, scoped: true }),
  'GET /api/v1/contracts/{id}/settlement-minutes': () => ({ id: fx.contract.id, scoped: true }),
  'POST /api/v1/contracts/{id}/sign': () => ({ id: fx.contract.id, scoped: true, body: {} }),
  'POST /api/v1/contracts/{id}/terminate': () => ({ id: fx.contract.id, scoped: true, body: {} }),
  'POST /api/v1/contracts/{id}/changes': () => ({ id: fx.contract.id, scoped: true, body: {} }),
  'POST /api/v1/contracts/{id}/officer': () => ({ id: fx.contract.id, scoped: true, body: {} }),
  'POST /api/v1/contracts/{id}/visits': () => ({ id: fx.contract.id, scoped: true, body: {} }),
  'POST /api/v1/contracts/{id}/settle': () => ({ id: fx.contract.id, scoped: true, body: {} }),
  'POST /api/v1/plans/decisions/{id}/contracts': () => ({
    path: '/api/v1/plans/decisions/999999/contracts',
  }),
  'GET /api/v1/payments': () => ({}),
  'POST /api/v1/payments': () => ({ body: {} }),
  'GET /api/v1/progress-reports': () => ({}),
  'POST /api/v1/progress-reports': () => ({ body: {} }),
  'GET /api/v1/acceptances': () => ({}),
  'POST /api/v1/acceptances': () => ({ body: {} }),
  'GET /api/v1/projects/{id}/execution': () => ({ id: fx.project.id, scoped: true }),
  'GET /api/v1/completion': () => ({}),
  'GET /api/v1/facilities/{id}/support': () => ({ id: fx.facility.id, scoped: true }),
  'GET /api/v1/attention': () => ({}),
  'GET /api/v1/fairs': () => ({}),
  'POST /api/v1/fairs': () => ({ body: {} }),
  'GET /api/v1/fairs/{id}': () => ({ id: fx.fair.id }),
  'PUT /api/v1/fairs/{id}': () => ({ id: fx.fair.id, body: writable(fx.fair), scoped: true }),
  'POST /api/v1/fairs/{id}/booths': () => ({ id: fx.fair.id, body: {} }),
  'GET /api/v1/clusters': () => ({}),
  'POST /api/v1/clusters': () => ({ body: {} }),
  'GET /api/v1/clusters/{id}': () => ({ id: fx.cluster.id }),
  'PUT /api/v1/clusters/{id}': () => ({
    id: fx.cluster.id,
    body: writable(fx.cluster),
    scoped: true,
  }),
  'GET /api/v1/cluster-reports': () => ({}),
  'POST /api/v1/cluster-reports': () => ({ body: {} }),
  'GET /api/v1/cluster-reports/summary': () => ({
    path: '/api/v1/cluster-reports/summary?year=2026&kind=half',
  }),
  'POST /api/v1/cluster-reports/compile': () => ({ body: {} }),
  'GET /api/v1/cluster-reports/{id}': () => ({ id: fx.clusterReport.id }),
  'PUT /api/v1/cluster-reports/{id}': () => ({
    id: fx.clusterReport.id,
    body: writable(fx.clusterReport),
    scoped: true,
  }),
  'GET /api/v1/chains': () => ({}),
  'POST /api/v1/chains': () => ({ body: {} }),
  'GET /api/v1/chains/{id}': () => ({ id: fx.chain.id }),
  'PUT /api/v1/chains/{id}': () => ({ id: fx.chain.id, body: writable(fx.chain), scoped: true }),
  'GET /api/v1/selection-rounds': () => ({}),
  'POST /api/v1/selection-rounds': () => ({ body: {} }),
  'GET /api/v1/selection-rounds/{id}': () => ({ id: fx.selection.id }),
  'POST /api/v1/selection-rounds/{id}/nominations': () => ({ id: fx.selection.id, body: {} }),
  'POST /api/v1/selection-rounds/{id}/conclude': () => ({ id: fx.selection.id, body: {} }),
  'PUT /api/v1/nominations/{id}/sheet': () => ({ id: fx.selection.nomination, body: {} }),
  'GET /api/v1/typical-products': () => ({}),
  'POST /api/v1/typical-products': () => ({ body: {} }),
  'GET /api/v1/typical-products/{id}': () => ({ id: fx.product.id }),
  'GET /api/v1/typical-products/{id}/certificate': () => ({ id: fx.product.id }),
  'GET /api/v1/verify/{code}': () => ({ path: `/api/v1/verify/${fx.product.verify_code}` }),
  'GET /api/v1/articles': () => ({}),
  'POST /api/v1/articles': () => ({ body: {} }),
  'POST /api/v1/articles/preview': () => ({ body: {} }),
  'GET /api/v1/articles/{id}': () => ({ id: fx.article.id }),
  'PUT /api/v1/articles/{id}': () => ({ id: fx.article.id, body: {} }),
  'POST /api/v1/articles/{id}/images': () => ({ id: fx.article.id, body: {} }),
  'GET /api/v1/article-images/{id}': () => ({ id: fx.image }),
  'GET /api/v1/petitions': () => ({}),
  'POST /api/v1/petitions': () => ({ body: {} }),
  'GET /api/v1/petitions/{id}': () => ({ id: fx.petition.id, scoped: true }),
  'POST /api/v1/petitions/{id}/assign': () => ({ id: fx.petition.id, body: {} }),
  'POST /api/v1/petitions/{id}/answer': () => ({ id: fx.petition.id, body: {} }),
  'GET /api/v1/notifications': () => ({}),
  'POST /api/v1/notifications/{id}/read': () => ({ id: 999999 }),
  'POST /api/v1/notifications/read': () => ({}),
  'GET /api/v1/notification-settings': () => ({}),
  'PUT /api/v1/notification-settings': () => ({ body: {} }),
  'GET /api/v1/plans/released': () => ({ path: '/api/v1/plans/released?program=KCQG-2018' }),
  'GET /api/v1/mail-outbox': () => ({}),
  'POST /api/v1/imports/projects': () => ({ body: {} }),
  'POST /api/v1/imports/organizations': () => ({ body: {} }),
  'POST /api/v1/imports/facilities': () => ({ body: {} }),
  'POST /api/v1/imports/clusters': () => ({ body: {} }),
};

function pathOf(route, sample) {
  if (sample.path) return sample.path;
  return route.pattern.replace('{id}', String(sample.id));
}

async function send(who, route, sample) {
  const path = pathOf(route, sample);
  if (who === 'anonymous') return call(s.base, route.method, path, sample.body);
  const api = sample.fresh ? await s.session(who) : sessions[who];
  return api(route.method, path, sample.body);
}

before(async () => {
  s = await startServer({ demo: true });
  for (const a of ACCOUNTS) sessions[a] = await s.session(a);
  admin = sessions.admin;
  const dept = sessions.department;
  const unitOrg = sessions['unit-1'].user.organization_id;
  const list = await dept(
    'GET',
    '/api/v1/projects?year=2019&province=01&province_set=2008&page_size=200',
  );
  const mine = list.json.items.find((p) => p.implementing_org_id === unitOrg);
  assert.ok(mine, 'the demo has a 2019 Hà Nội proposal of unit-1');
  fx = {
    project: (await dept('GET', `/api/v1/projects/${mine.id}`)).json,
    program: (await dept('GET', '/api/v1/programs?year=2019')).json.items[0],
    org: (await dept('GET', `/api/v1/organizations/${unitOrg}`)).json,
    facility: (await dept('GET', '/api/v1/facilities?province=01&page_size=1')).json.items[0],
    user: (await admin('GET', '/api/v1/users')).json.items.find((u) => u.login === 'unit-1'),
    round: (await dept('GET', '/api/v1/rounds?year=2019')).json.items[0],
    contract: (
      await dept(
        'GET',
        '/api/v1/contracts?program=KCQG-2018&province=01&province_set=2008&page_size=100',
      )
    ).json.items.find((c) => c.organization_id === unitOrg),
  };
  assert.ok(fx.contract, 'the demo has a 2018 Hà Nội contract of unit-1');
  fx.cluster = (await dept('GET', '/api/v1/clusters?page_size=100')).json.items.find(
    (c) => c.province_2025 !== '79',
  );
  fx.clusterReport = (await dept('GET', '/api/v1/cluster-reports?page_size=100')).json.items.find(
    (r) => r.province_2025 !== '79',
  );
  const chain = (await dept('GET', '/api/v1/chains?page_size=100')).json.items.find(
    (c) => c.province_2025 !== '79',
  );
  fx.chain = (await dept('GET', `/api/v1/chains/${chain.id}`)).json;
  const round = (await dept('GET', '/api/v1/selection-rounds?page_size=1')).json.items[0];
  fx.selection = {
    id: round.id,
    nomination: (await dept('GET', `/api/v1/selection-rounds/${round.id}`)).json.nominations[0].id,
  };
  fx.product = (await dept('GET', '/api/v1/typical-products?page_size=1')).json.items[0];
  fx.fair = (await dept('GET', '/api/v1/fairs?year=2018&page_size=100')).json.items.find(
    (f) => f.province_2025 !== '79',
  );
  fx.petition = (await dept('GET', '/api/v1/petitions?page_size=100')).json.items.find(
    (p) => p.province_2025 !== '79',
  );
  fx.article = (await dept('GET', '/api/v1/articles?page_size=1')).json.items[0];
  fx.image = (await dept('GET', `/api/v1/articles/${fx.article.id}`)).json.images[0].id;
  const councils = (await dept('GET', `/api/v1/rounds/${fx.round.id}/councils`)).json.items;
  fx.council = councils.find((c) => c.level === 'ministry');
  const ranked = (await dept('GET', `/api/v1/councils/${fx.council.id}/ranking`)).json.items;
  fx.sheet = `/api/v1/councils/${fx.council.id}/sheets/${ranked[0].project_id}`;
});
after(() => s.stop());

test('every route has a sample, and every sample a route', () => {
  const routes = JSON.parse(execFileSync(BIN, ['routes']).toString());
  const keys = routes.map((r) => `${r.method} ${r.pattern}`);
  for (const k of keys) assert.ok(SAMPLES[k], `route ${k} has no entry in the permission matrix`);
  for (const k of Object.keys(SAMPLES)) assert.ok(keys.includes(k), `${k} is not a route`);
});

test('each role gets exactly the routes the policy allows; refusals change nothing', async () => {
  const routes = JSON.parse(execFileSync(BIN, ['routes']).toString());
  for (const route of routes) {
    const sample = SAMPLES[`${route.method} ${route.pattern}`]();
    for (const who of ['anonymous', ...ACCOUNTS]) {
      const role = who === 'anonymous' ? 'anonymous' : (ROLE_OF[who] ?? who);
      const allowed = route.roles.includes(role);
      const top = await auditTop();
      const r = await send(who, route, sample);
      const where = `${route.method} ${route.pattern} as ${who}: ${r.status} ${r.text.slice(0, 200)}`;
      if (allowed) {
        assert.ok(![401, 403].includes(r.status), `allowed but refused: ${where}`);
      } else {
        assert.equal(r.status, who === 'anonymous' ? 401 : 403, `should be refused: ${where}`);
        assert.equal(r.headers.get('content-type'), 'application/problem+json', where);
        assert.equal(await auditTop(), top, `refused but something changed: ${where}`);
      }
    }
    if (sample.scoped && route.roles.includes('province')) {
      const top = await auditTop();
      const r = await send('province-79', route, sample);
      assert.equal(
        r.status,
        404,
        `${route.method} ${route.pattern} as another province: ${r.text}`,
      );
      assert.equal(await auditTop(), top);
    }
  }
});

test('lists show a province user only its own province, a unit only its own projects', async () => {
  const old = (await call(s.base, 'GET', '/api/v1/reference/provinces-2008')).json.items;
  const to2025 = Object.fromEntries(old.map((p) => [p.code, p.code_2025]));
  for (const who of ['province-01', 'province-79']) {
    const code = who.slice(-2);
    const r = await sessions[who]('GET', '/api/v1/projects?page_size=200');
    assert.ok(r.json.total > 0, who);
    for (const p of r.json.items)
      assert.ok(
        p.provinces.some((x) => (x.set === '2008' ? to2025[x.code] : x.code) === code),
        `${who}: ${p.code}`,
      );
    const all = await sessions.department('GET', '/api/v1/projects?page_size=1');
    assert.ok(r.json.total < all.json.total);
  }
  const unit = await sessions['unit-1']('GET', '/api/v1/projects?page_size=200');
  assert.ok(unit.json.total > 0);
  for (const p of unit.json.items)
    assert.equal(p.implementing_org_id, sessions['unit-1'].user.organization_id);
  const appraiser = await sessions.appraiser1('GET', '/api/v1/projects?page_size=1');
  const all = await sessions.department('GET', '/api/v1/projects?page_size=1');
  assert.ok(appraiser.json.total > 0 && appraiser.json.total < all.json.total, 'assigned only');
});

test('a province user cannot move a proposal to another province or set its status', async () => {
  const api = sessions['province-01'];
  const fromDemo = (await api('GET', `/api/v1/projects/${fx.project.id}`)).json;
  const copy = { ...writable(fromDemo), code: `${fromDemo.code}-DRAFT`, status: 'draft' };
  delete copy.version;
  const created = await api('POST', '/api/v1/projects', copy);
  assert.equal(created.status, 201, created.text);
  const p = created.json;
  const top = await auditTop();
  const moved = await api('PUT', `/api/v1/projects/${p.id}`, {
    ...writable(p),
    provinces: [{ set: '2008', code: '79' }],
  });
  assert.equal(moved.status, 422);
  const approved = await api('PUT', `/api/v1/projects/${p.id}`, {
    ...writable(p),
    status: 'approved',
  });
  assert.equal(approved.status, 422);
  assert.equal(await auditTop(), top);
});
