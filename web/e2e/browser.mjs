// Launches Debian's Chromium headless through playwright-core, in a fresh profile, with the
// flags this closed network needs (no background connections).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'kc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
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
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Picks an option in an Ant Design Select identified by its form label.
export async function choose(page, label, optionText) {
  const item = page
    .locator('.ant-form-item')
    .filter({ has: page.getByText(label, { exact: true }) });
  await item.locator('.ant-select').click();
  const input = item.locator('input').first();
  if ((await input.getAttribute('readonly')) === null) await input.fill(optionText);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: optionText })
    .first()
    .click();
}

// Logs in through the login page.
export async function login(page, base, name, password = 'demo') {
  await page.context().clearCookies();
  await page.goto(base + '/');
  await page.getByLabel('Tên đăng nhập').fill(name);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
}
