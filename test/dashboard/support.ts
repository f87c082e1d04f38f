// Helpers of the dashboard's browser tests: headless Chromium (playwright-core and the
// system's /usr/bin/chromium), a page that records what went wrong in the browser, staff
// accounts made through the real API, and logging in the way an officer does.
import { chromium, type Browser, type Page } from 'playwright-core';

import { agencyAdmin, Api, openAccount, testIp, unique } from '../gateway/support.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh browser context (its own sessionStorage and localStorage) on the gateway. `problems`
 * collects uncaught exceptions and console errors other than refused requests (a 404 of the
 * status page or a 400 of the filing form is a test case, not a fault).
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  problems: string[],
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  return page;
}

export const STAFF_PASSWORD = 'Pelayanan-Sosial-2026';

/**
 * The administrator of an agency: the first `admin` for its own agency (61), else the
 * agency's first administrator, opened by `admin` as the installation's operator (agencyAdmin):
 * an agency opens its own accounts, a province's admin does not open its regencies'.
 */
async function adminOf(admin: Api, agencyCode: string): Promise<Api> {
  if (agencyCode === '61') return admin;
  return agencyAdmin(admin.baseUrl, agencyCode);
}

/** A staff account of `agencyCode` with `roles`, opened through the API by an admin of that agency. */
export async function staffAccount(
  firstAdmin: Api,
  agencyCode: string,
  roles: string[],
  displayName = 'Petugas Uji',
): Promise<{ username: string; password: string; api: Api }> {
  const admin = await adminOf(firstAdmin, agencyCode);
  const username = unique('dash.');
  const r = await openAccount(
    admin,
    { username, displayName, password: STAFF_PASSWORD, agencyCode, roles },
    { 'x-forwarded-for': testIp() },
  );
  if (r.status !== 201) throw new Error(`creating ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  const api = await new Api(admin.baseUrl).session(username, STAFF_PASSWORD);
  return { username, password: STAFF_PASSWORD, api };
}

/** Logs in on the login page, as an officer does, and waits for the staff layout. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Picks `option` in the antd Select labelled `label` (its dropdown is rendered at the end of the body). */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}
