// The front office's paper trail in headless Chromium (issue 11), against the real gateway and
// intake processes, Postgres and NATS, at the sizes their users work at: the admin keeps the
// agency's contact data (1366×800); the front office sees warnings while filing and after, prints
// the list of what a returned file misses, completes it without retyping and prints the receipt
// (1366×800, and as printed: only the sheet); the citizen's status page on a phone says what
// happens next and whom to contact (390×844); the audit page tells these acts in sentences, with
// filters and the raw record folded away.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '#testing';
import { agencyAdmin, agencyAdminPassword, Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { choose, launchBrowser, logIn, openPage, staffAccount } from './support.js';

const LONG_MS = 120_000;
const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const SHOT_RECEIPT = '/tmp/sigap-receipt.png';
const SHOT_STATUS_PHONE = '/tmp/sigap-status-phone.png';
const SHOT_AUDIT = '/tmp/sigap-audit.png';
const PDF_MISSING = '/tmp/sigap-missing-list.pdf';

/** A Banjarnegara family whose NIKs fit their birth dates; the applicant's NIK may come from elsewhere. */
function family(applicantDistrict = '330401') {
  const s = String(randomInt(1000, 9999));
  return {
    applicant: {
      nik: `${applicantDistrict}510288${s}`,
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

function body(p: ReturnType<typeof family>, documents: string[]) {
  return {
    agencyCode: '33.04',
    serviceCode: 'SANTUNAN_ANAK',
    channel: 'FRONT_OFFICE',
    applicant: {
      nik: p.applicant.nik,
      kkNumber: p.applicant.kk,
      name: p.applicant.name,
      birthDate: p.applicant.birthDate,
      sex: 'F',
      address: p.applicant.address,
      villageCode: p.applicant.village,
    },
    beneficiary: { nik: p.child.nik, name: p.child.name, birthDate: p.child.birthDate, sex: 'M' },
    targetGroup: 'ANAK_TERLANTAR',
    documents: documents.map((type) => ({ type })),
  };
}

/** Picks an option of a long, searchable select by typing (its list is virtual: far options are not rendered until found). */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

const CONTACT = {
  address: 'Jl. Letjend Suprapto No. 1, Banjarnegara',
  phone: '(0286) 591234',
  hours: 'Senin–Kamis 07.30–15.30, Jumat 07.30–11.00',
};

describe('the paper trail of the front office, the contact data and the audit trail, in the browser', () => {
  let gateway: RunningApp;
  let intake: RunningApp;
  let browser: Browser;
  let admin: Api;
  let fo: { username: string; password: string; api: Api };
  const problems: string[] = [];
  let returnedId = '';
  let ticket = '';
  let openChild: ReturnType<typeof family>;

  beforeAll(async () => {
    browser = await launchBrowser();
    // patient: on a machine shared by several suites a gateway took over a minute to start
    gateway = await startGateway({}, 180_000);
    intake = await startApp('intake', {}, 180_000);
    admin = await new Api(gateway.url).session('admin', testAdminPassword());
    fo = await staffAccount(admin, '33.04', ['FRONT_OFFICE'], 'Rina Front Office');
    await agencyAdmin(gateway.url, '33.04');
    // an open application of a child, for the duplicate warning
    openChild = family();
    const open = await fo.api.post('/api/v1/applications', body(openChild, ['KTP', 'KK', 'SURAT_PERMOHONAN']));
    if (open.status !== 201 || open.body.status !== 'REGISTERED')
      throw new Error(`filing failed: ${open.status} ${JSON.stringify(open.body)}`);
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([intake?.stop(), gateway?.stop()]);
  });

  const as = async (username: string, password: string, viewport = LAPTOP): Promise<Page> => {
    const page = await openPage(browser, gateway.url, problems, viewport);
    await page.goto('/login');
    await logIn(page, username, password);
    return page;
  };

  it(
    "lets the agency's admin set its address, phone and office hours (Administrasi → Data Instansi)",
    async () => {
      const page = await as('adm.33.04', agencyAdminPassword('33.04'));
      await page.getByRole('menuitem', { name: 'Administrasi', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Data Instansi', exact: true }).click();
      await page.waitForURL('**/admin/agency');
      // the stored data (none yet) is in before anything is typed
      await page.getByTestId('agency-updated').waitFor();
      await page.getByLabel('Alamat kantor').fill(CONTACT.address);
      await page.getByLabel('Telepon').fill(CONTACT.phone);
      await page.getByLabel('Jam layanan').fill(CONTACT.hours);
      await page.getByRole('button', { name: /Simpan/ }).click();
      await page.getByText('Data instansi disimpan.').waitFor();
      await page.getByTestId('agency-updated').getByText('Terakhir diubah oleh adm.33.04', { exact: false }).waitFor();
      const saved = await (await agencyAdmin(gateway.url, '33.04')).get('/api/v1/agencies/33.04/contact');
      expect(saved.body).toMatchObject({ address: CONTACT.address, phone: CONTACT.phone, officeHours: CONTACT.hours });
      await page.context().close();
    },
    LONG_MS,
  );

  it(
    'warns the front office, before and after filing, of the same child’s open application and a NIK from outside the agency',
    async () => {
      const page = await as(fo.username, fo.password);
      await page.goto('/intake/new');
      await choose(page, 'Jenis layanan', 'SANTUNAN_ANAK');
      const p = family('357501'); // the applicant's NIK was issued in Kota Pasuruan
      for (const doc of ['KTP', 'Kartu Keluarga (KK)', 'Surat permohonan'])
        await page.getByTestId('requirements').getByLabel(doc, { exact: true }).check();
      await page.getByLabel('NIK', { exact: true }).fill(p.applicant.nik);
      await page.getByLabel('Nomor KK', { exact: true }).fill(p.applicant.kk);
      await page.getByLabel('Nama lengkap', { exact: true }).fill(p.applicant.name);
      await page.getByLabel('Tanggal lahir', { exact: true }).fill(p.applicant.birthDate);
      await page.locator('[id="applicant_sex"]').getByText('Perempuan').click();
      await page.getByLabel('Alamat', { exact: true }).fill(p.applicant.address);
      await page.getByLabel('Kode desa/kelurahan', { exact: true }).fill(p.applicant.village);
      await page.getByLabel('NIK penerima', { exact: true }).fill(openChild.child.nik);
      await page.getByLabel('Nama penerima', { exact: true }).fill(openChild.child.name);
      await page.getByLabel('Tanggal lahir penerima', { exact: true }).fill(openChild.child.birthDate);
      await page.locator('[id="beneficiary_sex"]').getByText('Laki-laki').click();
      await choose(page, 'Kelompok sasaran', 'Anak terlantar (ANAK_TERLANTAR)');

      const before = page.getByTestId('filing-warnings');
      await before.getByText('Perhatian sebelum mengajukan').waitFor();
      await before
        .getByTestId('warning-OPEN_APPLICATION_SAME_SERVICE')
        .getByText(/^Penerima manfaat sudah memiliki permohonan .+ yang masih berjalan: SANTUNAN_ANAK-33\.04-/)
        .waitFor();
      await before
        .getByTestId('warning-NIK_OUTSIDE_AGENCY')
        .getByText(/^NIK pemohon diterbitkan di Kec\. .+, 35\.75\.01, di luar wilayah instansi ini\.$/)
        .waitFor();
      await before.getByText('Ini peringatan, bukan penolakan').waitFor();

      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
      const outcome = page.getByTestId('filing-outcome');
      await outcome.getByText('Permohonan terdaftar').waitFor();
      const after = outcome.getByTestId('filing-warnings-after');
      await after.getByText('Peringatan saat pengajuan').waitFor();
      expect(await after.getByRole('listitem').count()).toBe(2);
      await page.context().close();
    },
    LONG_MS,
  );

  it(
    'prints the list of what a returned file misses, completes it without retyping, and prints the receipt',
    async () => {
      const p = family();
      const r = await fo.api.post('/api/v1/applications', body(p, ['KTP']));
      expect(r.body.status).toBe('RETURNED');
      returnedId = r.body.applicationId;

      const page = await as(fo.username, fo.password);
      await page.goto(`/intake/applications/${returnedId}`);
      await page.getByTestId('paper-trail').getByRole('button', { name: 'Cetak daftar kekurangan' }).click();
      const missing = page.getByTestId('missing-sheet');
      await missing.getByText('DAFTAR KEKURANGAN BERKAS').waitFor();
      await missing.getByTestId('sheet-missing').getByText('Fotokopi Kartu Keluarga pemohon (Kartu Keluarga (KK))').waitFor();
      await missing.getByText('Dokumen yang sudah diterima: KTP').waitFor();
      await missing.getByTestId('sheet-contact').getByText(CONTACT.phone, { exact: false }).waitFor();
      // on paper only the sheet: the menu, header and buttons are not printed
      await page.emulateMedia({ media: 'print' });
      expect(await missing.isVisible()).toBe(true);
      expect(await page.getByTestId('current-user').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
      await page.pdf({ path: PDF_MISSING, format: 'A4' });
      expect(statSync(PDF_MISSING).size).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('button', { name: 'Kembali ke permohonan' }).click();
      await page.getByTestId('paper-trail').getByRole('button', { name: 'Lengkapi berkas' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Lengkapi berkas yang dikembalikan').waitFor();
      // only one of the two: intake names what is still missing
      await dialog.getByLabel('Kartu Keluarga (KK)').check();
      await dialog.getByRole('button', { name: 'Daftarkan berkas' }).click();
      await dialog.getByText('Berkas masih belum lengkap', { exact: false }).waitFor();
      await dialog.getByLabel('Surat permohonan').check();
      await dialog.getByRole('button', { name: 'Daftarkan berkas' }).click();
      await page.getByTestId('application-status').getByText('Terdaftar').waitFor();
      ticket = (await page.getByRole('heading', { level: 2 }).innerText()).trim();
      expect(ticket).toMatch(/^SANTUNAN_ANAK-33\.04-\d{4}-\d{6}$/);
      await page.getByTestId('application-history').getByText('Dikembalikan (berkas belum lengkap) → Terdaftar').waitFor();

      await page.getByTestId('paper-trail').getByRole('button', { name: 'Cetak tanda terima' }).click();
      const receipt = page.getByTestId('receipt-sheet');
      await receipt.getByText('TANDA TERIMA PERMOHONAN').waitFor();
      expect(await receipt.getByTestId('sheet-ticket').innerText()).toBe(ticket);
      await receipt.getByTestId('sheet-service').getByText('Santunan', { exact: false }).waitFor();
      expect(await receipt.getByTestId('sheet-status-url').innerText()).toBe(`${gateway.url}/status/${ticket}`);
      await expect(receipt.getByTestId('sheet-due').innerText()).resolves.toMatch(/\d{4}/);
      await receipt.getByText('Layanan ini tidak dipungut biaya.').waitFor();
      await page.screenshot({ path: SHOT_RECEIPT, fullPage: true });
      await page.context().close();
    },
    LONG_MS,
  );

  it(
    'tells the citizen on a phone what happens next and whom to contact',
    async () => {
      const std = await new Api(gateway.url).get('/api/v1/services/33.04/SANTUNAN_ANAK');
      const steps = std.body.procedure as Array<{ text: { id: string }; status?: string }>;
      const next = steps[steps.findIndex((s) => s.status === 'REGISTERED') + 1].text.id;

      const page = await openPage(browser, gateway.url, problems, PHONE);
      await page.goto(`/status/${ticket}`);
      const card = page.getByTestId('status-next-contact');
      await card.getByTestId('status-next').getByText(next, { exact: true }).waitFor();
      const contact = card.getByTestId('status-contact');
      await contact.getByText(CONTACT.address).waitFor();
      await contact.getByRole('link', { name: CONTACT.phone }).waitFor();
      expect(await contact.getByRole('link', { name: CONTACT.phone }).getAttribute('href')).toBe('tel:0286591234');
      await contact.getByText(CONTACT.hours).waitFor();
      // on the phone's width, the card does not run off the screen
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: SHOT_STATUS_PHONE, fullPage: true });
      await page.context().close();
    },
    LONG_MS,
  );

  it(
    'tells these acts in sentences on the audit page, filtered by user, action and agency, the raw record folded',
    async () => {
      const page = await as('adm.33.04', agencyAdminPassword('33.04'));
      await page.goto('/admin/audit');
      const filters = page.getByTestId('audit-filters');
      await filters.getByLabel('Pengguna').fill(fo.username);
      await pick(page, 'Tindakan', 'Berkas dilengkapi');
      await choose(page, 'Instansi', '33.04');
      await filters.getByRole('button', { name: 'Terapkan' }).click();
      const table = page.getByTestId('audit-table');
      const sentence = `${fo.username} melengkapi berkas yang dikembalikan; permohonan terdaftar dengan tiket ${ticket}.`;
      await table.getByTestId('audit-sentence').getByText(sentence, { exact: true }).waitFor();
      expect(await table.getByTestId('audit-sentence').count()).toBe(1);
      // no enum codes or JSON in the row; they are in the folded details
      expect(await table.locator('tbody').innerText()).not.toContain('APPLICATION_COMPLETED');
      await table
        .getByRole('button', { name: /Expand row|Perluas baris|Luaskan/i })
        .first()
        .click();
      await table.getByTestId('audit-details').getByText('APPLICATION_COMPLETED', { exact: false }).waitFor();

      await filters.getByRole('button', { name: 'Hapus filter' }).click();
      await pick(page, 'Tindakan', 'Kontak instansi diubah');
      await filters.getByRole('button', { name: 'Terapkan' }).click();
      await table
        .getByTestId('audit-sentence')
        .getByText('adm.33.04 mengubah data kontak instansi 33.04.', { exact: true })
        .first()
        .waitFor();
      await page.screenshot({ path: SHOT_AUDIT, fullPage: true });
      expect(problems).toEqual([]);
      await page.context().close();
    },
    LONG_MS,
  );
});
