// make bench-web (web/bench/load.mjs): what an official waits for when opening the UI, in
// Debian's Chromium (release build, demo data, 1366×768). Each main page is opened with an
// empty cache (a fresh profile, the session already open, as for a bookmark) on loopback and
// on a throttled line (4 Mbit/s each way, 100 ms latency: a provincial office), and again with
// a warm cache on loopback (the reference, same run). Reported per page: time until it is
// usable (its content shows), and the JavaScript that crossed the wire, compressed as sent
// (brotli: Chromium asks for it).
//   login    : the address of the app without a session, until the login form shows
//   overview : /, until its tables and a chart show
//   projects : /projects, until the first row of the register shows
//   project  : /projects/1, until its description shows
//   plan     : /plan, until the 2019 round is solved (status "Tối ưu")
//   report   : /reports (2018), until the chart of the plan by content shows
// Output: a table on standard output and bench/results/web-DATE.json (not committed).
// PAGES=plan,overview measures only those; KC_DIST serves another build of the app (an A/B).
// ROUNDS (5) sets the number of rounds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../e2e/browser.mjs';
import { startServer } from '../../tests/api/server.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const here = (p) => new URL(p, import.meta.url).pathname;
const server = await startServer({ demo: true, web: process.env.KC_DIST ?? here('../dist') });

// `ready`: CSS selectors that must all match, and `text`: what the first must contain.
const PAGES = [
  { name: 'login', path: '/', ready: ['#root form'], session: false },
  { name: 'overview', path: '/', ready: ['.ant-table-row', 'div[role="img"][aria-label] svg'] },
  { name: 'projects', path: '/projects', ready: ['.ant-table-row'] },
  { name: 'project', path: '/projects/1', ready: ['.ant-descriptions'] },
  { name: 'plan', path: '/plan', ready: ['[data-testid="plan-status"]'], text: 'Tối ưu' },
  {
    name: 'report',
    path: '/reports?year=2018&program=KCQG-2018',
    ready: ['[role="img"][aria-label^="Kinh phí kế hoạch theo nội dung"] svg'],
  },
];
const only = process.env.PAGES?.split(',');
if (only) PAGES.splice(0, PAGES.length, ...PAGES.filter((p) => only.includes(p.name)));
// Chromium's own throttling (DevTools protocol): bytes per second and added round trip.
const THROTTLED = {
  offline: false,
  latency: 100,
  downloadThroughput: (4e6 / 8) | 0,
  uploadThroughput: (4e6 / 8) | 0,
};

// In the page, before its scripts: notes the time (from the start of the navigation) at which
// every `ready` selector first matches, by watching the document change. Timing it from the
// test's side would add the polling interval of its waits (up to half a second).
function watchReady({ ready, text }) {
  window.__kcReady = null;
  const check = () => {
    if (window.__kcReady !== null) return;
    const found = ready.map((s) => document.querySelector(s));
    if (found.some((e) => !e) || (text && !found[0].textContent.includes(text))) return;
    window.__kcReady = performance.now();
  };
  new window.MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

// Opens `spec` once in `page` (prepared by watchReady) and waits until it is usable; returns
// the time and the JavaScript bytes transferred (compressed, as sent) by this load.
async function visit(page, spec) {
  await page.goto(server.base + '/app' + spec.path);
  await page.waitForFunction(() => window.__kcReady !== null, null, { timeout: 60_000 });
  return page.evaluate(() => ({
    ms: Math.round(window.__kcReady),
    js: performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name))
      .reduce((n, e) => n + e.transferSize, 0),
  }));
}

// A fresh profile (empty cache) with the department's session open when the page needs one,
// and the line throttled when asked; returns the cold visit and, on loopback, a warm one.
async function measure(spec, throttled) {
  const b = await launch({ width: 1366, height: 768 });
  try {
    if (spec.session !== false) {
      const r = await b.context.request.post(server.base + '/api/v1/session', {
        data: { login: 'department', password: 'demo' },
      });
      if (!r.ok()) throw new Error(`login: ${r.status()}`);
    }
    const page = await b.context.newPage();
    await page.addInitScript(watchReady, { ready: spec.ready, text: spec.text ?? '' });
    // A browser that opened its session at the login page keeps the app's hint that it did
    // (src/shared/session.tsx); this one opened it through the API.
    if (spec.session !== false)
      await page.addInitScript(() => window.localStorage.setItem('kc.signedIn', '1'));
    if (throttled) {
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLED);
    }
    const cold = await visit(page, spec);
    const warm = throttled ? null : await visit(page, spec);
    return { cold, warm };
  } finally {
    await b.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Object.fromEntries(
  PAGES.map((p) => [p.name, { cold: [], warm: [], throttled: [], js: [] }]),
);
for (let i = 0; i < ROUNDS; i++) {
  for (const spec of PAGES) {
    const r = runs[spec.name];
    const loop = await measure(spec, false);
    r.cold.push(loop.cold.ms);
    r.warm.push(loop.warm.ms);
    r.js.push(loop.cold.js);
    r.throttled.push((await measure(spec, true)).cold.ms);
  }
}
await server.stop();

const rows = PAGES.map(({ name }) => {
  const r = runs[name];
  return {
    page: name,
    cold_ms: median(r.cold),
    warm_ms: median(r.warm),
    ratio: +(median(r.cold) / median(r.warm)).toFixed(2),
    throttled_ms: median(r.throttled),
    js_kb: Math.round(median(r.js) / 1024),
  };
});
const pad = (v, n) => String(v).padStart(n);
console.log(
  'page     | empty cache | warm cache (reference) | ratio | throttled, empty cache | JS (as sent)',
);
for (const r of rows)
  console.log(
    `${r.page.padEnd(8)} | ${pad(r.cold_ms, 8)} ms | ${pad(r.warm_ms, 19)} ms | ${pad(r.ratio, 4)}x | ${pad(r.throttled_ms, 19)} ms | ${pad(r.js_kb, 5)} kB`,
  );
mkdirSync(here('../../bench/results'), { recursive: true });
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
const file = `${here('../../bench/results')}/web-${stamp}.json`;
writeFileSync(file, JSON.stringify({ rounds: ROUNDS, throttle: THROTTLED, rows }, null, 2));
console.log(`(figures in ${file})`);
