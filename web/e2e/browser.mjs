// Launches Debian's Chromium headless through playwright-core, in a fresh profile, with the
// flags this closed network needs (no background connections).
import { after, before, beforeEach } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/api/server.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What the pages saw — the API's answers, the requests that failed, the errors thrown — kept
// for the report of a failed run: a test that times out waiting for an element says only what
// it waited for, and a failure seen once on CI must be explained from its log. Printed (on
// stderr, which the runner shows) only when a test of this file failed.
const seen = [];
function note(line) {
  seen.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  if (seen.length > 300) seen.shift();
}
process.on('exit', (code) => {
  if (code && seen.length)
    process.stderr.write(`What the browser saw last (UTC):\n${seen.join('\n')}\n`);
});
function watch(page) {
  const where = (url) => {
    const u = new URL(url);
    return (u.pathname + u.search).slice(0, 200);
  };
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && note(`console error: ${m.text()}`));
  page.on('requestfailed', (r) =>
    note(`request failed: ${r.method()} ${where(r.url())}: ${r.failure()?.errorText}`),
  );
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/'))
      note(`${r.status()} ${r.request().method()} ${where(r.url())}`);
  });
}

export async function launch({ width = 1400, height = 1000, javaScript = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'kc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    javaScriptEnabled: javaScript,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Chooses `optionText` in the select of the form item labelled `label` (typing it first when
// the select searches), among the form items `within` (a dialog, say) or the whole page.
export async function choose(page, label, optionText, within = page) {
  const item = within
    .locator('.ant-form-item')
    .filter({ has: page.getByText(label, { exact: true }) });
  await item.locator('.ant-select').click();
  await typeAndTake(page, item.locator('input').first(), optionText);
}

// Chooses `optionText` in the select whose input is `input` (a select without a label of its
// own: a row of a form list, named by its aria-label).
export async function chooseIn(page, input, optionText) {
  await input.click();
  await typeAndTake(page, input, optionText);
}

// Types `optionText` into an open select that searches, then takes the option.
async function typeAndTake(page, input, optionText) {
  if ((await input.getAttribute('readonly')) === null) await input.fill(optionText);
  await takeOption(page, input, optionText);
}

// Picks `optionText` in a select that asks the server as the user types (FacilitySelect,
// FacilityPicker): types `typed` into its `input`, then takes the option.
export async function pickFound(page, input, typed, optionText) {
  await input.click();
  await input.fill(typed);
  await takeOption(page, input, optionText);
}

// Clicks the open list's option `optionText` once the select of `input` has its answer (a list
// that changes under the pointer swallows the click), and again until the choice is taken: the
// list has closed or, in a select of several, the option shows among the chosen (then Escape
// closes the list).
async function takeOption(page, input, optionText) {
  const select = input.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const multiple = (await select.and(page.locator('.ant-select-multiple')).count()) > 0;
  const loading = select.and(page.locator('.ant-select-loading'));
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: optionText })
    .first();
  const taken = multiple
    ? select.locator('.ant-select-selection-item').filter({ hasText: optionText })
    : page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    await loading.waitFor({ state: 'detached' });
    if (multiple && (await taken.count()) > 0) break; // a second click would undo the choice
    await option.click();
    try {
      await taken.first().waitFor({ state: multiple ? 'visible' : 'hidden', timeout: 2000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  if (multiple) await page.keyboard.press('Escape');
}

// Makes the server seem busy for the requests `pattern` matches: each is answered 503 with
// the problem the server sends while another writer (an import) holds the database.
export async function answerBusy(page, pattern) {
  await page.route(pattern, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      headers: { 'Retry-After': '2' },
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'the database is busy with another writer (an import?); retry shortly',
        instance: new URL(route.request().url()).pathname,
      }),
    }),
  );
}

// Logs in through the login page.
export async function login(page, base, name, password = 'demo') {
  await page.context().clearCookies();
  await page.goto(base + '/app/');
  await page.getByLabel('Tên đăng nhập').fill(name);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

// Registers before/after hooks that start a server with the demo data and the browser; the
// returned object's `server` and `browser` are set once the hooks ran.
export function withDemoServerAndBrowser() {
  const env = { server: null, browser: null };
  beforeEach((t) => note(`test: ${t.name}`));
  before(async () => {
    env.server = await startServer({ demo: true, web: process.env.KC_WEB ?? 'web/dist' });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
