// The verifier's registry pages in headless Chromium, against the real gateway AND the real
// verification service (compiled, as processes), a real Postgres and NATS: upload a DTSEN
// (dahulu DTKS) export of Kota Pontianak through the page, watch the import finish, read the
// rejected rows, upload the next export and read the snapshot diff, look a person up. Then,
// with intake beside them: an application filed at the front office becomes a case; the
// verifier assesses it (each rule's outcome and evidence), a second filing for the same child
// names the first as a duplicate, and the TRC field task is assigned and its visit recorded.
// What is asserted is what a user sees; Playwright's locators wait, no fixed sleeps.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { getVillages } from 'idn-area-data';
import type { Browser, Page } from 'playwright-core';
import { eventually, startApp, type RunningApp } from '#testing';
import { agencyAdmin, Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { choose, launchBrowser, logIn, openPage, staffAccount } from './support.js';

const DIR = path.join('/tmp', `sigap-dashboard-registry-${process.pid}`);
const SHOT_IMPORT = '/tmp/sigap-registry-import.png';
const SHOT_DIFF = '/tmp/sigap-registry-diff.png';
const SHOT_CASE = '/tmp/sigap-case.png';

interface Row {
  nik: string;
  no_kk: string;
  nama: string;
  tanggal_lahir: string;
  jenis_kelamin: string;
  alamat: string;
  kode_desa: string;
  desil: string;
  program: string;
}

const HEADER: (keyof Row)[] = ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa', 'desil', 'program'];
const csv = (rows: Row[]) => [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => r[h]).join(','))].join('\n') + '\n';

/** Residents of Kota Pontianak (61.71) whose NIKs agree with their district, birth date and sex. */
async function residents(n: number): Promise<Row[]> {
  const villages = (await getVillages()).filter((v) => v.code.startsWith('61.71.')).map((v) => v.code);
  const serial = randomInt(1000, 9000);
  return Array.from({ length: n }, (_, i) => {
    const village = villages[i % villages.length];
    const female = i % 2 === 1;
    const day = 10 + i;
    const district = village.slice(0, 8).replace(/\./g, '');
    return {
      nik: `${district}${female ? day + 40 : day}0385${serial + i}`,
      no_kk: `${district}0101${String(serial).padStart(6, '0')}`,
      nama: `Warga Pontianak ${i + 1}`,
      tanggal_lahir: `1985-03-${day}`,
      jenis_kelamin: female ? 'P' : 'L',
      alamat: `Jl. Gajah Mada No. ${i + 1}`,
      kode_desa: village,
      desil: String((i % 4) + 1),
      program: i === 0 ? 'PKH;BPNT' : '',
    };
  });
}

describe('verifier pages: the registry (DTSEN, dahulu DTKS)', () => {
  let gateway: RunningApp;
  let verification: RunningApp | undefined;
  let intake: RunningApp | undefined;
  let fo: { username: string; password: string; api: Api };
  let trc: { username: string; password: string; api: Api };
  let browser: Browser;
  let page: Page;
  let verifier: { username: string; password: string; api: Api };
  const problems: string[] = [];
  let people: Row[] = [];
  const first = path.join(DIR, 'dtsen-pontianak-2026-q3.csv');
  const second = path.join(DIR, 'dtsen-pontianak-2026-q4.csv');

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    browser = await launchBrowser();
    // generous start-up times: on a loaded machine the apps take ~60 s to answer /health
    gateway = await startGateway({}, 150000);
    [verification, intake] = await Promise.all([startApp('verification', {}, 150000), startApp('intake', {}, 150000)]);
    const admin = await new Api(gateway.url).session('admin', testAdminPassword());
    verifier = await staffAccount(admin, '61.71', ['VERIFIER'], 'Andi TRC');
    fo = await staffAccount(admin, '33.04', ['FRONT_OFFICE'], 'Rina Front Office');
    // the head of the section, who also goes out with the TRC: only a HEAD or an ADMIN assigns field tasks
    trc = await staffAccount(admin, '33.04', ['VERIFIER', 'HEAD'], 'Bayu TRC Banjarnegara');
    page = await openPage(browser, gateway.url, problems);

    people = await residents(6);
    const bad: Row[] = [
      { ...people[0], nik: '6171011234', nama: 'NIK Pendek' },
      { ...people[1], nik: `${people[1].nik.slice(0, -4)}9999`, jenis_kelamin: 'X', nama: 'Jenis Kelamin Salah' },
      { ...people[2], nik: `${people[2].nik.slice(0, -4)}9998`, kode_desa: '33.04.01.2001', nama: 'Di Luar Wilayah' },
    ];
    writeFileSync(first, csv([...people, ...bad]));
    // the next quarter: person 6 left, a newcomer, person 2 moved up a decile and changed address
    const newcomer = (await residents(8))[7];
    writeFileSync(
      second,
      csv([...people.slice(0, 5).map((p, i) => (i === 1 ? { ...p, desil: '9', alamat: 'Jl. Tanjungpura No. 7' } : p)), newcomer]),
    );
  }, 420000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([verification?.stop(), intake?.stop(), gateway?.stop()]);
  });

  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });

  async function uploadThroughPage(file: string) {
    await page.goto('/verification/registry');
    await heading('DTSEN (dahulu DTKS)').waitFor();
    await page.getByLabel('Berkas ekspor').setInputFiles(file);
    await page.getByRole('button', { name: 'Unggah untuk 61.71' }).click();
    // the gateway answers once verification has read the file's header: on a busy machine that takes a while
    const refused = page.getByTestId('upload-error');
    await Promise.race([page.waitForURL('**/verification/registry/imports/*', { timeout: 60000 }), refused.waitFor({ timeout: 60000 })]);
    if (await refused.count()) throw new Error(`the upload was refused: ${await refused.innerText()}`);
    await heading(`Impor ${path.basename(file)}`).waitFor();
    // the page follows the import until it is done
    await page.getByTestId('import-status').getByText('Selesai').waitFor({ timeout: 30000 });
  }

  it('uploads an export through the page, follows the import to its end and reports every rejected row', async () => {
    await page.goto('/login');
    await logIn(page, verifier.username, verifier.password);
    await menuItem('Verifikasi').click();
    await menuItem('Impor DTSEN (dahulu DTKS)').click();
    await page.waitForURL('**/verification/registry');
    await uploadThroughPage(first);

    const stat = (title: string) => page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
    await expect(stat('Baris dibaca').innerText()).resolves.toBe('9');
    await expect(stat('Baris diterima').innerText()).resolves.toBe('6');
    await expect(stat('Baris ditolak').innerText()).resolves.toBe('3');
    const report = page.getByTestId('row-errors');
    await report.getByText('Laporan baris ditolak (3)').waitFor();
    // each row's rule in Indonesian (the import states it in English: "jenis_kelamin must be L or P")
    await report.getByText('harus L atau P', { exact: true }).waitFor();
    await page.screenshot({ path: SHOT_IMPORT, fullPage: true });
    // row numbers as the report gives them: the NIK row first (7 or 8, by whether the header counts), then the next two
    const rowOf = async (field: string) =>
      Number(
        await report
          .getByRole('row')
          .filter({ has: page.getByText(field, { exact: true }) })
          .getByRole('cell')
          .first()
          .innerText(),
      );
    const nikRow = await rowOf('nik');
    expect([7, 8]).toContain(nikRow);
    expect([await rowOf('jenis_kelamin'), await rowOf('kode_desa')]).toEqual([nikRow + 1, nikRow + 2]);
    await report.getByText('harus 16 digit angka', { exact: true }).waitFor();
    await report.getByText(/^33\.04\.01\.2001 di luar wilayah instansi/).waitFor();
    expect(await report.innerText()).not.toMatch(/must be|is outside/);

    // the agency's first snapshot replaced nothing: its page says what it brought, not "Snapshot tidak ditemukan" (issue 11)
    await page.getByRole('button', { name: 'Lihat perubahan snapshot' }).first().click();
    await page.waitForURL('**/verification/registry/snapshots/*');
    await page.getByTestId('first-snapshot').getByText('Snapshot pertama ini membawa 6 orang baru ke DTSEN instansi.').waitFor();
    expect(await page.getByText('Snapshot tidak ditemukan').count()).toBe(0);

    // the import is listed on the registry page
    await page.goto('/verification/registry');
    const listed = page
      .getByRole('row')
      .filter({ hasText: path.basename(first) })
      .first();
    await listed.getByText('Selesai').waitFor();
    await listed.getByText(verifier.username).waitFor();
  }, 120000);

  it('imports the next export and shows the snapshot diff: added, removed, changed with before → after', async () => {
    await uploadThroughPage(second);
    await page.getByRole('button', { name: 'Lihat perubahan snapshot' }).click();
    await page.waitForURL('**/verification/registry/snapshots/*');
    await heading('Perubahan snapshot').waitFor();
    const counts = page.getByTestId('diff-counts');
    const count = (title: string) => counts.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
    await expect(count('Ditambahkan').innerText()).resolves.toBe('1');
    await expect(count('Dihapus').innerText()).resolves.toBe('1');
    await expect(count('Berubah').innerText()).resolves.toBe('1');

    const row = (nik: string) => page.getByRole('row').filter({ hasText: nik });
    await row(people[5].nik).getByText('Dihapus').waitFor();
    await row(people[1].nik).getByText('Berubah').waitFor();
    await row(people[1].nik).getByText('Jl. Tanjungpura No. 7').waitFor();
    await row(people[1].nik).getByText(people[1].alamat, { exact: true }).waitFor();
    await page.screenshot({ path: SHOT_DIFF, fullPage: true });

    await page.locator('.ant-segmented').getByText('Berubah', { exact: true }).click();
    await page.getByText('1 entri').waitFor();
    expect(await row(people[5].nik).count()).toBe(0);

    // the list of snapshots: the newest is current
    await menuItem('Snapshot DTSEN').click();
    await heading('Snapshot DTSEN (dahulu DTKS)').waitFor();
    await page.getByRole('row').nth(1).getByText('Berlaku').waitFor();
  }, 120000);

  it('looks a person up by NIK in the current snapshot: decile, programmes, and the row that says so', async () => {
    await menuItem('Cari NIK / KK').click();
    await heading('Cari di DTSEN (dahulu DTKS)').waitFor();
    await page.getByLabel('NIK atau nomor KK (16 digit)').fill(people[0].nik);
    await page.getByRole('button', { name: 'Cari' }).click();
    const card = page.getByTestId('registry-person');
    await card.getByText(people[0].nama).waitFor();
    await card.getByText('PKH', { exact: true }).waitFor();
    await card.getByText('BPNT', { exact: true }).waitFor();
    // the first person of the file (row 1 after the header, or line 2 counting it)
    await card.getByText(/baris [12]$/).waitFor();

    // a person who left the area is not in the current snapshot
    await page.getByLabel('NIK atau nomor KK (16 digit)').fill(people[5].nik);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByText('NIK tidak terdaftar di snapshot DTSEN yang berlaku.').waitFor();
  }, 120000);

  /** A SANTUNAN_ANAK filing of Banjarnegara for `child` (NIKs that fit: area 33.04.01, a woman's day + 40). */
  async function file(child: { nik: string; name: string }) {
    const s = String(randomInt(1000, 9999));
    const r = await fo.api.post('/api/v1/applications', {
      agencyCode: '33.04',
      serviceCode: 'SANTUNAN_ANAK',
      channel: 'FRONT_OFFICE',
      applicant: {
        nik: `330401510288${s}`,
        kkNumber: `330401010120${s}`,
        name: `Siti Aminah ${s}`,
        birthDate: '1988-02-11',
        sex: 'F',
        address: 'Jl. Letjend Karjono 1',
        villageCode: '33.04.01.2001',
      },
      beneficiary: { nik: child.nik, name: child.name, birthDate: '2019-05-02', sex: 'M' },
      targetGroup: 'ANAK_TERLANTAR',
      documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
    });
    expect([r.status, r.body.status]).toEqual([201, 'REGISTERED']);
    return r.body as { applicationId: string; ticketNumber: string };
  }

  it('shows a case with each rule, names the duplicate, and records the TRC visit of its field task', async () => {
    const child = { nik: `330401020519${randomInt(1000, 9999)}`, name: `Budi ${randomInt(100, 999)}` };
    const firstApp = await file(child);
    const second = await file(child);
    // verification opens a case for each (from intake's event)
    const caseOf = async (applicationId: string) =>
      eventually(
        async () => {
          const r = await trc.api.get(`/api/v1/verification/applications/${applicationId}/case`);
          expect(r.status).toBe(200);
          return r.body as { caseId: string };
        },
        { timeoutMs: 30000 },
      );
    const [c1, c2] = [await caseOf(firstApp.applicationId), await caseOf(second.applicationId)];

    const officer = await openPage(browser, gateway.url, problems);
    try {
      await officer.goto('/login');
      await logIn(officer, trc.username, trc.password);
      await officer.getByRole('menuitem', { name: 'Verifikasi', exact: true }).click();
      await officer.getByRole('menuitem', { name: 'Kasus Verifikasi', exact: true }).click();
      await officer.getByRole('heading', { name: 'Kasus Verifikasi', exact: true }).waitFor();
      await officer.getByRole('link', { name: firstApp.ticketNumber }).click();
      await officer.waitForURL(`**/verification/cases/${c1.caseId}`);
      await officer.getByRole('heading', { name: `Verifikasi ${firstApp.ticketNumber}` }).waitFor();
      await officer.getByRole('button', { name: /Nilai kelayakan|Nilai ulang/ }).click();
      await officer.getByText('Kelayakan telah dinilai.').waitFor();
      const rules = officer.getByTestId('case-rules');
      const rule = (label: string) => rules.getByRole('row').filter({ hasText: label });
      await rule('Usia penerima manfaat').getByText('Lolos', { exact: true }).waitFor();
      await rule('Usia penerima manfaat')
        .getByText(/di bawah 18 tahun/)
        .waitFor();
      await officer.screenshot({ path: SHOT_CASE, fullPage: true });
      await rule('Usia penerima manfaat').getByText('tanggal lahir penerima: 2 Mei 2019').waitFor();
      await rule('Berdomisili di wilayah instansi').getByText('desa/kelurahan pemohon: 33.04.01.2001').waitFor();
      // not in the registry and no SKTM in the file: the rule says so
      await rule('Terdaftar di DTSEN (dahulu DTKS) atau ber-SKTM').getByText('Tidak lolos', { exact: true }).waitFor();
      await rule('Terdaftar di DTSEN (dahulu DTKS) atau ber-SKTM')
        .getByText(/tidak ada SKTM/)
        .waitFor();

      // the second filing for the same child names the first
      await officer.goto(`/verification/cases/${c2.caseId}`);
      await officer.getByRole('button', { name: /Nilai kelayakan|Nilai ulang/ }).click();
      await officer.getByText('Kelayakan telah dinilai.').waitFor();
      const dups = officer.getByTestId('case-duplicates');
      // (other files of the suite may have filed for the same child too: the first is among them)
      await dups.getByText('Permohonan lain yang masih berjalan').first().waitFor();
      await dups.getByRole('link', { name: firstApp.ticketNumber }).waitFor();
      await rule('Tidak ganda')
        .getByText(/Tidak lolos|Perlu ditinjau/)
        .waitFor();

      // the first case's TRC task: assign to myself (a head), record the visit
      await officer.goto(`/verification/cases/${c1.caseId}`);
      const task = officer.getByTestId('task-TRC');
      await task.getByRole('button', { name: 'Tugaskan' }).click();
      const assign = officer.getByRole('dialog', { name: 'Tugaskan petugas: Tim Reaksi Cepat (TRC)' });
      // picked from the agency's active verifiers, by name (issue 11), not typed
      await choose(officer, 'Petugas', `Bayu TRC Banjarnegara (${trc.username})`);
      await assign.getByRole('button', { name: 'Tugaskan' }).click();
      await officer.getByText(`Tugas diberikan kepada Bayu TRC Banjarnegara (${trc.username}).`).waitFor();
      await task.getByText(`Petugas: ${trc.username}`, { exact: false }).waitFor();

      await task.getByRole('button', { name: 'Catat kunjungan' }).click();
      const visit = officer.getByRole('dialog', { name: 'Catat kunjungan: Tim Reaksi Cepat (TRC)' });
      await visit.getByText('Layak', { exact: true }).click();
      await visit.getByLabel('Temuan lapangan').fill('Anak tinggal bersama nenek, tidak bersekolah; rumah tidak layak huni.');
      await visit.getByLabel('Lintang').fill('-7.39710');
      await visit.getByLabel('Bujur').fill('109.69630');
      await visit.getByLabel('Lampiran').fill('FOTO-TRC-2026-0042');
      await visit.getByRole('button', { name: 'Simpan kunjungan' }).click();
      await officer.getByText('Kunjungan dicatat.').waitFor();
      const recorded = task.getByTestId('visit');
      await recorded.getByText('Anak tinggal bersama nenek', { exact: false }).waitFor();
      await recorded.getByText(/-7\.39710, 109\.69630/).waitFor();
      await recorded.getByText('Lampiran: FOTO-TRC-2026-0042').waitFor();
      await task.getByText('Selesai', { exact: true }).waitFor();

      // the officer's own tasks list it, done
      await officer.getByRole('menuitem', { name: 'Tugas Lapangan', exact: true }).click();
      await officer.getByRole('heading', { name: 'Tugas Verifikasi Lapangan', exact: true }).waitFor();
      await officer.getByRole('combobox', { name: 'Status kasus' }).click();
      await officer.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Selesai' }).click();
      await officer.getByRole('link', { name: firstApp.ticketNumber }).waitFor();

      // the second case: not eligible, with a reason written for the applicant, who reads it on the public page
      await officer.goto(`/verification/cases/${c2.caseId}`);
      const task2 = officer.getByTestId('task-TRC');
      // a task with no officer is not answered: the head assigns it first (issue 11)
      await task2.getByTestId('task-no-officer').waitFor();
      expect(await task2.getByRole('button', { name: 'Catat kunjungan' }).count()).toBe(0);
      await task2.getByRole('button', { name: 'Tugaskan' }).click();
      await choose(officer, 'Petugas', `(${trc.username})`);
      await officer
        .getByRole('dialog', { name: 'Tugaskan petugas: Tim Reaksi Cepat (TRC)' })
        .getByRole('button', { name: 'Tugaskan' })
        .click();
      await task2.getByRole('button', { name: 'Catat kunjungan' }).click();
      const visit2 = officer.getByRole('dialog', { name: 'Catat kunjungan: Tim Reaksi Cepat (TRC)' });
      await visit2.getByText('Tidak layak', { exact: true }).click();
      await visit2.getByLabel('Temuan lapangan').fill('Anak sudah diasuh panti milik pemerintah sejak Oktober.');
      await visit2.getByLabel('Alasan untuk pemohon').fill('Anak sudah mendapat pengasuhan yang dibiayai pemerintah.');
      await visit2.getByRole('button', { name: 'Simpan kunjungan' }).click();
      await officer.getByText('Kunjungan dicatat.').waitFor();
      const citizen = await openPage(browser, gateway.url, problems);
      try {
        await eventually(
          async () => {
            await citizen.goto(`/status/${second.ticketNumber}`);
            await citizen.getByText('Anak sudah mendapat pengasuhan yang dibiayai pemerintah.').waitFor({ timeout: 2000 });
          },
          { timeoutMs: 30000 },
        );
        expect(await citizen.getByText('panti milik pemerintah', { exact: false }).count()).toBe(0);
      } finally {
        await citizen.context().close();
      }
    } finally {
      await officer.context().close();
    }
  }, 180000);

  it('lets a verifier settle a rule that needs review on the case page, and shows why a withdrawn case was closed', async () => {
    // Banjarnegara verifies SANTUNAN_ANAK without a field stage for this test: a rule that needs review is then the verifier's to settle
    const admin33 = await agencyAdmin(gateway.url, '33.04');
    const inForce = (await admin33.get('/api/v1/verification/rules')).body.items.find(
      (r: { serviceCode: string }) => r.serviceCode === 'SANTUNAN_ANAK',
    );
    expect(
      (await admin33.put('/api/v1/verification/rules/SANTUNAN_ANAK', { settings: { ...inForce.settings, fieldStages: [] } })).status,
    ).toBe(200);
    const officer = await openPage(browser, gateway.url, problems);
    try {
      const child = { nik: `330401020519${randomInt(1000, 9999)}`, name: `Sari ${randomInt(100, 999)}` };
      const fileWithSktm = async () => {
        const s = String(randomInt(1000, 9999));
        const r = await fo.api.post('/api/v1/applications', {
          agencyCode: '33.04',
          serviceCode: 'SANTUNAN_ANAK',
          channel: 'FRONT_OFFICE',
          applicant: {
            nik: `330401510288${s}`,
            kkNumber: `330401010120${s}`,
            name: `Siti ${s}`,
            birthDate: '1988-02-11',
            sex: 'F',
            address: 'Jl. Letjend Karjono 1',
            villageCode: '33.04.01.2001',
          },
          beneficiary: { nik: child.nik, name: child.name, birthDate: '2019-05-02', sex: 'M' },
          targetGroup: 'ANAK_TERLANTAR',
          documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }, { type: 'SKTM' }],
        });
        expect([r.status, r.body.status]).toEqual([201, 'REGISTERED']);
        return r.body as { applicationId: string; ticketNumber: string };
      };
      const assessedCase = (applicationId: string) =>
        eventually(
          async () => {
            const r = await trc.api.get(`/api/v1/verification/applications/${applicationId}/case`);
            expect(r.status).toBe(200);
            expect(r.body.history.map((h: { action: string }) => h.action)).toContain('ASSESSED');
            return r.body as { caseId: string; status: string };
          },
          { timeoutMs: 30000 },
        );
      const firstApp = await fileWithSktm();
      const c1 = await assessedCase(firstApp.applicationId);
      const secondApp = await fileWithSktm();
      const c2 = await assessedCase(secondApp.applicationId);

      await officer.goto('/login');
      await logIn(officer, trc.username, trc.password);
      await officer.goto(`/verification/cases/${c2.caseId}`);
      const rules = officer.getByTestId('case-rules');
      const rule = (label: string) => rules.getByRole('row').filter({ hasText: label });
      await rule('Tidak ganda').getByText('Perlu ditinjau', { exact: true }).waitFor();
      await officer.getByTestId('settle-NO_DUPLICATE').click();
      const dialog = officer.getByRole('dialog', { name: 'Putuskan aturan: Tidak ganda' });
      await dialog.getByText('Tidak lolos', { exact: true }).click();
      await dialog.getByRole('button', { name: 'Simpan keputusan' }).click();
      // the reason is required, named in Indonesian under its field
      await dialog.getByText('Alasan wajib diisi').waitFor();
      await dialog.getByLabel('Alasan').fill('Anak yang sama sudah diajukan oleh keluarga lain minggu ini.');
      await dialog.getByRole('button', { name: 'Simpan keputusan' }).click();
      await officer.getByText('Aturan Tidak ganda diputuskan.').waitFor();
      await officer.getByTestId('case-status').getByText('Ditolak', { exact: true }).waitFor();
      await rule('Tidak ganda').getByText('Tidak lolos', { exact: true }).waitFor();
      await officer
        .getByTestId('settlement-NO_DUPLICATE')
        .getByText(`Diputuskan Tidak lolos oleh ${trc.username}`, { exact: false })
        .waitFor();
      expect(await officer.getByTestId('settle-NO_DUPLICATE').count()).toBe(0);

      // the first application is withdrawn at the front office: its case says so, and why
      const w = await fo.api.post(`/api/v1/applications/${firstApp.applicationId}/transitions`, {
        to: 'WITHDRAWN',
        reason: 'Pemohon mencabut',
        publicReason: 'Permohonan dicabut atas permintaan pemohon.',
      });
      expect(w.status).toBe(201);
      await eventually(
        async () => {
          expect((await trc.api.get(`/api/v1/verification/cases/${c1.caseId}`)).body.status).toBe('CLOSED');
        },
        { timeoutMs: 30000 },
      );
      await officer.goto(`/verification/cases/${c1.caseId}`);
      await officer.getByTestId('case-status').getByText('Ditutup', { exact: true }).waitFor();
      const closed = officer.getByTestId('case-closed');
      await closed.getByText('Kasus ditutup karena permohonan ditutup di loket layanan').waitFor();
      await closed.getByText('Kasus ditutup: permohonan dicabut oleh pemohon.').waitFor();
      expect(await officer.getByRole('button', { name: /Nilai kelayakan|Nilai ulang/ }).count()).toBe(0);
    } finally {
      await officer.context().close();
      await admin33.put('/api/v1/verification/rules/SANTUNAN_ANAK', { settings: inForce.settings });
    }
  }, 180000);

  it('has no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
