// The staff dashboard in headless Chromium against the real gateway (built by `npm run
// build:server && npm run build:web`, served by WebModule): what an officer sees, never
// the app's internals. No fixed sleeps: Playwright's locators wait for what they look for.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually, natsAs, publishEvent, type RunningApp } from '#testing';
import { startGateway, testAdminPassword } from '../gateway/support.js';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = '/tmp/sigap-home.png';

// Functions passed to page.evaluate run in the browser; the server's tsconfig has no DOM lib.
declare const sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
declare const document: { documentElement: { lang: string } };

describe('staff dashboard', () => {
  let gateway: RunningApp;
  let browser: Browser;
  let page: Page;
  /** uncaught exceptions and console errors other than refused requests (a 401 is a test case) */
  const problems: string[] = [];
  const newUser = {
    username: `petugas.${Date.now().toString(36)}`,
    displayName: 'Siti Rahmawati',
    password: 'Pelayanan-Sosial-2026',
    ownPassword: 'Petugas-Sendiri-2026',
  };

  beforeAll(async () => {
    [gateway, browser] = await Promise.all([
      // the gateway tests' helper: its own free port, and the admin password every test file shares
      startGateway(),
      chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    ]);
    const context = await browser.newContext({ baseURL: gateway.url, viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });

  /** The session's token, as the browser keeps it. */
  async function token(): Promise<string> {
    return page.evaluate(() => (JSON.parse(sessionStorage.getItem('sigap.session') ?? '{}') as { accessToken: string }).accessToken);
  }

  async function logIn(username: string, password: string) {
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  it('is served at / with its pages falling back to index.html, and leaves the API, health and missing assets alone', async () => {
    for (const p of ['/', '/login', '/admin/users', '/status']) {
      const res = await fetch(gateway.url + p);
      expect([p, res.status, res.headers.get('content-type')]).toEqual([p, 200, expect.stringContaining('text/html')]);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    }
    const api = await fetch(`${gateway.url}/api/v1/no-such-route`);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(api.status).toBe(404);
    const health = await fetch(`${gateway.url}/health`);
    expect(health.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${gateway.url}/assets/no-such-chunk.js`)).status).toBe(404);
  });

  it('refuses a wrong password with the reason, in Indonesian, and stays on the login page', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await heading('Masuk').waitFor();
    await logIn('admin', 'not-the-password');
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('logs in as admin: the header names the user, agency and role, and home shows every service', async () => {
    await logIn('admin', testAdminPassword());
    await heading('Beranda').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const header = page.getByTestId('current-user');
    await header.getByText('Administrator').waitFor();
    await header.getByText('61 · Dinas Sosial Provinsi Kalimantan Barat').waitFor();
    await page.locator('header').getByText('Administrator', { exact: true }).last().waitFor(); // the ADMIN role's tag

    // what the gateway reports is what the officer sees: one card per service
    const status = (await (
      await fetch(`${gateway.url}/api/v1/system/status`, { headers: { Authorization: `Bearer ${await token()}` } })
    ).json()) as {
      services: { service: string; healthy: boolean }[];
    };
    expect(status.services.map((s) => s.service)).toEqual(
      expect.arrayContaining(['gateway', 'intake', 'verification', 'disbursement', 'logistics', 'complaints']),
    );
    for (const s of status.services) {
      await page.getByTestId(`service-${s.service}`).getByText(s.service, { exact: true }).waitFor();
    }
    await page.getByTestId('service-gateway').getByText('Sehat', { exact: true }).waitFor();
    await page.getByText(/^Diperbarui /).waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('creates a user in Administrasi → Pengguna, and the new user appears in the list', async () => {
    await menuItem('Administrasi').click();
    await menuItem('Pengguna').click();
    await page.waitForURL('**/admin/users');
    await heading('Pengguna').waitFor();
    await page.getByText(/^\d+ entri$/).waitFor();

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByLabel('Nama pengguna').fill(newUser.username);
    await dialog.getByLabel('Nama lengkap').fill(newUser.displayName);
    await dialog.getByLabel('Kata sandi', { exact: true }).fill(newUser.password);
    await dialog.getByLabel('Ulangi kata sandi').fill(newUser.password);
    await dialog.getByLabel('Petugas Front Office').check();
    await dialog.getByRole('button', { name: 'Simpan' }).click();

    await page.getByText(`Pengguna ${newUser.username} telah dibuat.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // other test files add users to the same database: look the new one up as an admin would
    await page.getByRole('searchbox', { name: 'Cari pengguna' }).fill(newUser.username);
    await page.getByRole('searchbox', { name: 'Cari pengguna' }).press('Enter');
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: newUser.username, exact: true }) });
    await row.getByText(newUser.displayName).waitFor();
    await row.getByText('Petugas Front Office').waitFor();
    await row.getByText('Wajib ganti kata sandi').waitFor();
  });

  it('refuses a taken username in Indonesian, naming the field; an error code it has no text for shows a generic sentence and the code', async () => {
    const openCreate = async () => {
      await page.getByRole('button', { name: 'Tambah pengguna' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
      await dialog.getByLabel('Nama pengguna').fill(newUser.username);
      await dialog.getByLabel('Nama lengkap').fill('Nama Kembar');
      await dialog.getByLabel('Kata sandi', { exact: true }).fill(newUser.password);
      await dialog.getByLabel('Ulangi kata sandi').fill(newUser.password);
      await dialog.getByLabel('Petugas Front Office').check();
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      return dialog;
    };
    /** the error antd shows under the dialog's field whose input has this id */
    const fieldError = (dialog: Page | ReturnType<Page['getByRole']>, id: string) =>
      dialog
        .locator('.ant-form-item')
        .filter({ has: page.locator(`[id="${id}"]`) })
        .locator('.ant-form-item-explain-error');

    // the gateway answers 409 USERNAME_TAKEN with "username is taken": the admin reads Indonesian
    let dialog = await openCreate();
    const error = dialog.getByTestId('dialog-error');
    await error.getByText('Nama pengguna sudah dipakai. Pilih nama lain.').waitFor();
    await error.getByTestId('field-problems').getByText('Nama pengguna: sudah dipakai pengguna lain').waitFor();
    await fieldError(dialog, 'username').getByText('sudah dipakai pengguna lain', { exact: true }).waitFor();
    expect(await dialog.innerText()).not.toMatch(/taken/i);
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });

    // a code and a rule the dashboard does not know (a newer gateway): a generic sentence with the code, never the English
    await page.route('**/api/v1/users', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 409,
              error: 'Conflict',
              code: 'SOMETHING_NEW',
              message: 'Something new went wrong',
              details: [{ path: 'username', message: 'username collides with something new' }],
            }),
          })
        : route.fallback(),
    );
    try {
      dialog = await openCreate();
      const unknown = dialog.getByTestId('dialog-error');
      await unknown.getByText('Data telah berubah. Muat ulang lalu coba lagi.', { exact: false }).waitFor();
      await unknown.getByText('(kode SOMETHING_NEW)').waitFor();
      await unknown.getByTestId('field-problems').getByText('Nama pengguna: belum sesuai ketentuan').waitFor();
      expect(await dialog.innerText()).not.toMatch(/Something new|collides/);
      await dialog.getByRole('button', { name: 'Batal' }).click();
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await page.unroute('**/api/v1/users');
    }
  });

  it('shows a rejected message (sigap.rejected.detail) with its errors, and replays it with a corrected payload', async () => {
    const marker = randomUUID().slice(0, 8);
    const nc = await natsAs('admin');
    try {
      await publishEvent(nc, 'sigap.rejected.detail', {
        eventId: randomUUID(),
        subject: 'sigap.from.ext.application.submitted.v1',
        errors: [{ path: 'applicant.nik', message: `nik must be 16 digits (${marker})` }],
        reason: 'VALIDATION',
        consumer: 'dashboard-e2e',
        payload: { eventId: randomUUID(), agencyCode: '61', serviceCode: 'DATA_INFO', applicant: { nik: '6171' } },
        rejectedAt: new Date().toISOString(),
      });
    } finally {
      await nc.close();
    }
    // the gateway records it asynchronously: wait until its API lists it, then look at the page
    await eventually(async () => {
      const res = await fetch(`${gateway.url}/api/v1/admin/rejected?limit=200`, { headers: { Authorization: `Bearer ${await token()}` } });
      expect(JSON.stringify(await res.json())).toContain(marker);
    });

    await menuItem('Pesan Ditolak').click();
    await page.waitForURL('**/admin/rejected');
    await heading('Pesan Ditolak').waitFor();
    const row = page.getByRole('row').filter({ hasText: marker });
    await row.getByText(`nik must be 16 digits (${marker})`).waitFor();
    await row.getByText('applicant.nik', { exact: true }).waitFor();
    await row.getByText('sigap.from.ext.application.submitted.v1').waitFor();

    await row.getByRole('button', { name: 'Kirim ulang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kirim ulang pesan yang ditolak' });
    await dialog.getByLabel('Ubah isi pesan sebelum dikirim ulang').check();
    const editor = dialog.getByLabel('Isi pesan (JSON)');
    await editor.fill('{ "agencyCode": "61", "serviceCode": "DATA_INFO", ');
    await dialog.getByText('JSON tidak valid', { exact: false }).waitFor();
    await editor.fill(JSON.stringify({ agencyCode: '61', serviceCode: 'DATA_INFO', applicant: { nik: '6171015807900001' } }, null, 2));
    await dialog.getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByText('Pesan sigap.from.ext.application.submitted.v1 telah dikirim ulang.').waitFor();
    await row.getByText('1×').waitFor();
  });

  it('switches the labels to English and back, and remembers the choice', async () => {
    await page.goto('/admin/users');
    await heading('Pengguna').waitFor();
    await page.getByText('EN', { exact: true }).click();
    await menuItem('Home').waitFor();
    await heading('Users').waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await menuItem('Beranda').count()).toBe(0);

    await page.reload();
    await menuItem('Home').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByText('ID', { exact: true }).click();
    await menuItem('Beranda').waitFor();
    await heading('Pengguna').waitFor();
    expect(await menuItem('Home').count()).toBe(0);
  });

  it('logs out to the login page, after which the pages ask for a login again', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/login');
    await heading('Masuk').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('sigap.session'))).toBeNull();

    await page.goto('/admin/users');
    await page.waitForURL('**/login?next=%2Fadmin%2Fusers');
    await heading('Masuk').waitFor();
  });

  it('leads an officer with a temporary password to the change-password page and nowhere else, then in with the new one', async () => {
    await page.goto('/login');
    await logIn(newUser.username, newUser.password);
    // the gateway answers every other route 403 PASSWORD_CHANGE_REQUIRED: the dashboard shows the form alone
    await page.getByTestId('change-password-page').waitFor();
    await page.getByText('Kata sandi Anda diberikan oleh administrator.', { exact: false }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await page.goto('/intake/applications');
    await page.getByTestId('change-password-page').waitFor();
    expect(await menuItem('Permohonan').count()).toBe(0);

    const form = page.getByTestId('change-password-page');
    await form.getByLabel('Kata sandi saat ini').fill('bukan-kata-sandinya');
    await form.getByLabel('Kata sandi baru').fill(newUser.ownPassword);
    await form.getByLabel('Ulangi kata sandi').fill(newUser.ownPassword);
    await form.getByRole('button', { name: 'Ubah kata sandi' }).click();
    await page.getByTestId('change-password-error').getByText('Kata sandi saat ini salah.').waitFor();
    await form.getByLabel('Kata sandi saat ini').fill(newUser.password);
    await form.getByRole('button', { name: 'Ubah kata sandi' }).click();
    await page.waitForURL('**/login');
    await page.getByText('Kata sandi telah diubah. Silakan masuk dengan kata sandi baru.').waitFor();
    await logIn(newUser.username, newUser.ownPassword);
  });

  it('shows a front office officer the services but not Administrasi', async () => {
    await heading('Beranda').waitFor();
    await page.getByTestId('current-user').getByText(newUser.displayName).waitFor();
    expect(await page.getByText('Kata sandi Anda diberikan oleh administrator.', { exact: false }).count()).toBe(0);
    for (const name of ['Permohonan', 'Verifikasi', 'Anggaran & Penyaluran', 'Gudang Logistik', 'Pengaduan'])
      await menuItem(name).waitFor();
    expect(await menuItem('Administrasi').count()).toBe(0);

    // intake's pages are built (test/dashboard/intake.e2e-spec.ts); the services still to come say so
    await menuItem('Permohonan').click();
    await menuItem('Antrean Permohonan').click();
    await page.waitForURL('**/intake/applications');
    await heading('Antrean Permohonan').waitFor();
    // disbursement's pages are built (test/dashboard/disbursement.e2e-spec.ts): its section opens its pages
    await menuItem('Anggaran & Penyaluran').click();
    await menuItem('Pagu Anggaran').click();
    await page.waitForURL('**/disbursement/budget-lines');
    await heading('Pagu Anggaran').waitFor();
    await menuItem('Gudang Logistik').click();
    await page.waitForURL('**/logistics');
    await page.getByText('Fitur ini segera hadir.').waitFor();

    await page.goto('/admin/users');
    await page.getByText('Akses ditolak').waitFor();
  });

  it('ends the session when the API answers 401', async () => {
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('sigap.session')!) as Record<string, unknown>;
      sessionStorage.setItem('sigap.session', JSON.stringify({ ...s, accessToken: 'not-a-valid-token' }));
    });
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').waitFor();
    await eventually(async () => expect(await page.evaluate(() => sessionStorage.getItem('sigap.session'))).toBeNull());
  });

  it('raised no script errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
