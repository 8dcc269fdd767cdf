// The built UI's files: each text asset goes out as the smallest twin the client accepts
// (brotli, then gzip, written by web/scripts/compress.mjs), else as itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startServer } from './server.mjs';

const script = 'export const words = [' + '"khuyến công", '.repeat(400) + '];\n';
let dir;
let s;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kc-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  const file = join(dir, 'assets', 'app.js');
  writeFileSync(file, script);
  writeFileSync(`${file}.gz`, gzipSync(script));
  writeFileSync(`${file}.br`, brotliCompressSync(script));
  s = await startServer({ web: dir });
});
after(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// GET with an Accept-Encoding; the raw bytes and the coding they came in.
function get(path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    const req = request({ host: '127.0.0.1', port: s.port, path, headers }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          coding: res.headers['content-encoding'],
          vary: res.headers.vary,
          body: Buffer.concat(parts),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('a script goes out as brotli, gzip or itself, whichever the client takes', async () => {
  const br = await get('/app/assets/app.js', 'gzip, deflate, br, zstd');
  assert.equal(br.status, 200);
  assert.equal(br.coding, 'br');
  assert.equal(br.vary, 'Accept-Encoding');
  assert.equal(brotliDecompressSync(br.body).toString(), script);

  const gz = await get('/app/assets/app.js', 'gzip, br;q=0');
  assert.equal(gz.coding, 'gzip');
  assert.equal(gunzipSync(gz.body).toString(), script);

  const plain = await get('/app/assets/app.js', 'identity');
  assert.equal(plain.coding, undefined);
  assert.equal(plain.body.toString(), script);
  assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length);
});

test('a file without twins goes out as itself to a client that takes brotli', async () => {
  const r = await get('/app/', 'br');
  assert.equal(r.status, 200);
  assert.equal(r.coding, undefined);
  assert.match(r.body.toString(), /<title>x<\/title>/);
});
