// A proposal's dossier attachments through the API: each accepted type sniffed from its bytes,
// the same bytes stored once, downloads byte for byte, the refusals (an executable named .pdf,
// a file above the dated limit, a body above the server's cap, a reader's upload, another
// province), removal, and the files travelling with a backup.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, fieldsOf, startServer } from './server.mjs';

let s, dept, project, dir;
before(async () => {
  s = await startServer({ demo: true });
  dept = await s.session('department');
  dir = mkdtempSync(join(tmpdir(), 'kc-attach-'));
  // A passed proposal of Hà Nội: the department may still complete its dossier.
  project = (await dept('GET', '/api/v1/projects?program=KCQG-2019&status=passed&province=01')).json
    .items[0];
});
after(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(api, name, bytes, id = project.id) {
  const r = await fetch(
    `${s.base}/api/v1/projects/${id}/attachments?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: {
        Cookie: api.cookie,
        'X-CSRF-Token': api.csrf,
        'Content-Type': 'application/octet-stream',
      },
      body: bytes,
    },
  );
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

async function download(api, id, file = project.id) {
  const r = await fetch(`${s.base}/api/v1/projects/${file}/attachments/${id}`, {
    headers: { Cookie: api.cookie },
  });
  return { status: r.status, type: r.headers.get('content-type'), bytes: await r.arrayBuffer() };
}

// Files of the system's own making, of each accepted kind.
async function samples() {
  const decision = (await dept('GET', '/api/v1/plans/decisions?program=KCQG-2018')).json.items[0];
  const fetchBytes = async (path) =>
    Buffer.from(
      await (await fetch(`${s.base}${path}`, { headers: { Cookie: dept.cookie } })).arrayBuffer(),
    );
  return {
    pdf: await fetchBytes(`/api/v1/plans/decisions/${decision.id}/document`),
    docx: await fetchBytes(`/api/v1/plans/decisions/${decision.id}/document?format=docx`),
    xlsx: await fetchBytes(`/api/v1/plans/decisions/${decision.id}/appendix`),
    png: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]),
    jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]),
  };
}

const storedFiles = () =>
  existsSync(s.files)
    ? readdirSync(s.files, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(f))
    : [];

test('each accepted kind is sniffed from its bytes, stored once and read back intact', async () => {
  // The demo's own stored files (the bulletin's photos) are there already.
  const before = storedFiles().length;
  const files = await samples();
  const ids = {};
  for (const [kind, bytes] of Object.entries(files)) {
    // The name says nothing: the bytes decide.
    const r = await upload(dept, `Hồ sơ ${kind}.bin`, bytes);
    assert.equal(r.status, 201, JSON.stringify(r.json));
    assert.equal(r.json.kind, kind);
    assert.equal(r.json.size_bytes, bytes.length);
    ids[kind] = r.json.id;
  }
  const pdf = await download(dept, ids.pdf);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.ok(Buffer.from(pdf.bytes).equals(files.pdf));
  // The same bytes under another name: a second record, one stored file.
  const again = await upload(dept, 'Bản sao.pdf', files.pdf);
  assert.equal(again.status, 201);
  const list = (await dept('GET', `/api/v1/projects/${project.id}/attachments`)).json.items;
  assert.equal(list.length, 6);
  const shas = new Set(list.map((a) => a.sha256));
  assert.equal(shas.size, 5);
  assert.equal(storedFiles().length, before + 5);
  // Removed from the dossier: gone from the list, the history says who and when.
  const gone = await dept('DELETE', `/api/v1/projects/${project.id}/attachments/${again.json.id}`);
  assert.equal(gone.status, 204);
  assert.equal((await download(dept, again.json.id)).status, 404);
  const history = (await dept('GET', `/api/v1/projects/${project.id}/history`)).json.items;
  assert.deepEqual(
    ['attach', 'detach'].map((a) => history.some((h) => h.action === a)),
    [true, true],
  );
  // A backup carries the files beside it.
  const backup = join(dir, 'backup.db');
  execFileSync(BIN, ['backup', '--db', s.db, '--to', backup], {
    env: { ...process.env, KC_FILES: s.files },
    stdio: 'pipe',
  });
  const sha = list[0].sha256;
  assert.ok(existsSync(join(`${backup}.files`, sha.slice(0, 2), sha)));
  assert.ok(readFileSync(join(`${backup}.files`, sha.slice(0, 2), sha)).length > 0);
});

test('an executable named .pdf, a file above the limit or the cap, a reader: refused', async () => {
  const before = (await dept('GET', `/api/v1/projects/${project.id}/attachments`)).json.total;
  const exe = readFileSync(BIN).subarray(0, 4096);
  const renamed = await upload(dept, 'de-an.pdf', exe);
  assert.equal(renamed.status, 422);
  assert.deepEqual(fieldsOf(renamed.json), ['file']);
  const limit = (await dept('GET', '/api/v1/reference/rules')).json.items.find(
    (r) => r.rule_key === 'attachment_max_bytes',
  );
  const max = Number(limit.value_text);
  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(max)]);
  const tooLarge = await upload(dept, 'lon.pdf', big);
  assert.equal(tooLarge.status, 422);
  assert.equal(tooLarge.json.errors[0].code, 'too_large');
  assert.equal(tooLarge.json.errors[0].params.max, String(max));
  // Above the server's cap the body is not even read.
  const huge = await upload(dept, 'qua-lon.pdf', Buffer.alloc(40 << 20));
  assert.equal(huge.status, 413);
  const ministry = await s.session('ministry');
  assert.equal((await upload(ministry, 'a.pdf', Buffer.from('%PDF-1.4'))).status, 403);
  const other = await s.session('province-79');
  assert.equal((await upload(other, 'a.pdf', Buffer.from('%PDF-1.4'))).status, 404);
  assert.equal((await other('GET', `/api/v1/projects/${project.id}/attachments`)).status, 404);
  const after = (await dept('GET', `/api/v1/projects/${project.id}/attachments`)).json.total;
  assert.equal(after, before);
});
