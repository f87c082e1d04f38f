// The dashboard as its users work (issue 11), in headless Chromium against the real gateway,
// intake and verification: a front office with three roles at a 1366 px office laptop, the
// administrator's tables at the same width, a TRC field officer on a 390 px phone (menu,
// tasks, the visit form with location and photos), each user landing on their own work,
// the citizen's status page on a phone, forms that keep a half-typed draft, and the
// screenshots the README shows (docs/screenshots). What is asserted is what a user sees.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { eventually, startApp, type RunningApp } from '#testing';
import { Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { choose, launchBrowser, logIn, openPage, staffAccount } from './support.js';

/** a loaded machine (other suites, builds) may take a while to start a service */
const STARTUP_MS = 150000;
const LONG_MS = 120000;
const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const SHOTS = path.join(ROOT, 'docs/screenshots');
const FILES = path.join('/tmp', `sigap-workplaces-${process.pid}`);

// Functions passed to page.evaluate run in the browser; the server's tsconfig has no DOM lib.
declare const document: any;
declare const window: any;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used inside page.evaluate callbacks, which run in the browser
declare const localStorage: { getItem(key: string): string | null; length: number; key(i: number): string | null };

type Staff = { username: string; password: string; api: Api };

/** A Banjarnegara family whose NIKs fit their birth dates (area 33.04.01; a woman's day + 40). */
function family() {
  const s = String(randomInt(1000, 9999));
  return {
    applicant: { nik: `330401510288${s}`, kk: `330401010120${s}`, name: `Siti Aminah Kusumawardhani ${s}`, birthDate: '1988-02-11' },
    child: { nik: `330401020519${s}`, name: `Budi Santoso ${s}`, birthDate: '2019-05-02' },
  };
}

async function file(fo: Staff) {
  const p = family();
  const r = await fo.api.post('/api/v1/applications', {
    agencyCode: '33.04',
    serviceCode: 'SANTUNAN_ANAK',
    channel: 'FRONT_OFFICE',
    applicant: {
      nik: p.applicant.nik,
      kkNumber: p.applicant.kk,
      name: p.applicant.name,
      birthDate: p.applicant.birthDate,
      sex: 'F',
      address: 'Jl. Letjend Karjono 1 RT 02 RW 05',
      villageCode: '33.04.01.2001',
      phone: '081234567890',
    },
    beneficiary: { nik: p.child.nik, name: p.child.name, birthDate: p.child.birthDate, sex: 'M' },
    targetGroup: 'ANAK_TERLANTAR',
    documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
  });
  if (r.status !== 201) throw new Error(`filing failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { applicationId: string; ticketNumber: string };
}

/** The element's box lies inside the viewport's width (not cut off at the right, not pushed left). */
async function insideWidth(l: Locator, width: number): Promise<{ left: number; right: number }> {
  await l.waitFor();
  const box = await l.boundingBox();
  if (!box) throw new Error('no box');
  return {
    left: Math.round(box.x) >= 0 ? 0 : Math.round(box.x),
    right: Math.round(box.x + box.width) <= width ? 0 : Math.round(box.x + box.width),
  };
}

/** Elements reaching past the right edge of the screen (the innermost ones, named by tag, class and text), for a readable failure. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth as number;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 0.5 || r.width === 0) continue;
      // an element inside a scrolling box (a table) may be wide: the box is what the page shows
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const st = window.getComputedStyle(p);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(st.overflowX) && p.getBoundingClientRect().right <= width + 0.5) {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      if ([...el.children].some((c: any) => c.getBoundingClientRect().right > width + 0.5)) continue;
      out.push(
        `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} "${(el.textContent ?? '').slice(0, 30)}" right=${Math.round(r.right)}`,
      );
    }
    return out;
  });
}

/** Words (split at spaces and hyphens) that the browser breaks across two lines inside `selector`. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel: string) => {
    const out: string[] = [];
    const root = document.querySelector(sel);
    if (!root) return ['(no root)'];
    const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // folded details (a history entry's raw data) are not on screen
      if (n.parentElement?.closest('details:not([open])') && !n.parentElement.closest('summary')) continue;
      const text: string = n.textContent ?? '';
      const re = /[^\s\-–·,/()]+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const tops = new Set<number>([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
    return out;
  }, selector);
}

describe('the dashboard as its users work (issue 11)', () => {
  let gateway: RunningApp;
  let intake: RunningApp | undefined;
  let verification: RunningApp | undefined;
  let browser: Browser;
  let admin: Api;
  let fo: Staff;
  let desk: Staff;
  let trc: Staff;
  let head: Staff;
  let filed: { applicationId: string; ticketNumber: string };
  let caseId = '';
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(FILES, { recursive: true });
    browser = await launchBrowser();
    gateway = await startGateway();
    // one after the other: two services compiling their start together on a busy machine time out
    intake = await startApp('intake', {}, STARTUP_MS);
    verification = await startApp('verification', {}, STARTUP_MS);
    admin = await new Api(gateway.url).session('admin', testAdminPassword());
    fo = await staffAccount(admin, '33.04', ['FRONT_OFFICE'], 'Rina Front Office');
    // a small office: one person files, verifies and heads the section
    desk = await staffAccount(admin, '33.04', ['FRONT_OFFICE', 'VERIFIER', 'HEAD'], 'Dewi Serba Bisa');
    trc = await staffAccount(admin, '33.04', ['VERIFIER'], 'Andi TRC');
    head = await staffAccount(admin, '33.04', ['HEAD'], 'Bapak Kepala Bidang');
    filed = await file(fo);
    const c = await eventually(
      async () => {
        const r = await desk.api.get(`/api/v1/verification/applications/${filed.applicationId}/case`);
        expect(r.status).toBe(200);
        return r.body as { caseId: string };
      },
      { timeoutMs: 30000 },
    );
    caseId = c.caseId;
  }, 420000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([intake?.stop(), verification?.stop(), gateway?.stop()]);
  });

  it(
    'at 1366 px, staff with three roles can click the toolbar under the header, and the queue shows its deadline columns',
    async () => {
      const page = await openPage(browser, gateway.url, problems, LAPTOP);
      try {
        await page.goto('/login');
        await logIn(page, desk.username, desk.password);
        await page.goto('/intake/applications');
        await page.getByRole('heading', { name: 'Antrean Permohonan', exact: true }).waitFor();
        // a click that something else would receive fails Playwright's actionability check
        // (an overlaid button never becomes clickable: the timeout only gives a loaded machine room)
        await page.getByRole('button', { name: 'Muat ulang' }).click({ timeout: 10000 });
        await page.getByRole('button', { name: 'Ajukan Permohonan' }).click({ trial: true, timeout: 10000 });
        await page.getByRole('searchbox', { name: /Cari/ }).click({ timeout: 10000 });
        // the header is one row: every role is named, but in one line
        const header = await page.locator('header').boundingBox();
        expect(header!.height).toBeLessThanOrEqual(64);
        for (const col of ['Batas waktu', 'Sisa waktu']) {
          expect([col, await insideWidth(page.getByRole('columnheader', { name: col, exact: true }), LAPTOP.width)]).toEqual([
            col,
            { left: 0, right: 0 },
          ]);
        }
        const row = page.getByTestId(`queue-row-${filed.ticketNumber}`);
        await expect(insideWidth(row.getByTestId('time-left'), LAPTOP.width)).resolves.toEqual({ left: 0, right: 0 });
      } finally {
        await page.context().close();
      }
    },
    LONG_MS,
  );

  it(
    "at 1366 px, the administrator's tables keep the columns an admin acts on in view",
    async () => {
      const page = await openPage(browser, gateway.url, problems, LAPTOP);
      try {
        await page.goto('/login');
        await logIn(page, 'admin', testAdminPassword());
        await page.goto('/intake/catalog');
        // the admin's own agency (61) and its standards
        const edit = page.getByRole('button', { name: /^Ubah 61 / }).first();
        await expect(insideWidth(edit, LAPTOP.width)).resolves.toEqual({ left: 0, right: 0 });

        await page.goto('/admin/users');
        await page.getByRole('heading', { name: 'Pengguna', exact: true }).waitFor();
        await page.getByRole('button', { name: 'Tambah pengguna' }).click({ trial: true, timeout: 10000 });
        await expect(insideWidth(page.getByRole('columnheader', { name: 'Status', exact: true }), LAPTOP.width)).resolves.toEqual({
          left: 0,
          right: 0,
        });
        await expect(insideWidth(page.getByRole('columnheader', { name: 'Aksi', exact: true }), LAPTOP.width)).resolves.toEqual({
          left: 0,
          right: 0,
        });

        await page.goto('/admin/rejected');
        await expect(insideWidth(page.getByRole('columnheader', { name: 'Kesalahan', exact: true }), LAPTOP.width)).resolves.toEqual({
          left: 0,
          right: 0,
        });
      } finally {
        await page.context().close();
      }
    },
    LONG_MS,
  );

  it(
    'each user lands on their own work: the front office its queue, the verifier cases and tasks, the head approvals and late ones',
    async () => {
      const page = await openPage(browser, gateway.url, problems, LAPTOP);
      try {
        await page.goto('/login');
        await logIn(page, fo.username, fo.password);
        const work = page.getByTestId('my-work');
        await work.getByRole('heading', { name: 'Pekerjaan saya' }).waitFor();
        for (const title of ['Jatuh tempo hari ini', 'Terlambat', 'Dikembalikan', 'Baru terdaftar'])
          await work.getByText(title, { exact: true }).first().waitFor();
        // each list says how many: a number, once loaded
        await eventually(
          async () => {
            const counts = await work.getByTestId('work-count').allInnerTexts();
            expect(counts).toEqual([
              expect.stringMatching(/^\d+$/),
              expect.stringMatching(/^\d+$/),
              expect.stringMatching(/^\d+$/),
              expect.stringMatching(/^\d+$/),
            ]);
          },
          { timeoutMs: 15000 },
        );
        // the service-health board is the operator's, not the front office's
        expect(await page.getByTestId('service-gateway').count()).toBe(0);
        await page.getByRole('button', { name: 'Keluar' }).click();

        await logIn(page, trc.username, trc.password);
        await work.getByRole('heading', { name: 'Pekerjaan saya' }).waitFor();
        await work.getByText('Kasus menunggu penilaian', { exact: true }).waitFor();
        await work.getByText('Kasus dalam verifikasi lapangan', { exact: true }).waitFor();
        await work.getByText('Tugas lapangan saya', { exact: true }).waitFor();
        await work.getByRole('link', { name: filed.ticketNumber }).first().waitFor();
        await page.getByRole('button', { name: 'Keluar' }).click();

        await logIn(page, head.username, head.password);
        await work.getByText('Menunggu persetujuan', { exact: true }).waitFor();
        await work.getByText('Terlambat', { exact: true }).first().waitFor();
        await page.getByRole('button', { name: 'Keluar' }).click();

        // the operator reads what the board means, in words
        await logIn(page, 'admin', testAdminPassword());
        const gw = page.getByTestId('service-gateway');
        await gw.getByText('Sehat', { exact: true }).waitFor();
        await page
          .getByText('Semua layanan berjalan', { exact: false })
          .or(page.getByText('layanan bermasalah', { exact: false }))
          .first()
          .waitFor();
        await page
          .getByText(/pesan menunggu dikirim|tidak ada pesan yang menunggu/)
          .first()
          .waitFor();
      } finally {
        await page.context().close();
      }
    },
    LONG_MS,
  );

  it(
    'on a 390 px phone the field officer finds the task by desa, records the visit with the location and a photo; nothing is wider than the screen',
    async () => {
      // the head assigns the TRC task to the officer (assignment is a head's)
      const c = await desk.api.get(`/api/v1/verification/cases/${caseId}`);
      const task = (c.body.tasks as { taskId: string; stage: string }[]).find((t) => t.stage === 'TRC')!;
      const assigned = await desk.api.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: trc.username });
      expect(assigned.status).toBeLessThan(300);

      const context = await browser.newContext({
        baseURL: gateway.url,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
        geolocation: { latitude: -7.3971, longitude: 109.6963 },
        permissions: ['geolocation'],
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      try {
        await page.goto('/login');
        await logIn(page, trc.username, trc.password);
        expect(await overflowing(page)).toEqual([]);
        await expect(insideWidth(page.getByRole('button', { name: 'Keluar' }), PHONE.width)).resolves.toEqual({ left: 0, right: 0 });

        // the menu opens over the page and closes itself once a page is picked
        await page.getByRole('button', { name: 'Buka menu' }).click();
        await page.getByRole('menuitem', { name: 'Verifikasi', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Tugas Lapangan', exact: true }).click();
        await page.getByRole('heading', { name: 'Tugas Verifikasi Lapangan', exact: true }).waitFor();
        await page.getByRole('menuitem', { name: 'Tugas Lapangan', exact: true }).waitFor({ state: 'hidden' });
        expect(await overflowing(page)).toEqual([]);

        // tasks grouped by where they are, and searchable
        const card = page.getByTestId('task-TRC').filter({ hasText: filed.ticketNumber });
        await card.waitFor();
        await page.getByTestId('task-group').first().waitFor();
        await page.getByRole('searchbox', { name: 'Cari tugas' }).fill('tidak-ada-yang-begini');
        await card.waitFor({ state: 'hidden' });
        await page.getByRole('searchbox', { name: 'Cari tugas' }).fill(filed.ticketNumber.slice(-6));
        await card.waitFor();

        await card.getByRole('button', { name: 'Catat kunjungan' }).click();
        const visit = page.getByRole('dialog', { name: /^Catat kunjungan/ });
        await visit.getByText('Layak', { exact: true }).click();
        await visit.getByLabel('Temuan lapangan').fill('Anak tinggal bersama nenek; rumah tidak layak huni.');
        await visit.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
        await eventually(async () => expect(await visit.getByLabel('Lintang').inputValue()).toBe('-7.39710'), { timeoutMs: 10000 });
        await expect(visit.getByLabel('Bujur').inputValue()).resolves.toBe('109.69630');
        // typing stays possible
        await visit.getByLabel('Bujur').fill('109.69640');
        // the camera or a file: an image input that asks for the camera
        const picker = visit.locator('input[type=file][capture]');
        expect(await picker.getAttribute('accept')).toContain('image/*');
        expect(await picker.getAttribute('capture')).not.toBeNull();
        const photo = path.join(FILES, 'rumah.jpg');
        writeFileSync(photo, Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'));
        await picker.setInputFiles(photo);
        // the gateway may not store visit files yet: the form says so plainly instead of pretending
        await visit.getByText('rumah.jpg').waitFor();
        // stored (the item links nowhere false), or refused and said so: never a silent success
        await visit.getByTestId('upload-unavailable').or(visit.locator('.ant-upload-list-item-done')).first().waitFor();
        if (await visit.getByTestId('upload-unavailable').count()) {
          expect(await visit.locator('.ant-upload-list-item-error').count()).toBe(1);
        }
        const save = visit.getByRole('button', { name: 'Simpan kunjungan' });
        await save.scrollIntoViewIfNeeded();
        await expect(insideWidth(save, PHONE.width)).resolves.toEqual({ left: 0, right: 0 });
        expect(await overflowing(page)).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, 'field-officer-visit.png') });
        await visit.getByRole('button', { name: 'Batal' }).click();
        await page.screenshot({ path: path.join(SHOTS, 'field-officer-tasks.png'), fullPage: true });

        // the case page on the phone: no word broken in the middle
        await page.goto(`/verification/cases/${caseId}`);
        await page.getByRole('heading', { name: `Verifikasi ${filed.ticketNumber}` }).waitFor();
        expect(await overflowing(page)).toEqual([]);
        expect(await brokenWords(page, 'main')).toEqual([]);
      } finally {
        await context.close();
      }
    },
    LONG_MS,
  );

  it(
    'at 1366 px the case speaks words: waiting before assessment, services and groups by name, evidence and history as sentences',
    async () => {
      const page = await openPage(browser, gateway.url, problems, LAPTOP);
      try {
        await page.goto('/login');
        await logIn(page, desk.username, desk.password);
        // verification assesses a case as it opens; the moment before, the list gives it no rule outcomes:
        // the list as the gateway answers it then (its first case not yet assessed) must read "waiting"
        await page.route('**/api/v1/verification/cases?*', async (route) => {
          const res = await route.fetch();
          const body = (await res.json()) as { items: { ticketNumber: string; status: string; rules: Record<string, number> }[] };
          for (const c of body.items) {
            if (c.ticketNumber === filed.ticketNumber)
              Object.assign(c, { status: 'AWAITING_ASSESSMENT', rules: { PASSED: 0, NEEDS_REVIEW: 0, FAILED: 0 } });
          }
          await route.fulfill({ response: res, json: body });
        });
        await page.goto('/verification/cases');
        const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: filed.ticketNumber }) });
        await row.getByTestId('case-waiting').getByText('Menunggu penilaian').waitFor();
        expect(await row.getByText(/Lolos: 0/).count()).toBe(0);
        await page.unroute('**/api/v1/verification/cases?*');

        await row.getByRole('link', { name: filed.ticketNumber }).click();
        await page.getByRole('heading', { name: `Verifikasi ${filed.ticketNumber}` }).waitFor();
        await page.getByRole('button', { name: /Nilai kelayakan|Nilai ulang/ }).click();
        await page.getByText('Kelayakan telah dinilai.').waitFor();
        const rules = page.getByTestId('case-rules');
        await rules.getByRole('row').filter({ hasText: 'Usia penerima manfaat' }).getByText('tanggal lahir penerima: 2 Mei 2019').waitFor();
        // the service states each rule in English: the page says it in Indonesian
        await rules
          .getByRole('row')
          .filter({ hasText: 'Usia penerima manfaat' })
          .getByText(/^Penerima manfaat berusia \d+ tahun, di bawah 18 tahun$/)
          .waitFor();
        expect(await rules.innerText()).not.toMatch(/\b(The|under|Not in|Already|attached|applicant)\b/);
        await page.getByText('Santunan Anak', { exact: false }).first().waitFor();
        await page.getByText('Anak terlantar', { exact: true }).waitFor();
        const history = page.locator('.ant-card').filter({ has: page.getByText('Riwayat', { exact: true }) });
        await history.getByText(/^Kelayakan dinilai: \d+ lolos/).waitFor();
        await history.getByText(`Tugas Tim Reaksi Cepat (TRC) diberikan kepada ${trc.username}.`).waitFor();
        // the raw details stay folded: no JSON, no action codes on the page
        expect(await history.innerText()).not.toMatch(/[{}]|ASSESSED|TASK_ASSIGNED|beneficiary\.birthDate/);
        expect(await page.locator('main').innerText()).not.toMatch(/beneficiary\.birthDate|applicant\.villageCode/);
      } finally {
        await page.context().close();
      }
    },
    LONG_MS,
  );

  it(
    "the citizen's page on a phone: one remaining-time figure, the deadline as a date, what happens next; a ticket typed with spaces is found",
    async () => {
      const context = await browser.newContext({
        baseURL: gateway.url,
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      try {
        await page.goto('/status');
        await page.getByLabel('Nomor tiket').fill(filed.ticketNumber.replace(/_/g, ' ').toLowerCase());
        await page.getByRole('button', { name: 'Cek status' }).click();
        const result = page.getByTestId('status-result');
        await result.waitFor();
        await page.waitForURL(`**/status/${filed.ticketNumber}`);
        const remaining = await result.getByTestId('time-left').innerText();
        // SANTUNAN_ANAK counts 3 months: calendar days (a standard counting working days says "hari kerja")
        expect(remaining).toMatch(/^Sisa \d+ hari$/);
        expect(await result.innerText()).not.toMatch(/\d+,\d+ hari kerja/);
        // the deadline as a date, without the seconds
        await expect(result.getByTestId('status-due').innerText()).resolves.toMatch(/^\w+, \d{1,2} \w+ 20\d\d$/);
        await page.getByTestId('status-next-contact').getByText('Langkah berikutnya', { exact: true }).waitFor();
        // the ticket fits the phone
        await expect(insideWidth(result.getByTestId('status-ticket'), PHONE.width)).resolves.toEqual({ left: 0, right: 0 });
        expect(await overflowing(page)).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, 'citizen-status.png'), fullPage: true });
      } finally {
        await context.close();
      }
    },
    LONG_MS,
  );

  it(
    'the filing form keeps a half-typed draft across a reload, fills birth date and sex from the NIK, and asks before leaving',
    async () => {
      const page = await openPage(browser, gateway.url, problems, LAPTOP);
      try {
        await page.goto('/login');
        await logIn(page, fo.username, fo.password);
        await page.screenshot({ path: path.join(SHOTS, 'front-office-home.png'), fullPage: true });
        await page.goto('/intake/new');
        await page.getByRole('heading', { name: 'Ajukan Permohonan', exact: true }).waitFor();
        await choose(page, 'Jenis layanan', 'SANTUNAN_ANAK');
        const p = family();
        const applicant = page.getByTestId('person-applicant');
        await applicant.getByLabel('NIK').fill(p.applicant.nik);
        // day 51 = a woman born on the 11th: 11 Feb 1988
        await eventually(async () => expect(await applicant.getByLabel('Tanggal lahir').inputValue()).toBe('11-02-1988'), {
          timeoutMs: 5000,
        });
        await applicant.getByText('Perempuan', { exact: true }).waitFor();
        expect(await applicant.getByRole('radio', { name: 'Perempuan' }).isChecked()).toBe(true);
        await applicant.getByLabel('Nama lengkap').fill(p.applicant.name);

        // an accidental click elsewhere asks first
        await page.getByRole('menuitem', { name: 'Antrean Permohonan', exact: true }).click();
        await page.locator('.ant-modal-confirm-title').getByText('Ada isian yang belum disimpan').waitFor();
        await page.getByRole('button', { name: 'Tetap di sini' }).click();
        expect(new URL(page.url()).pathname).toBe('/intake/new');

        // the draft outlives a reload (an expired session, a closed tab)
        await page.reload();
        await page.getByRole('heading', { name: 'Ajukan Permohonan', exact: true }).waitFor();
        await page.getByText('Draf yang belum selesai dipulihkan', { exact: false }).waitFor();
        await expect(page.getByTestId('person-applicant').getByLabel('Nama lengkap').inputValue()).resolves.toBe(p.applicant.name);
        await expect(page.getByTestId('person-applicant').getByLabel('NIK').inputValue()).resolves.toBe(p.applicant.nik);
        await page.getByRole('button', { name: 'Buang draf' }).click();
        // the form empties: back to choosing a service (the applicant's fields come with it), nothing typed is left
        await page.getByText('Draf yang belum selesai dipulihkan', { exact: false }).waitFor({ state: 'detached' });
        const name = page.getByTestId('person-applicant').getByLabel('Nama lengkap');
        if (await name.count()) expect(await name.inputValue()).toBe('');
        expect(await page.locator('main').innerText()).not.toContain(p.applicant.name);
        expect(
          await page.evaluate(() => Object.keys({ ...window.localStorage }).filter((k: string) => k.startsWith('sigap.draft.'))),
        ).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    LONG_MS,
  );

  it('has no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
