// The front office's pages and the citizens' status page in headless Chromium, against the
// real gateway AND the real intake service (compiled, as processes), a real Postgres and NATS:
// file an application in the form (registered, returned, a bad NIK), find it in the queue,
// read its history, move it, look it up as a citizen, and see an overdue one marked. Intake's
// test clock (SIGAP_CLOCK) files one application in January so that it is overdue today.
// What is asserted is what a user sees; Playwright's locators wait, no fixed sleeps.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { eventually, startApp, type RunningApp } from '#testing';
import { Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { choose, launchBrowser, logIn, openPage, staffAccount } from './support.js';

/** a loaded machine (other suites, builds) may take a while to start a service or run a long page flow */
const STARTUP_MS = 60000;
const LONG_MS = 120000;
const SHOT_STATUS = '/tmp/sigap-status.png';
const SHOT_STATUS_EN = '/tmp/sigap-status-en.png';
const SHOT_FORM = '/tmp/sigap-filing-form.png';
const SHOT_QUEUE = '/tmp/sigap-queue.png';
const SHOT_APPLICATION = '/tmp/sigap-application.png';
const SHOT_QUEUE_OVERDUE = '/tmp/sigap-queue-overdue.png';

/** A Banjarnegara family whose NIKs fit their birth dates (area 33.04.01; a woman's day + 40). */
function family() {
  const s = String(randomInt(1000, 9999));
  return {
    applicant: {
      nik: `330401510288${s}`,
      kk: `330401010120${s}`,
      name: `Siti Aminah ${s}`,
      birthDate: '1988-02-11',
      address: `Jl. Letjend Karjono ${s}`,
      village: '33.04.01.2001',
      phone: '081234567890',
    },
    child: { nik: `330401020519${s}`, name: `Budi Santoso ${s}`, birthDate: '2019-05-02' },
  };
}

describe('front office pages and the public status page', () => {
  let gateway: RunningApp;
  let intake: RunningApp | undefined;
  let browser: Browser;
  let page: Page;
  let admin: Api;
  let fo: { username: string; password: string; api: Api };
  const problems: string[] = [];
  const person = family();
  let ticket = '';
  let overdueTicket = '';

  beforeAll(async () => {
    // one after the other: a failed start must leave nothing running that afterAll cannot stop
    browser = await launchBrowser();
    gateway = await startGateway();
    admin = await new Api(gateway.url).session('admin', testAdminPassword());
    fo = await staffAccount(admin, '33.04', ['FRONT_OFFICE'], 'Rina Front Office');

    // an application filed on Monday 5 January 2026 (3 months: due in April), by intake on its test clock
    const past = await startApp('intake', { SIGAP_CLOCK: '2026-01-05T09:00:00+07:00' }, STARTUP_MS);
    try {
      const old = family();
      const r = await fo.api.post('/api/v1/applications', {
        agencyCode: '33.04',
        serviceCode: 'SANTUNAN_ANAK',
        channel: 'FRONT_OFFICE',
        applicant: {
          nik: old.applicant.nik,
          kkNumber: old.applicant.kk,
          name: old.applicant.name,
          birthDate: old.applicant.birthDate,
          sex: 'F',
          address: old.applicant.address,
          villageCode: old.applicant.village,
        },
        beneficiary: { nik: old.child.nik, name: old.child.name, birthDate: old.child.birthDate, sex: 'M' },
        targetGroup: 'ANAK_TERLANTAR',
        documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
      });
      if (r.status !== 201 || r.body.status !== 'REGISTERED')
        throw new Error(`filing under the test clock failed: ${r.status} ${JSON.stringify(r.body)}`);
      overdueTicket = r.body.ticketNumber;
    } finally {
      await past.stop();
    }
    // from here on, intake runs on the real clock (and sweeps for overdue applications often)
    intake = await startApp('intake', { INTAKE_OVERDUE_SWEEP_MS: '500' }, STARTUP_MS);
    page = await openPage(browser, gateway.url, problems);
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([intake?.stop(), gateway?.stop()]);
  });

  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });
  /** the error antd shows under the form field whose input has this id */
  const fieldError = (id: string) =>
    page
      .locator('.ant-form-item')
      .filter({ has: page.locator(`[id="${id}"]`) })
      .locator('.ant-form-item-explain-error');

  it(
    'has a public status page, linked from the login page, without the staff navigation; an unknown ticket is "not found"',
    async () => {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Warga: cek status permohonan' }).click();
      await page.waitForURL('**/status');
      await heading('Cek Status Permohonan').waitFor();
      expect(await page.getByRole('menuitem').count()).toBe(0);
      expect(await page.getByTestId('current-user').count()).toBe(0);

      await page.getByLabel('Nomor tiket').fill('bukan tiket');
      await page.getByRole('button', { name: 'Cek status' }).click();
      await page.getByText('Format nomor tiket tidak sesuai', { exact: false }).waitFor();

      await page.getByLabel('Nomor tiket').fill('santunan_anak-33.04-2026-999999');
      await page.getByRole('button', { name: 'Cek status' }).click();
      await page.waitForURL('**/status/SANTUNAN_ANAK-33.04-2026-999999');
      await page.getByText('Nomor tiket tidak ditemukan').waitFor();
      await page.getByText('Tidak ada permohonan dengan nomor tiket SANTUNAN_ANAK-33.04-2026-999999.', { exact: false }).waitFor();
      // a deep link with something that is not a ticket number at all says the same
      await page.goto('/status/BUKAN-TIKET');
      await page.getByText('Nomor tiket tidak ditemukan').waitFor();
    },
    LONG_MS,
  );

  it(
    'files a complete application in the form: the ticket number and due time are shown',
    async () => {
      await page.goto('/login');
      await logIn(page, fo.username, fo.password);
      await menuItem('Permohonan').click();
      await menuItem('Ajukan Permohonan').click();
      await page.waitForURL('**/intake/new');
      await heading('Ajukan Permohonan').waitFor();

      await choose(page, 'Jenis layanan', 'SANTUNAN_ANAK');
      // the requirement checklist is the standard's, as data
      const checklist = page.getByTestId('requirements');
      await checklist.getByText('Fotokopi Kartu Tanda Penduduk pemohon').waitFor();
      await checklist.getByText('diperiksa saat verifikasi').waitFor();
      await page.getByText('Waktu penyelesaian: 3 bulan', { exact: false }).waitFor();
      for (const doc of ['KTP', 'Kartu Keluarga (KK)', 'Surat permohonan']) await checklist.getByLabel(doc, { exact: true }).check();
      await fillPeople(page, person);
      await choose(page, 'Kelompok sasaran', 'Anak terlantar (ANAK_TERLANTAR)');
      await tallScreenshot(page, SHOT_FORM);
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();

      const outcome = page.getByTestId('filing-outcome');
      await outcome.getByText('Permohonan terdaftar').waitFor();
      await outcome.getByTestId('filing-status').getByText('Terdaftar').waitFor();
      ticket = (await outcome.getByTestId('ticket-number').innerText()).trim();
      expect(ticket).toMatch(/^SANTUNAN_ANAK-33\.04-\d{4}-\d{6}$/);
      await expect(outcome.getByTestId('filing-due').innerText()).resolves.toMatch(/^Batas waktu penyelesaian: .+\(3 bulan\)$/);
    },
    LONG_MS,
  );

  it(
    'returns an incomplete file with what is missing',
    async () => {
      await page.getByRole('button', { name: 'Ajukan permohonan lain' }).click();
      await choose(page, 'Jenis layanan', 'SANTUNAN_ANAK');
      await page.getByTestId('requirements').getByLabel('KTP', { exact: true }).check();
      await fillPeople(page, family());
      await choose(page, 'Kelompok sasaran', 'Anak terlantar (ANAK_TERLANTAR)');
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();

      const outcome = page.getByTestId('filing-outcome');
      await outcome.getByText('Berkas dikembalikan: persyaratan belum lengkap').waitFor();
      await outcome.getByTestId('filing-status').getByText('Dikembalikan (berkas belum lengkap)').waitFor();
      const missing = outcome.getByTestId('missing-requirements');
      await missing.getByText('Fotokopi Kartu Keluarga pemohon').waitFor();
      await missing.getByText('(SURAT_PERMOHONAN)').waitFor();
      expect(await missing.getByText('Fotokopi Kartu Tanda Penduduk pemohon').count()).toBe(0);
      expect(await outcome.getByTestId('ticket-number').count()).toBe(0);
    },
    LONG_MS,
  );

  it(
    'shows a bad NIK under the NIK field, in Indonesian: the form checks its 16 digits, intake its date of birth',
    async () => {
      await page.getByRole('button', { name: 'Ajukan permohonan lain' }).click();
      await choose(page, 'Jenis layanan', 'SANTUNAN_ANAK');
      for (const doc of ['KTP', 'Kartu Keluarga (KK)', 'Surat permohonan'])
        await page.getByTestId('requirements').getByLabel(doc, { exact: true }).check();
      const p = family();
      await fillPeople(page, p);
      await choose(page, 'Kelompok sasaran', 'Anak terlantar (ANAK_TERLANTAR)');

      await page.getByLabel('NIK', { exact: true }).fill('33040151028');
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
      await fieldError('applicant_nik').getByText('NIK harus 16 digit angka.').waitFor();

      // 16 digits, but its birth date (01-01-90) is not the applicant's (11-02-1988): intake's 400 names applicant.nik,
      // in English ("nik birth date part … does not match …"); the officer reads the field and the rule in Indonesian
      await page.getByLabel('NIK', { exact: true }).fill('3304014101900001');
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
      const rule = 'bagian tanggal lahir (digit 7–12) tidak sesuai dengan tanggal lahir';
      const alert = page.getByTestId('filing-error');
      await alert.getByText('Data permohonan belum benar.').waitFor();
      await alert.getByTestId('field-problems').getByText(`NIK pemohon: ${rule}`).waitFor();
      // the rule is shown under the field it names, too
      await fieldError('applicant_nik').getByText(rule, { exact: true }).waitFor();
      expect(await fieldError('applicant_kkNumber').count()).toBe(0);
      expect(await page.getByTestId('filing-outcome').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toMatch(/does not match|birth date part/);

      // in English, the field's English name and intake's own sentence (value-free: no digits of the NIK)
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('button', { name: 'Register the application' }).click();
      await page
        .getByTestId('filing-error')
        .getByText("Applicant's NIK: birth date part (digits 7–12) does not match the birth date")
        .waitFor();
      await page.getByText('ID', { exact: true }).click();
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).waitFor();
    },
    LONG_MS,
  );

  it(
    'lists the application in the queue with its time left, and its page shows the history and the allowed transitions',
    async () => {
      await menuItem('Antrean Permohonan').click();
      // the refused filing is still on the form (kept as a draft): leaving it asks first
      await page.getByRole('button', { name: 'Tinggalkan' }).click();
      await page.waitForURL('**/intake/applications');
      await heading('Antrean Permohonan').waitFor();
      await page.getByRole('searchbox', { name: 'Cari tiket, nama, NIK atau KK' }).fill(ticket);
      await page.getByRole('searchbox', { name: 'Cari tiket, nama, NIK atau KK' }).press('Enter');
      const row = page.getByTestId(`queue-row-${ticket}`);
      await row.getByText('Terdaftar', { exact: true }).waitFor();
      await row.getByText(person.applicant.name).waitFor();
      await row.getByText(`************${person.applicant.nik.slice(-4)}`, { exact: false }).waitFor();
      await expect(row.getByTestId('time-left').innerText()).resolves.toMatch(/^Sisa \d+ hari/);
      expect(await row.getAttribute('class')).not.toContain('sigap-row-overdue');
      await page.screenshot({ path: SHOT_QUEUE, fullPage: true });

      await row.getByRole('link', { name: ticket }).click();
      await page.waitForURL('**/intake/applications/*');
      await heading(ticket).waitFor();
      await page.getByTestId('application-status').getByText('Terdaftar').waitFor();
      const history = page.getByTestId('application-history');
      await history.getByText('Terdaftar', { exact: true }).waitFor();
      await history.getByText(fo.username, { exact: false }).waitFor();
      // a front office officer may return or withdraw a registered file, not verify it
      const transitions = page.getByTestId('transitions');
      await transitions.getByRole('button', { name: 'Dicabut oleh pemohon' }).waitFor();
      await transitions.getByRole('button', { name: 'Dikembalikan (berkas belum lengkap)' }).waitFor();
      expect(await transitions.getByRole('button', { name: 'Terverifikasi' }).count()).toBe(0);
      await page.screenshot({ path: SHOT_APPLICATION, fullPage: true });
    },
    LONG_MS,
  );

  it(
    'lets a citizen look the ticket up: status, timeline and deadline, and nothing personal; in English too',
    async () => {
      const citizen = await openPage(browser, gateway.url, problems);
      try {
        await citizen.goto('/status');
        await citizen.getByLabel('Nomor tiket').fill(ticket.toLowerCase());
        await citizen.getByRole('button', { name: 'Cek status' }).click();
        await citizen.waitForURL(`**/status/${ticket}`);
        const result = citizen.getByTestId('status-result');
        await result.getByTestId('status-current').getByText('Terdaftar').waitFor();
        await result.getByText('Santunan Anak', { exact: false }).first().waitFor();
        await result.getByText('Dinas Sosial PPPA Kabupaten Banjarnegara').waitFor();
        await result.getByText('3 bulan', { exact: true }).waitFor();
        await expect(result.getByTestId('status-due').innerText()).resolves.toMatch(/20\d\d/);
        await expect(result.getByTestId('time-left').innerText()).resolves.toMatch(/^Sisa \d+ hari/);
        await citizen.getByTestId('status-timeline').getByText('Terdaftar').waitFor();
        const text = await citizen.locator('body').innerText();
        for (const secret of [
          person.applicant.name,
          person.applicant.nik,
          person.applicant.kk,
          person.child.name,
          person.child.nik,
          person.applicant.address,
          fo.username,
        ]) {
          expect(text).not.toContain(secret);
        }
        await citizen.screenshot({ path: SHOT_STATUS, fullPage: true });

        // a deep link works on its own, and English is a click away
        await citizen.goto(`/status/${ticket}`);
        await citizen.getByTestId('status-current').getByText('Terdaftar').waitFor();
        await citizen.getByText('EN', { exact: true }).click();
        await citizen.getByRole('heading', { name: "Check an Application's Status" }).waitFor();
        await citizen.getByTestId('status-current').getByText('Registered').waitFor();
        await citizen.getByTestId('status-next-contact').getByText('What happens next', { exact: true }).waitFor();
        await citizen.getByText('3 months', { exact: true }).waitFor();
        await expect(citizen.getByTestId('time-left').innerText()).resolves.toMatch(/^\d+ days left$/);
        await citizen.getByRole('link', { name: 'Staff login' }).waitFor();
        await citizen.screenshot({ path: SHOT_STATUS_EN, fullPage: true });
        await citizen.getByText('ID', { exact: true }).click();
        await citizen.getByRole('heading', { name: 'Cek Status Permohonan' }).waitFor();
      } finally {
        await citizen.context().close();
      }
    },
    LONG_MS,
  );

  it(
    'moves the application with a reason: the history keeps it, the citizen sees only the public note',
    async () => {
      await page.getByTestId('transitions').getByRole('button', { name: 'Dicabut oleh pemohon' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ubah status menjadi "Dicabut oleh pemohon"' });
      await dialog.getByRole('button', { name: 'Ubah status' }).click();
      await dialog.getByText('Alasan wajib diisi untuk perubahan ini.').waitFor();
      await dialog.getByLabel('Alasan').fill('Pemohon pindah domisili ke Kabupaten Purbalingga');
      await dialog.getByLabel('Keterangan untuk warga').fill('Permohonan dicabut atas permintaan pemohon.');
      await dialog.getByRole('button', { name: 'Ubah status' }).click();
      await page.getByText('Status diubah menjadi "Dicabut oleh pemohon".').waitFor();
      await page.getByTestId('application-status').getByText('Dicabut oleh pemohon').waitFor();
      const history = page.getByTestId('application-history');
      await history.getByText('Terdaftar → Dicabut oleh pemohon').waitFor();
      await history.getByText('Alasan: Pemohon pindah domisili ke Kabupaten Purbalingga').waitFor();
      await page.getByText('Tenggat tidak berjalan').first().waitFor();
      expect(await page.getByTestId('transitions').count()).toBe(0);

      const citizen = await openPage(browser, gateway.url, problems);
      try {
        await citizen.goto(`/status/${ticket}`);
        await citizen.getByTestId('status-current').getByText('Dicabut oleh pemohon').waitFor();
        await citizen.getByTestId('status-timeline').getByText('Permohonan dicabut atas permintaan pemohon.').waitFor();
        expect(await citizen.locator('body').innerText()).not.toContain('Purbalingga');
      } finally {
        await citizen.context().close();
      }
    },
    LONG_MS,
  );

  it(
    'marks an overdue application in the queue, and the citizen sees it is late',
    async () => {
      await page.goto('/intake/applications');
      await heading('Antrean Permohonan').waitFor();
      await page.getByRole('checkbox', { name: 'Terlambat saja' }).check();
      await page.getByRole('searchbox', { name: 'Cari tiket, nama, NIK atau KK' }).fill(overdueTicket);
      await page.getByRole('searchbox', { name: 'Cari tiket, nama, NIK atau KK' }).press('Enter');
      const row = page.getByTestId(`queue-row-${overdueTicket}`);
      await expect(row.getByTestId('time-left').innerText()).resolves.toMatch(/^Terlambat \d+ hari/);
      expect(await row.getByTestId('time-left').getAttribute('data-overdue')).toBe('true');
      expect(await row.getAttribute('class')).toContain('sigap-row-overdue');
      await page.screenshot({ path: SHOT_QUEUE_OVERDUE, fullPage: true });

      // intake's sweep flags it (every 500 ms here), and its page says since when
      await eventually(async () => {
        const r = await fo.api.get(`/api/v1/applications?q=${encodeURIComponent(overdueTicket)}`);
        expect(r.body.items[0]?.overdueFlaggedAt).toEqual(expect.any(String));
      });
      await row.getByRole('link', { name: overdueTicket }).click();
      await heading(overdueTicket).waitFor();
      await page.getByText('Terlambat', { exact: true }).first().waitFor();
      await page.getByText(/^ditandai terlambat /).waitFor();

      const citizen = await openPage(browser, gateway.url, problems);
      try {
        await citizen.goto(`/status/${overdueTicket}`);
        await expect(citizen.getByTestId('time-left').innerText()).resolves.toMatch(/^Terlambat \d+ hari/);
      } finally {
        await citizen.context().close();
      }
    },
    LONG_MS,
  );

  it(
    'shows an admin the calendar of holidays and cuti bersama, and adds and removes a day of collective leave',
    async () => {
      // a weekday of next year that is not a non-working day of the admin's own agency (61) yet:
      // a province's admin sees its regencies' calendars but changes only its own
      const year = new Date().getFullYear() + 1;
      const known = (await admin.get(`/api/v1/calendar/${year}/days?agencyCode=61`)).body as {
        days: { date: string }[];
        workingDayCount: number;
      };
      let date = '';
      for (let d = new Date(Date.UTC(year, 9, 1 + randomInt(0, 20))); !date; d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10);
        if (d.getUTCDay() % 6 !== 0 && !known.days.some((k) => k.date === iso)) date = iso;
      }

      const adminPage = await openPage(browser, gateway.url, problems);
      try {
        await adminPage.goto('/login');
        await logIn(adminPage, 'admin', testAdminPassword());
        await adminPage.getByRole('menuitem', { name: 'Permohonan', exact: true }).click();
        await adminPage.getByRole('menuitem', { name: 'Kalender Hari Kerja', exact: true }).click();
        await adminPage.getByRole('heading', { name: 'Kalender Hari Kerja', exact: true }).waitFor();
        // this year's seeded national holidays and cuti bersama
        await adminPage.getByRole('cell', { name: 'Libur nasional' }).first().waitFor();
        await adminPage.getByRole('cell', { name: 'Cuti bersama' }).first().waitFor();
        await adminPage.getByText('Daftar nasional').first().waitFor();

        await choose(adminPage, 'Instansi', '61 · Dinas Sosial Provinsi Kalimantan Barat');
        await choose(adminPage, 'Tahun', String(year));
        const working = adminPage.locator('.ant-statistic').filter({ hasText: 'Hari kerja' }).locator('.ant-statistic-content');
        await adminPage.getByText(String(known.workingDayCount), { exact: true }).waitFor();

        await adminPage.getByLabel('Tanggal', { exact: true }).fill(date);
        await adminPage.getByLabel('Keterangan', { exact: true }).fill('Cuti bersama uji dasbor');
        await adminPage.getByRole('button', { name: 'Tambah' }).click();
        const row = adminPage.getByRole('row').filter({ has: adminPage.getByTestId(`day-${date}`) });
        await row.getByText('Cuti bersama uji dasbor').waitFor();
        await row.getByText('Cuti bersama', { exact: true }).waitFor();
        await row.getByText('Ditambahkan admin', { exact: false }).waitFor();
        await expect(working.innerText()).resolves.toBe(String(known.workingDayCount - 1));

        await row.getByRole('button', { name: 'Hapus' }).click();
        await adminPage.getByRole('button', { name: 'Ya' }).click();
        await row.waitFor({ state: 'detached' });
        await adminPage.getByText(String(known.workingDayCount), { exact: true }).waitFor();
      } finally {
        await adminPage.context().close();
      }
    },
    LONG_MS,
  );

  it(
    "lets an admin edit a standard in the catalog: the save is the next version, in the standard's history",
    async () => {
      // a standard of the admin's own agency (61) of its own, so that no other test's standard changes
      const base = (await admin.get('/api/v1/services/33.04/SANTUNAN_ANAK')).body;
      const {
        agencyCode: _a,
        agencyName: _n,
        version: _v,
        active: _x,
        deadlineLabel: _l,
        publishedAt: _p,
        benefitAmount: _b,
        ...definition
      } = base;
      const code = `SANTUNAN_DASH${String.fromCharCode(65 + randomInt(0, 26))}${String.fromCharCode(65 + randomInt(0, 26))}${String.fromCharCode(65 + randomInt(0, 26))}`;
      const created = await admin.post('/api/v1/services', { ...definition, code, agencyCode: '61', changeNote: 'Standar uji dasbor' });
      expect(created.status).toBe(201);

      const adminPage = await openPage(browser, gateway.url, problems);
      try {
        await adminPage.goto('/login');
        await logIn(adminPage, 'admin', testAdminPassword());
        await adminPage.goto('/intake/catalog');
        await adminPage.getByRole('heading', { name: 'Standar Pelayanan', exact: true }).waitFor();
        const row = adminPage.getByRole('row').filter({ hasText: code });
        await row.getByText('v1', { exact: false }).waitFor();
        await row.getByText('3 bulan').waitFor();
        await row.getByRole('button', { name: 'Ubah' }).click();

        const drawer = adminPage.getByRole('dialog');
        await drawer.getByText(`Ubah standar ${code} · 61 (versi 1)`).waitFor();
        await drawer.getByLabel('Waktu penyelesaian', { exact: true }).fill('2');
        await drawer.getByLabel('Catatan perubahan').fill('Tenggat dipersingkat menjadi 2 bulan');
        await drawer.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
        await adminPage.getByText(`Standar ${code} disimpan sebagai versi 2.`).waitFor();
        await row.getByText('v2', { exact: false }).waitFor();
        await row.getByText('2 bulan').waitFor();

        await row.getByRole('button', { name: 'Ubah' }).click();
        await adminPage.getByRole('tab', { name: 'Riwayat versi' }).click();
        const versions = adminPage.getByRole('dialog').getByRole('tabpanel');
        await versions.getByRole('row').filter({ hasText: 'v2' }).getByText('Tenggat dipersingkat menjadi 2 bulan').waitFor();
        await versions.getByRole('row').filter({ hasText: 'v1' }).getByText('Standar uji dasbor').waitFor();
      } finally {
        await adminPage.context().close();
      }
      // the API says the same: version 2, deadline 2 months
      expect((await admin.get(`/api/v1/services/61/${code}`)).body).toMatchObject({ version: 2, deadline: { amount: 2, unit: 'MONTHS' } });
    },
    LONG_MS,
  );

  it(
    'lets an admin set the benefit amount in the catalog editor, per target group where it differs; unset until then',
    async () => {
      // a copy of Pasuruan's standard in the admin's own agency (61), so that no other test's standard changes
      const base = (await admin.get('/api/v1/services/35.75/BANSOS_REHSOS')).body;
      const {
        agencyCode: _a,
        agencyName: _n,
        version: _v,
        active: _x,
        deadlineLabel: _l,
        publishedAt: _p,
        benefitAmount: _b,
        benefit: _c,
        ...definition
      } = base;
      const code = `REHSOS_DASH${String.fromCharCode(65 + randomInt(0, 26))}${String.fromCharCode(65 + randomInt(0, 26))}${String.fromCharCode(65 + randomInt(0, 26))}`;
      const created = await admin.post('/api/v1/services', {
        ...definition,
        code,
        agencyCode: '61',
        changeNote: 'Standar uji besaran bantuan',
      });
      expect(created.status).toBe(201);
      expect(created.body.benefitAmount).toMatchObject({ required: true, set: false, amount: null });

      const adminPage = await openPage(browser, gateway.url, problems);
      try {
        await adminPage.goto('/login');
        await logIn(adminPage, 'admin', testAdminPassword());
        await adminPage.goto('/intake/catalog');
        const row = adminPage.getByRole('row').filter({ hasText: code });
        await row.getByTestId(`benefit-unset-61-${code}`).getByText('Belum ditetapkan').waitFor();
        await row.getByRole('button', { name: 'Ubah' }).click();
        const drawer = adminPage.getByRole('dialog');
        const benefit = drawer.getByTestId('catalog-benefit');
        await benefit.getByText('Besaran bantuan', { exact: true }).waitFor();
        // a decimal is refused in the form, in Indonesian, before anything is sent
        await benefit.getByLabel('Besaran bantuan per penerima', { exact: true }).fill('1500000,50');
        await drawer.getByLabel('Catatan perubahan').fill('Besaran bantuan tahun anggaran 2026');
        await benefit.getByLabel('Besaran bantuan per penerima', { exact: true }).fill('1.500.000');
        expect(await benefit.getByLabel('Besaran bantuan per penerima', { exact: true }).inputValue()).toBe('1500000');
        await benefit.getByLabel('Besaran bantuan per penerima DISABILITAS', { exact: true }).fill('2000000');
        await drawer.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
        await adminPage.getByText(`Standar ${code} disimpan sebagai versi 2.`).waitFor();
        await row.getByTestId(`benefit-61-${code}`).getByText('Rp 1.500.000 / Rp 2.000.000').waitFor();

        // emptied again, the amount is unset again (no default takes its place)
        await row.getByRole('button', { name: 'Ubah' }).click();
        await benefit.getByLabel('Besaran bantuan per penerima DISABILITAS', { exact: true }).fill('');
        await benefit.getByLabel('Besaran bantuan per penerima', { exact: true }).fill('0');
        await drawer.getByLabel('Catatan perubahan').fill('Salah ketik');
        await drawer.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
        await benefit.getByText('Tuliskan Rupiah utuh lebih dari 0, tanpa titik atau koma.').waitFor();
        await benefit.getByLabel('Besaran bantuan per penerima', { exact: true }).fill('');
        await drawer.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
        await adminPage.getByText(`Standar ${code} disimpan sebagai versi 3.`).waitFor();
        await row.getByTestId(`benefit-unset-61-${code}`).waitFor();
      } finally {
        await adminPage.context().close();
      }
      // the API: version 2 keeps its amounts as whole-Rupiah strings, version 3 is unset
      const v2 = (await admin.get(`/api/v1/services/61/${code}?version=2`)).body;
      expect(v2.benefit).toEqual({ amount: '1500000', byTargetGroup: [{ targetGroup: 'DISABILITAS', amount: '2000000' }] });
      expect(v2.benefitAmount).toMatchObject({ set: true, unset: [] });
      expect((await admin.get(`/api/v1/services/61/${code}`)).body).toMatchObject({
        version: 3,
        benefit: null,
        benefitAmount: { set: false, amount: null },
      });
    },
    LONG_MS,
  );

  it(
    'shows a Pasuruan citizen the 5 working days ending with the proposal, the decree and payout as their own steps after it',
    async () => {
      const fo3575 = await staffAccount(admin, '35.75', ['FRONT_OFFICE'], 'Dewi Front Office');
      const s = String(randomInt(1000, 9999));
      const r = await fo3575.api.post('/api/v1/applications', {
        agencyCode: '35.75',
        serviceCode: 'BANSOS_REHSOS',
        channel: 'FRONT_OFFICE',
        targetGroup: 'FAKIR_MISKIN',
        applicant: {
          nik: `357501510288${s}`,
          kkNumber: `357501010120${s}`,
          name: `Sulastri ${s}`,
          birthDate: '1988-02-11',
          sex: 'F',
          address: 'Jl. Hayam Wuruk 3',
          villageCode: '35.75.01.1001',
        },
        documents: [{ type: 'KTP' }, { type: 'KK' }],
      });
      expect(r.status).toBe(201);
      const citizen = await openPage(browser, gateway.url, problems);
      try {
        await citizen.goto(`/status/${r.body.ticketNumber}`);
        const within = citizen.getByTestId('status-steps');
        await within.getByTestId('status-step-REGISTERED').waitFor();
        expect(await within.getByTestId('status-step-REGISTERED').getAttribute('data-state')).toBe('CURRENT');
        await within.getByText('Diusulkan kepada Walikota').waitFor();
        await citizen
          .getByTestId('status-deadline-ends')
          .getByText('Batas waktu layanan berakhir pada tahap "Diusulkan kepada Walikota"', { exact: false })
          .waitFor();
        const after = citizen.getByTestId('status-steps-after');
        await after.getByText('Ditetapkan dalam SK Walikota').waitFor();
        await after.getByText('Bantuan disalurkan bersama Lurah').waitFor();
        expect(await within.getByText('Ditetapkan dalam SK Walikota').count()).toBe(0);
        expect(await citizen.locator('body').innerText()).not.toContain('Sulastri');
      } finally {
        await citizen.context().close();
      }
    },
    LONG_MS,
  );

  it('has no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});

/** A full-page screenshot without the sticky header and menu repeated: a window as tall as the page. */
async function tallScreenshot(page: Page, file: string) {
  const size = page.viewportSize()!;
  const height = await page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight,
  );
  await page.setViewportSize({ width: size.width, height });
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
}

async function fillPeople(page: Page, p: ReturnType<typeof family>) {
  await page.getByLabel('NIK', { exact: true }).fill(p.applicant.nik);
  await page.getByLabel('Nomor KK', { exact: true }).fill(p.applicant.kk);
  await page.getByLabel('Nama lengkap', { exact: true }).fill(p.applicant.name);
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(p.applicant.birthDate);
  await page.locator('[id="applicant_sex"]').getByText('Perempuan').click();
  await page.getByLabel('Nomor telepon', { exact: true }).fill(p.applicant.phone);
  await page.getByLabel('Alamat', { exact: true }).fill(p.applicant.address);
  await page.getByLabel('Kode desa/kelurahan', { exact: true }).fill(p.applicant.village);
  await page.getByLabel('NIK penerima', { exact: true }).fill(p.child.nik);
  await page.getByLabel('Nama penerima', { exact: true }).fill(p.child.name);
  await page.getByLabel('Tanggal lahir penerima', { exact: true }).fill(p.child.birthDate);
  await page.locator('[id="beneficiary_sex"]').getByText('Laki-laki').click();
}
