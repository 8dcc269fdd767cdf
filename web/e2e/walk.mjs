// Every role over every page at one screen size (walk-desktop and walk-phone, two files so that
// the two sizes run side by side): each page has one h1 and a title
// "… · Khuyến Công", nothing wider than the screen, no serious or critical accessibility
// violation (axe-core), and every action the page offers is one the server accepts from that
// role (tried with a request that would fail validation or a stale version, never with 403).
// Each role logs in once (a full load of the app) and then moves from page to page inside the
// app, as its users do: a full load per page cost Chromium 0.8 s of styling and script each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { login, withDemoServerAndBrowser } from './browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let env;

const ROLES = ['admin', 'ministry', 'department', 'appraiser1', 'province-01', 'unit-1'];
const PAGES = [
  '/',
  '/projects',
  '/projects/{id}',
  '/projects/new',
  '/projects/{id}/submit?step=1',
  '/programs',
  '/organizations',
  '/facilities',
  '/facilities/new',
  '/organizations/new',
  '/reference',
  '/audit',
  '/import',
  '/users',
  '/appraisal',
  '/appraisal/councils/{council}',
  '/scoring',
  '/intake?year=2019',
  '/plan',
  '/execution',
  '/notifications',
  '/reports?year=2018',
  '/reports/period?period=KCQG-2016-2020',
  '/reports/province/01',
  '/products?year=2018&kind=regional',
  '/fairs?year=2018',
  '/clusters',
  '/clusters/{cluster}',
  '/cluster-reports?year=2026',
  '/chains',
  '/chains/{chain}',
  '/selection',
  '/selection/{selection}',
  '/fairs/{fair}',
  '/petitions',
  '/petitions/{petition}',
  '/bulletin',
  '/bulletin/new',
  '/no-such-page',
];
export const SIZES = {
  desktop: { name: 'desktop', width: 1366, height: 768 },
  phone: { name: 'phone', width: 390, height: 844 },
};

// An action the UI may show, and a request that asks the server whether the role may do it.
const ACTIONS = [
  { name: 'Thêm đề án', role: 'link', ask: (s) => s('POST', '/api/v1/projects', {}) },
  {
    name: 'Sửa',
    role: 'link',
    ask: (s, id) => s('PUT', `/api/v1/projects/${id}`, { version: 0 }),
  },
  {
    name: 'Hủy đề án',
    role: 'button',
    ask: (s, id) => s('POST', `/api/v1/projects/${id}/cancel`, { version: 0 }),
  },
  { name: 'Thêm người dùng', role: 'button', ask: (s) => s('POST', '/api/v1/users', {}) },
  { name: 'Thêm hội chợ', role: 'button', ask: (s) => s('POST', '/api/v1/fairs', {}) },
  {
    name: 'Ghi nhận báo cáo',
    role: 'button',
    ask: (s) => s('POST', '/api/v1/cluster-reports', {}),
  },
  {
    name: 'Đề cử sản phẩm',
    role: 'button',
    ask: async (s) =>
      s('POST', `/api/v1/selection-rounds/${await firstSelection()}/nominations`, {}),
  },
  {
    name: 'Kết thúc bình chọn',
    role: 'button',
    ask: async (s) => s('POST', `/api/v1/selection-rounds/${await firstSelection()}/conclude`, {}),
  },
  {
    name: 'Chấm điểm',
    role: 'button',
    ask: async (s) => {
      const round = (await s('GET', `/api/v1/selection-rounds/${await firstSelection()}`)).json;
      return s('PUT', `/api/v1/nominations/${round.nominations[0].id}/sheet`, {});
    },
  },
  { name: 'Thêm chuỗi liên kết', role: 'button', ask: (s) => s('POST', '/api/v1/chains', {}) },
  {
    name: 'Sửa chuỗi liên kết',
    role: 'button',
    ask: async (s) => {
      const chain = (await s('GET', '/api/v1/chains?page_size=1')).json.items[0];
      return s('PUT', `/api/v1/chains/${chain.id}`, { version: 0 });
    },
  },
  {
    name: 'Tổng hợp',
    role: 'button',
    ask: (s) => s('POST', '/api/v1/cluster-reports/compile', {}),
  },
];

// The demo's ministry council (seen by the department and its members; 404 for others).
async function ministryCouncil() {
  const dept = await env.server.session('department');
  const round = (await dept('GET', '/api/v1/rounds?year=2019')).json.items[0];
  const councils = (await dept('GET', `/api/v1/rounds/${round.id}/councils`)).json.items;
  return councils.find((c) => c.level === 'ministry').id;
}

async function firstFair() {
  const dept = await env.server.session('department');
  return (await dept('GET', '/api/v1/fairs?year=2018&page_size=1')).json.items[0].id;
}

async function firstPetition() {
  const dept = await env.server.session('department');
  return (await dept('GET', '/api/v1/petitions?page_size=1')).json.items[0].id;
}

async function firstSelection() {
  const dept = await env.server.session('department');
  return (await dept('GET', '/api/v1/selection-rounds?page_size=1')).json.items[0].id;
}

async function firstChain() {
  const dept = await env.server.session('department');
  return (await dept('GET', '/api/v1/chains?page_size=1')).json.items[0].id;
}

async function firstCluster() {
  const dept = await env.server.session('department');
  return (await dept('GET', '/api/v1/clusters?page_size=1')).json.items[0].id;
}

async function firstVisibleProject(session) {
  const r = await session('GET', '/api/v1/projects?page_size=1&sort=code');
  return r.json?.items?.[0]?.id;
}

// Runs in the page before the app: counts the app's requests under way and notes when the
// last one ended, for visit() below.
function countRequests() {
  const original = window.fetch;
  const state = { open: 0, ended: performance.now() };
  window.__walk = state;
  window.fetch = (...args) => {
    state.open += 1;
    return original(...args).finally(() => {
      state.open -= 1;
      state.ended = performance.now();
    });
  };
}

/**
 * Moves the app to `url` as its own links do (history and a popstate, which the router follows),
 * then waits for an h1 that the previous page did not have (any h1 when the app is already
 * there), for the app's requests to have been quiet for 150 ms and for its transitions to end.
 * False when no h1 came within 5 s.
 */
async function visit(page, url) {
  await page.evaluate((to) => {
    const here = window.location.pathname + window.location.search === to;
    window.__walkOld = new Set(here ? [] : document.querySelectorAll('h1'));
    window.history.pushState(null, '', to);
    window.dispatchEvent(new window.PopStateEvent('popstate'));
  }, url);
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('h1')].some((h) => !window.__walkOld.has(h)),
      null,
      { timeout: 5000 },
    );
  } catch {
    return false;
  }
  await page.waitForFunction(
    () => window.__walk.open === 0 && performance.now() - window.__walk.ended > 150,
    null,
    { polling: 50, timeout: 10000 },
  );
  // Styles that arrive with the page start colour transitions; axe must see where they end.
  await page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished),
    ),
  );
  return true;
}

/** Registers the walk at one of SIZES, with its own demo server and browser. */
export function walkAt(size) {
  env = withDemoServerAndBrowser();
  test(`every role over every page (${size.name})`, async () => {
    const page = await env.browser.context.newPage();
    await page.addInitScript(countRequests);
    await page.setViewportSize({ width: size.width, height: size.height });
    const failures = [];
    const serverErrors = [];
    page.on('response', (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} to ${new URL(r.url()).pathname}`);
    });
    for (const role of ROLES) {
      await login(page, env.server.base, role);
      const session = await env.server.session(role);
      const id = await firstVisibleProject(session);
      const council = await ministryCouncil();
      const fair = await firstFair();
      const cluster = await firstCluster();
      const petition = await firstPetition();
      const chain = await firstChain();
      const selection = await firstSelection();
      for (const template of PAGES) {
        if (template.includes('{id}') && !id) continue;
        const path = template
          .replace('{id}', String(id))
          .replace('{council}', String(council))
          .replace('{fair}', String(fair))
          .replace('{cluster}', String(cluster))
          .replace('{petition}', String(petition))
          .replace('{chain}', String(chain))
          .replace('{selection}', String(selection));
        const where = `${role} ${path} (${size.name})`;
        if (!(await visit(page, '/app' + path))) {
          failures.push(`${where}: no h1`);
          continue;
        }
        const h1 = await page.locator('h1').count();
        if (h1 !== 1) failures.push(`${where}: ${h1} h1 elements`);
        const title = await page.title();
        if (!/ · Khuyến Công$/.test(title)) failures.push(`${where}: title "${title}"`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        if (overflow > 1) failures.push(`${where}: ${overflow}px wider than the screen`);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
        });
        for (const v of violations) failures.push(`${where}: axe ${v}`);
        // No page says a failure (FailureMessages: a read with no usable answer, an action
        // that failed), nor got a server error.
        for (const said of await page.locator('.ant-message-error').allInnerTexts())
          failures.push(`${where}: says "${said}"`);
        for (const answer of serverErrors.splice(0))
          failures.push(`${where}: the server answered ${answer}`);
        for (const action of ACTIONS) {
          const shown = await page
            .getByRole(action.role, { name: action.name, exact: true })
            .filter({ visible: true })
            .count();
          if (!shown) continue;
          const answer = await action.ask(session, id);
          const refused =
            answer.status === 403 ||
            ['past_registration', 'cancelled'].includes(answer.json?.code ?? '');
          if (refused)
            failures.push(`${where}: shows "${action.name}", server says ${answer.status}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    await page.close();
  });
}
