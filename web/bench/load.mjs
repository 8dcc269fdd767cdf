// make bench-web (web/bench/load.mjs): what an official waits for when opening the UI, in
// Debian's Chromium on loopback (release build, demo data). Each page is opened with an empty cache (a fresh
// profile) and again with a warm cache (the reference, same run): time to content, and the
// JavaScript and CSS bytes that crossed the wire (gzip when the server sends it).
//   login   : the address of the app, until the login form shows
//   projects: after logging in, /projects, until the first row of the register shows
// Output: a table on standard output and bench/results/web-DATE.json (not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../e2e/browser.mjs';
import { startServer } from '../../tests/api/server.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const here = (p) => new URL(p, import.meta.url).pathname;
const server = await startServer({ demo: true, web: here('../dist') });

const browser = () => launch({ width: 1366, height: 768 });

// Opens `path` and waits for `ready`; returns ms and the script/style bytes transferred.
async function visit(page, path, ready) {
  const start = Date.now();
  await page.goto(server.base + '/app' + path);
  await page.locator(ready).first().waitFor();
  const ms = Date.now() - start;
  const bytes = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (e) =>
          e.initiatorType === 'script' || e.initiatorType === 'link' || /\.(js|css)$/.test(e.name),
      )
      .reduce((n, e) => n + e.transferSize, 0),
  );
  return { ms, bytes };
}

async function login(page) {
  await page.getByLabel('Tên đăng nhập').fill('department');
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = {
  login: { cold: [], warm: [], bytes: [] },
  projects: { cold: [], warm: [], bytes: [] },
};
for (let i = 0; i < ROUNDS; i++) {
  const b = await browser();
  const page = await b.context.newPage();
  const cold = await visit(page, '/', '#root form');
  runs.login.cold.push(cold.ms);
  runs.login.bytes.push(cold.bytes);
  runs.login.warm.push((await visit(page, '/', '#root form')).ms);
  await login(page);
  // A new page in the same profile: the login chunk is cached, the register's is not.
  const p2 = await b.context.newPage();
  const list = await visit(p2, '/projects', '.ant-table-row');
  runs.projects.cold.push(list.ms);
  runs.projects.bytes.push(list.bytes);
  runs.projects.warm.push((await visit(p2, '/projects', '.ant-table-row')).ms);
  await b.close();
}
await server.stop();

const rows = Object.entries(runs).map(([name, r]) => ({
  page: name,
  cold_ms: median(r.cold),
  warm_ms: median(r.warm),
  ratio: +(median(r.cold) / median(r.warm)).toFixed(2),
  script_style_kb: Math.round(median(r.bytes) / 1024),
}));
console.log('page      | empty cache | warm cache (reference) | ratio | JS+CSS transferred');
for (const r of rows)
  console.log(
    `${r.page.padEnd(9)} | ${String(r.cold_ms).padStart(8)} ms | ${String(r.warm_ms).padStart(17)} ms | ${r.ratio}x | ${r.script_style_kb} kB`,
  );
mkdirSync(here('../../bench/results'), { recursive: true });
const file = `${here('../../bench/results')}/web-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}.json`;
writeFileSync(file, JSON.stringify({ rounds: ROUNDS, rows }, null, 2));
console.log(`(figures in ${file})`);
