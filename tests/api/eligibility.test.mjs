// The beneficiary's place under the rules of the proposal's date: a ward of a centrally-run
// city blocks a submission under NĐ 235/2025 unless the facility is in a recognised craft
// village; under NĐ 45/2012 a ward is a warning to verify. Each names its rule and source.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let s, dept, org;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  org = (await dept('GET', '/api/v1/organizations?province=01&page_size=1')).json.items[0];
});
after(() => s.stop());

async function facility(name, commune, craft_village = false) {
  const r = await dept('POST', '/api/v1/facilities', {
    name,
    kind: 'household_business',
    province: { set: '2025', code: '01' },
    commune,
    craft_village,
  });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

async function program(year) {
  const found = (await dept('GET', `/api/v1/programs?year=${year}`)).json.items.find(
    (p) => p.level === 'KCQG',
  );
  if (found) return found.id;
  const r = await dept('POST', '/api/v1/programs', {
    code: `KCQG-${year}-CS`,
    level: 'KCQG',
    year,
    name: `Thử ${year}`,
    budget_vnd: 1e9,
  });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

async function checksFor(code, year, content, beneficiary) {
  const created = await dept('POST', '/api/v1/projects', {
    code,
    title: 'Hỗ trợ máy móc cho cơ sở',
    year,
    program_id: await program(year),
    content_code: content,
    provinces: [{ set: '2025', code: '01' }],
    implementing_org_id: org.id,
    beneficiary_ids: [beneficiary],
    requested_vnd: 100_000_000,
    counterpart_vnd: 100_000_000,
    start: `${year}-03-01`,
    end: `${year}-10-30`,
  });
  assert.equal(created.status, 201, created.text);
  return (await dept('GET', `/api/v1/projects/${created.json.id}/checks`)).json.items.filter(
    (c) => c.rule === 'rural_ward_rule',
  );
}

test('a ward of a centrally-run city blocks under NĐ 235 unless in a craft village', async () => {
  const ward = await facility('Cơ sở may Kim Liên', 'Phường Kim Liên');
  const village = await facility('Cơ sở gốm Bát Tràng', 'Phường Bát Tràng', true);
  const commune = await facility('Cơ sở mây tre Phú Vinh', 'Xã Phú Nghĩa');
  const [blocked] = await checksFor('CS-2026-01', 2026, 'ND235-03', ward);
  assert.ok(blocked, 'a ward of Hà Nội is named');
  assert.equal(blocked.level, 'block');
  assert.match(blocked.legal_basis, /NĐ 235\/2025/);
  assert.equal(blocked.params.commune, 'Phường Kim Liên');
  assert.deepEqual(await checksFor('CS-2026-02', 2026, 'ND235-03', village), []);
  assert.deepEqual(await checksFor('CS-2026-03', 2026, 'ND235-03', commune), []);
});

test('under NĐ 45 a ward is a warning to verify', async () => {
  const ward = await facility('Cơ sở in Hàng Bông', 'Phường Hàng Bông');
  const [warned] = await checksFor('CS-2020-01', 2020, 'ND45-03', ward);
  assert.ok(warned);
  assert.equal(warned.level, 'warning');
  assert.match(warned.legal_basis, /NĐ 45\/2012/);
});
