// A proposal's written dossier through the API: texts, milestones and itemized costs written
// whole; the project's amounts become the items' sums (and a typed amount that disagrees is
// refused); the bad inputs each named and nothing changed; the checks ask for what is missing;
// the history keeps the write; the same scope and status rules as editing the project.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldsOf, startServer } from './server.mjs';

let s, dept, prov, other, reader, draft;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  prov = await s.session('province-01');
  other = await s.session('province-79');
  reader = await s.session('ministry');
  // A province's own draft of 2019, copied from one of its proposals.
  const mine = (await prov('GET', '/api/v1/projects?year=2019&page_size=1')).json.items[0];
  const p = (await prov('GET', `/api/v1/projects/${mine.id}`)).json;
  const body = { ...p, code: `${p.code}-HS`, status: 'draft', start: '2019-03-01' };
  body.end = '2019-11-30';
  for (const k of ['id', 'version', 'created_at', 'updated_at', 'may_edit', 'actions', 'score'])
    delete body[k];
  delete body.amounts_from_dossier;
  const created = await prov('POST', '/api/v1/projects', body);
  assert.equal(created.status, 201, created.text);
  draft = created.json;
});
after(() => s.stop());

const url = () => `/api/v1/projects/${draft.id}/dossier`;
const fresh = async () => (await prov('GET', `/api/v1/projects/${draft.id}`)).json;

const items = [
  {
    category: 'equipment',
    description: 'Máy ép viên',
    program_vnd: 300_000_000,
    counterpart_vnd: 450_000_000,
  },
  {
    category: 'training',
    description: 'Tập huấn vận hành',
    program_vnd: 45_500_000,
    counterpart_vnd: 0,
  },
  {
    category: 'organization',
    description: 'Hội nghị đầu bờ',
    program_vnd: 20_000_000,
    counterpart_vnd: 5_000_000,
  },
];

test('an empty dossier until written; its checks say what is missing', async () => {
  const d = await prov('GET', url());
  assert.equal(d.status, 200, d.text);
  assert.deepEqual([d.json.cost_items, d.json.milestones, d.json.updated_at], [[], [], null]);
  assert.equal(d.json.amounts_from_items, false);
  const checks = (await prov('GET', `/api/v1/projects/${draft.id}/checks`)).json.items;
  const c = checks.find((x) => x.rule === 'dossier_complete_block');
  assert.ok(c, JSON.stringify(checks));
  assert.equal(c.level, 'warning');
  assert.equal(c.params.missing, 'objectives, milestones, cost_items');
});

test('itemized costs set the project amounts to their sums; typed amounts that disagree are refused', async () => {
  const before = await fresh();
  const r = await prov('PUT', url(), {
    version: before.version,
    objectives: 'Nâng cao năng suất ép viên nén cho cơ sở',
    need: 'Cơ sở đang ép thủ công',
    milestones: [
      { date: '2019-09-30', description: 'Nghiệm thu mô hình' },
      { date: '2019-04-15', description: 'Lắp đặt máy' },
    ],
    cost_items: items,
    reason: 'Bổ sung thuyết minh',
  });
  assert.equal(r.status, 200, r.text);
  const program = items.reduce((a, i) => a + i.program_vnd, 0);
  const counterpart = items.reduce((a, i) => a + i.counterpart_vnd, 0);
  assert.deepEqual(r.json.totals, {
    program_vnd: program,
    counterpart_vnd: counterpart,
    total_vnd: program + counterpart,
  });
  assert.deepEqual(
    r.json.milestones.map((m) => m.date),
    ['2019-04-15', '2019-09-30'],
    'in date order',
  );
  const after = await fresh();
  assert.deepEqual(
    [after.requested_vnd, after.counterpart_vnd, after.total_vnd, after.amounts_from_dossier],
    [program, counterpart, program + counterpart, true],
  );
  assert.equal(after.version, before.version + 1);
  assert.equal(r.json.project_version, after.version);
  // The record's own edit may not type other amounts.
  const body = { ...after, requested_vnd: program + 1, total_vnd: program + 1 + counterpart };
  const refused = await prov('PUT', `/api/v1/projects/${draft.id}`, body);
  assert.equal(refused.status, 422, refused.text);
  const e = refused.json.errors.find((x) => x.field === 'requested_vnd');
  assert.deepEqual([e.code, e.params.sum], ['cost_items_sum', String(program)]);
  // With the sums it is an ordinary edit.
  const ok = await prov('PUT', `/api/v1/projects/${draft.id}`, {
    ...after,
    title: `${after.title} (sửa)`,
  });
  assert.equal(ok.status, 200, ok.text);
  const checks = (await prov('GET', `/api/v1/projects/${draft.id}/checks`)).json.items;
  assert.ok(!checks.some((x) => x.rule === 'dossier_complete_block'), JSON.stringify(checks));
  const history = (await prov('GET', `/api/v1/projects/${draft.id}/history`)).json;
  const rows = history.items ?? history;
  const row = rows.find((h) => h.action === 'dossier');
  assert.ok(row, JSON.stringify(rows).slice(0, 500));
  assert.equal(row.reason, 'Bổ sung thuyết minh');
});

test('bad dossiers are refused with the field named, and nothing changes', async () => {
  const before = await fresh();
  const stored = (await prov('GET', url())).json;
  const cases = [
    [
      { milestones: [{ date: '2020-01-10', description: 'Sau kết thúc' }] },
      'milestones/0/date',
      'outside_period',
    ],
    [{ milestones: [{ date: '31/02/2019', description: 'Ngày sai' }] }, 'milestones/0/date', null],
    [{ cost_items: [{ ...items[0], category: 'travel' }] }, 'cost_items/0/category', 'one_of'],
    [{ cost_items: [{ ...items[0], program_vnd: -5 }] }, 'cost_items/0/program_vnd', 'negative'],
    [{ cost_items: [{ ...items[0], program_vnd: 12.5 }] }, 'cost_items/0/program_vnd', null],
    [{ cost_items: [{ ...items[0], description: '  ' }] }, 'cost_items/0/description', 'not_empty'],
    [{ cost_items: [{ ...items[0], color: 'đỏ' }] }, 'cost_items/0/color', 'unknown_field'],
    [
      {
        cost_items: [
          { ...items[0], program_vnd: 5e18 },
          { ...items[0], program_vnd: 5e18 },
        ],
      },
      'cost_items',
      null,
    ],
  ];
  for (const [change, field, code] of cases) {
    const r = await prov('PUT', url(), { version: before.version, ...change });
    assert.equal(r.status, 422, `${field}: ${r.text}`);
    assert.ok(fieldsOf(r.json).includes(field), `${field}: ${r.text}`);
    if (code) assert.equal(r.json.errors.find((x) => x.field === field).code, code);
  }
  // Sums above the system's amount ceiling are the project's own 422, on its amounts.
  const huge = await prov('PUT', url(), {
    version: before.version,
    cost_items: [
      { ...items[0], program_vnd: 6e12 },
      { ...items[1], program_vnd: 6e12 },
    ],
  });
  assert.equal(huge.status, 422, huge.text);
  assert.equal(huge.json.errors.find((x) => x.field === 'requested_vnd').code, 'above_ceiling');
  // A stale version is a conflict.
  const stale = await prov('PUT', url(), { version: before.version - 1, cost_items: items });
  assert.equal(stale.status, 409, stale.text);
  assert.deepEqual((await prov('GET', url())).json, stored);
  assert.equal((await fresh()).version, before.version);
});

test('the scope and status rules of the project hold for its dossier', async () => {
  const p = await fresh();
  assert.equal((await other('GET', url())).status, 404);
  assert.equal((await other('PUT', url(), { version: p.version })).status, 404);
  assert.equal((await reader('GET', url())).status, 200);
  assert.equal((await reader('PUT', url(), { version: p.version })).status, 403);
  // A passed proposal: the province may no longer change it; the department may.
  const passed = (await prov('GET', '/api/v1/projects?year=2019&status=passed&page_size=1')).json
    .items[0];
  const pv = (await prov('GET', `/api/v1/projects/${passed.id}`)).json;
  const body = {
    version: pv.version,
    cost_items: [
      { ...items[1], program_vnd: pv.requested_vnd, counterpart_vnd: pv.counterpart_vnd },
    ],
  };
  const refused = await prov('PUT', `/api/v1/projects/${passed.id}/dossier`, body);
  assert.equal(refused.status, 409, refused.text);
  assert.equal(refused.json.code, 'past_registration');
  const done = await dept('PUT', `/api/v1/projects/${passed.id}/dossier`, body);
  assert.equal(done.status, 200, done.text);
  const after = (await dept('GET', `/api/v1/projects/${passed.id}`)).json;
  assert.deepEqual(
    [after.requested_vnd, after.counterpart_vnd],
    [pv.requested_vnd, pv.counterpart_vnd],
  );
});

test('a model above the support ceiling is a blocking check naming the rule, its source and the ceiling', async () => {
  const p = await fresh();
  const model = {
    ...p,
    content_code: 'ND45-03',
    outputs: [{ indicator: 'demo_model', quantity: 1 }],
  };
  const moved = await prov('PUT', `/api/v1/projects/${draft.id}`, model);
  assert.equal(moved.status, 200, moved.text);
  // 1.2 billion of program funds in a 3 billion model: 30 % of the cost (900 million) is less
  // than the 1 billion per model of TT 28/2018, so 900 million is the ceiling.
  const cost = [
    {
      category: 'equipment',
      description: 'Dây chuyền',
      program_vnd: 1_200_000_000,
      counterpart_vnd: 1_800_000_000,
    },
  ];
  const r = await prov('PUT', url(), { version: moved.json.version, cost_items: cost });
  assert.equal(r.status, 200, r.text);
  const checks = (await prov('GET', `/api/v1/projects/${draft.id}/checks`)).json.items;
  const c = checks.find((x) => x.rule === 'support_ceiling.demo_model');
  assert.ok(c, JSON.stringify(checks));
  assert.deepEqual(
    [c.level, c.params.ceiling, c.params.requested],
    ['block', '900000000', '1200000000'],
  );
  assert.match(c.legal_basis, /TT 28\/2018/);
  // Two models double the amount part of the ceiling, not the share: still 900 million.
  const two = await prov('PUT', `/api/v1/projects/${draft.id}`, {
    ...(await fresh()),
    outputs: [{ indicator: 'demo_model', quantity: 2 }],
  });
  assert.equal(two.status, 200, two.text);
  const again = (await prov('GET', `/api/v1/projects/${draft.id}/checks`)).json.items;
  assert.equal(
    again.find((x) => x.rule === 'support_ceiling.demo_model').params.ceiling,
    '900000000',
  );
  // Within the ceiling, the check is gone.
  const within = await prov('PUT', url(), {
    version: two.json.version,
    cost_items: [{ ...cost[0], program_vnd: 900_000_000, counterpart_vnd: 2_100_000_000 }],
  });
  assert.equal(within.status, 200, within.text);
  const none = (await prov('GET', `/api/v1/projects/${draft.id}/checks`)).json.items;
  assert.ok(!none.some((x) => x.rule.startsWith('support_ceiling')), JSON.stringify(none));
});

test('a submission above the ceiling is refused (409 eligibility_block) and changes nothing', async () => {
  const days = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  const program = await dept('POST', '/api/v1/programs', {
    code: 'KCQG-2020-HS',
    level: 'KCQG',
    year: 2020,
    name: 'Thử hồ sơ',
    budget_vnd: 1e9,
  });
  assert.equal(program.status, 201, program.text);
  const round = await dept('POST', '/api/v1/rounds', {
    program_id: program.json.id,
    year: 2020,
    opens_on: days(-5),
    closes_on: days(5),
    forward_by: days(15),
  });
  assert.equal(round.status, 201, round.text);
  const p = await fresh();
  const body = { ...p, code: `${p.code}-2020`, program_id: program.json.id, year: 2020 };
  Object.assign(body, {
    start: '2020-03-01',
    end: '2020-11-30',
    requested_vnd: 1,
    counterpart_vnd: 0,
    total_vnd: 1,
  });
  for (const k of [
    'id',
    'version',
    'created_at',
    'updated_at',
    'may_edit',
    'actions',
    'score',
    'amounts_from_dossier',
  ])
    delete body[k];
  const created = await prov('POST', '/api/v1/projects', body);
  assert.equal(created.status, 201, created.text);
  const cost = [
    {
      category: 'equipment',
      description: 'Dây chuyền',
      program_vnd: 1_500_000_000,
      counterpart_vnd: 1_500_000_000,
    },
  ];
  const dossier = await prov('PUT', `/api/v1/projects/${created.json.id}/dossier`, {
    version: created.json.version,
    cost_items: cost,
  });
  assert.equal(dossier.status, 200, dossier.text);
  const submit = await prov('POST', `/api/v1/projects/${created.json.id}/transitions`, {
    action: 'submit',
    version: dossier.json.project_version,
  });
  assert.equal(submit.status, 409, submit.text);
  assert.equal(submit.json.code, 'eligibility_block');
  assert.match(submit.json.detail, /support_ceiling\.demo_model/);
  const after = (await prov('GET', `/api/v1/projects/${created.json.id}`)).json;
  assert.deepEqual([after.status, after.version], ['draft', dossier.json.project_version]);
});
