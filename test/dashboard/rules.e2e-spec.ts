// The eligibility rules page (Aturan Kelayakan) in headless Chromium, against the real gateway,
// verification and intake (compiled, as processes), a real Postgres and NATS: an admin of
// Banjarnegara (33.04) reads SANTUNAN_ANAK's settings, which follow the installation's
// defaults, sets the highest qualifying decile to 4 and adds a programme, and reads the
// agency's own version 1 and the history; a refused value shows under its field; a verifier
// reads the page without an edit button. Files share the database: at the end the agency's
// settings are put back to the installation's defaults through the API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { eventually, startApp, type RunningApp } from '#testing';
import { agencyAdmin, agencyAdminPassword, Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { launchBrowser, logIn, openPage, staffAccount } from './support.js';

const SHOT = '/tmp/sigap-rules.png';
const SERVICE = 'SANTUNAN_ANAK';

interface RulesView {
  serviceCode: string;
  agencyCode: string;
  version: number;
  settings: Record<string, unknown>;
  updatedBy: string;
  updatedAt: string;
}

describe('verifier pages: the eligibility rules (aturan kelayakan)', () => {
  let gateway: RunningApp;
  let verification: RunningApp | undefined;
  let intake: RunningApp | undefined;
  let browser: Browser;
  let page: Page;
  let banjarnegara: Api;
  let adminName: string;
  let verifier: { username: string; password: string; api: Api };
  let frontOffice: { username: string; password: string; api: Api };
  /** SANTUNAN_ANAK as it was in force for 33.04 before the test, and the installation's defaults */
  let before: RulesView;
  let defaults: RulesView;
  let restored = false;
  const problems: string[] = [];

  const inForce = async (api: Api) => {
    const r = await api.get('/api/v1/verification/rules');
    expect(r.status).toBe(200);
    return (r.body.items as RulesView[]).find((i) => i.serviceCode === SERVICE)!;
  };
  const restore = async () => {
    const r = await banjarnegara.put(`/api/v1/verification/rules/${SERVICE}`, { settings: defaults.settings });
    if (r.status !== 200) throw new Error(`restoring the defaults failed: ${r.status} ${JSON.stringify(r.body)}`);
    restored = true;
    return r.body as RulesView;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    // generous start-up times: on a loaded machine the apps take ~60 s to answer /health
    gateway = await startGateway({}, 150000);
    [verification, intake] = await Promise.all([startApp('verification', {}, 150000), startApp('intake', {}, 150000)]);
    const admin = await new Api(gateway.url).session('admin', testAdminPassword());
    banjarnegara = await agencyAdmin(gateway.url, '33.04');
    adminName = (await banjarnegara.get('/api/v1/auth/me')).body.username;
    verifier = await staffAccount(admin, '33.04', ['VERIFIER'], 'Bayu TRC Banjarnegara');
    frontOffice = await staffAccount(admin, '33.04', ['FRONT_OFFICE'], 'Rina Front Office');
    before = await inForce(banjarnegara);
    const versions = await banjarnegara.get(`/api/v1/verification/rules/${SERVICE}/versions`);
    defaults = (versions.body.items as RulesView[]).find((v) => v.agencyCode === '*')!;
    expect(defaults).toBeDefined();
    page = await openPage(browser, gateway.url, problems);
  }, 420000);

  afterAll(async () => {
    // whatever happened above, other files see the installation's defaults
    if (!restored && banjarnegara && defaults) await restore().catch(() => undefined);
    await browser?.close();
    await Promise.all([verification?.stop(), intake?.stop(), gateway?.stop()]);
  });

  const heading = (name: string) => page.getByRole('heading', { name, exact: true });
  const menuItem = (p: Page, name: string) => p.getByRole('menuitem', { name, exact: true });
  const setting = (p: Page, label: string) =>
    p.getByTestId(`rules-${SERVICE}`).getByTestId('rules-settings').getByRole('row').filter({ hasText: label });
  /** the error antd shows under the form field whose input has this id */
  const fieldError = (id: string) =>
    page
      .locator('.ant-form-item')
      .filter({ has: page.locator(`[id="${id}"]`) })
      .locator('.ant-form-item-explain-error');

  it('shows SANTUNAN_ANAK as the installation sets it, in plain words', async () => {
    // a fresh database: Banjarnegara has no settings of its own (verification's tests, when they ran first, leave some)
    const fresh = before.agencyCode === '*';
    await page.goto('/login');
    await logIn(page, adminName, agencyAdminPassword('33.04'));
    await menuItem(page, 'Verifikasi').click();
    await menuItem(page, 'Aturan Kelayakan').click();
    await page.waitForURL('**/verification/rules');
    await heading('Aturan Kelayakan').waitFor();
    const card = page.getByTestId(`rules-${SERVICE}`);
    await card
      .getByTestId('rules-owner')
      .getByText(fresh ? 'Bawaan instalasi' : 'Aturan instansi ini (33.04)', { exact: true })
      .waitFor();
    await card.getByTestId('rules-version').getByText(`Versi ${before.version}`, { exact: true }).waitFor();
    await card.getByText(`Diubah oleh ${before.updatedBy}`, { exact: false }).waitFor();
    await setting(page, 'Desil tertinggi yang memenuhi syarat').getByText('semua', { exact: true }).waitFor();
    await setting(page, 'Usia penerima manfaat di bawah').getByText('18 tahun', { exact: true }).waitFor();
    await setting(page, 'Tahap verifikasi lapangan (berurutan)').getByText('1. Tim Reaksi Cepat (TRC)', { exact: true }).waitFor();
    for (const p of ['PKH', 'BPNT', 'PBI-JK', 'BLT-DD'])
      await setting(page, 'Belum menerima program').getByText(p, { exact: true }).waitFor();
    await setting(page, 'Batas usia per kelompok sasaran').getByText('ANAK_BALITA_TERLANTAR: di bawah 5 tahun', { exact: true }).waitFor();
    // BANSOS_REHSOS has its own card, with its target groups
    await page.getByTestId('rules-BANSOS_REHSOS').getByText('WRSE (perempuan, 18 tahun ke atas)').waitFor();
    expect(await card.getByRole('button', { name: 'Ubah aturan' }).count()).toBe(1);
  }, 120000);

  it("lets the admin set the decile to 4 and add a programme: a refused value shows under its field, the save is the agency's own next version", async () => {
    const expected = before.agencyCode === '33.04' ? before.version + 1 : 1;
    const card = page.getByTestId(`rules-${SERVICE}`);
    await card.getByRole('button', { name: 'Ubah aturan' }).click();
    const drawer = page.getByRole('dialog', { name: /Ubah aturan kelayakan/ });
    await drawer.getByText('Disimpan sebagai versi baru aturan instansi 33.04', { exact: false }).waitFor();

    // the decile: "semua desil" is ticked; unticking it asks for a number the control keeps within 1–10
    const decile = drawer.getByLabel('Desil tertinggi yang memenuhi syarat');
    const anyDecile = drawer.getByRole('checkbox', { name: 'Semua desil' });
    expect(await anyDecile.isChecked()).toBe(true);
    expect(await decile.isDisabled()).toBe(true);
    await anyDecile.uncheck();
    await expect(decile.inputValue()).resolves.toBe('10');
    await decile.fill('12');
    await decile.blur();
    await expect(decile.inputValue()).resolves.toBe('10');
    await decile.fill('4');
    await decile.blur();
    await expect(decile.inputValue()).resolves.toBe('4');

    // a programme code the API refuses (a space): its rule shows under the programmes, in Indonesian
    const programmes = drawer.getByLabel('Belum menerima program');
    await programmes.click();
    await programmes.pressSequentially('bansos daerah');
    await programmes.press('Enter');
    await page.keyboard.press('Escape');
    await drawer.getByRole('button', { name: 'Simpan' }).click();
    await fieldError('notInPrograms').getByText('harus berupa kode program, mis. PKH, BPNT, PBI-JK', { exact: true }).waitFor();
    await drawer
      .getByTestId('rules-error')
      .getByText('Belum menerima program: harus berupa kode program, mis. PKH, BPNT, PBI-JK')
      .waitFor();

    // take it out (Backspace removes the last tag) and add a good one
    await programmes.click();
    await programmes.press('Backspace');
    await programmes.pressSequentially('BANSOS_DAERAH');
    await programmes.press('Enter');
    await page.keyboard.press('Escape');
    await drawer.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Aturan kelayakan ${SERVICE} disimpan sebagai versi ${expected}.`).waitFor();
    await drawer.waitFor({ state: 'hidden' });

    // the card: the agency's own settings, the new version, by this admin
    await card.getByTestId('rules-owner').getByText('Aturan instansi ini (33.04)', { exact: true }).waitFor();
    await card.getByTestId('rules-version').getByText(`Versi ${expected}`, { exact: true }).waitFor();
    await card.getByText(`Diubah oleh ${adminName}`, { exact: false }).waitFor();
    await setting(page, 'Desil tertinggi yang memenuhi syarat').getByText('desil 4', { exact: true }).waitFor();
    await setting(page, 'Belum menerima program').getByText('BANSOS_DAERAH', { exact: true }).waitFor();
    await page.screenshot({ path: SHOT, fullPage: true });

    // what was saved: the two changes, every other key as it was
    const now = await inForce(banjarnegara);
    expect(now).toMatchObject({ agencyCode: '33.04', version: expected, updatedBy: adminName });
    expect(now.settings).toEqual({
      ...defaults.settings,
      maxDecile: 4,
      notInPrograms: [...(defaults.settings.notInPrograms as string[]), 'BANSOS_DAERAH'],
    });

    // the history: the new version on top, the installation's defaults below
    await card.getByRole('button', { name: 'Riwayat versi' }).click();
    const history = page.getByRole('dialog', { name: /Riwayat aturan kelayakan/ }).getByTestId('rules-history');
    const rows = history.locator('.ant-table-row');
    await rows.first().getByText(`v${expected}`, { exact: true }).waitFor();
    await rows.first().getByText('Aturan instansi ini (33.04)').waitFor();
    await rows.first().getByText(adminName, { exact: true }).waitFor();
    await rows.last().getByText('Bawaan instalasi').waitFor();
    await rows.last().getByText('v1', { exact: true }).waitFor();
    expect(await rows.count()).toBe(before.agencyCode === '33.04' ? before.version + 2 : 2);
    // a version opens to its settings
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await history.getByText('desil 4', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
  }, 120000);

  it('applies the programme added on the page to the next assessment, and the case page says so', async () => {
    // a child on BANSOS_DAERAH in Banjarnegara's registry (a file of two: the drop guard is set aside for it)
    const s = String(randomInt(1000, 9999));
    const mother = {
      nik: `330401510288${s}`,
      kkNumber: `330401010120${s}`,
      name: `Siti ${s}`,
      birthDate: '1988-02-11',
      sex: 'F',
      address: 'Jl. Letjend Karjono 1',
      villageCode: '33.04.01.2001',
    };
    const child = { nik: `330401020519${s}`, name: `Dewi ${s}`, birthDate: '2019-05-02', sex: 'M' };
    expect((await banjarnegara.put('/api/v1/registry/settings/33.04', { maxDropPercent: 100 })).status).toBe(200);
    const line = (p: { nik: string; name: string; birthDate: string; sex: string }, program: string) =>
      [p.nik, mother.kkNumber, p.name, p.birthDate, p.sex === 'F' ? 'P' : 'L', mother.address, mother.villageCode, '2', program].join(',');
    const csv =
      ['nik,no_kk,nama,tanggal_lahir,jenis_kelamin,alamat,kode_desa,desil,program', line(mother, ''), line(child, 'BANSOS_DAERAH')].join(
        '\n',
      ) + '\n';
    const form = new FormData();
    form.set('agencyCode', '33.04');
    form.set('file', new Blob([csv]), `dtsen-banjarnegara-${s}.csv`);
    const up = await fetch(`${gateway.url}/api/v1/registry/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${verifier.api.token}` },
      body: form,
    });
    expect(up.status).toBe(202);
    const { importId } = (await up.json()) as { importId: string };
    await eventually(async () => expect((await verifier.api.get(`/api/v1/registry/imports/${importId}`)).body.status).toBe('COMPLETED'), {
      timeoutMs: 60000,
    });

    const filed = await frontOffice.api.post('/api/v1/applications', {
      agencyCode: '33.04',
      serviceCode: SERVICE,
      channel: 'FRONT_OFFICE',
      applicant: mother,
      beneficiary: child,
      targetGroup: 'ANAK_TERLANTAR',
      documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
    });
    expect(filed.status).toBe(201);
    const c = await eventually(
      async () => {
        const r = await verifier.api.get(`/api/v1/verification/applications/${filed.body.applicationId}/case`);
        expect(r.status).toBe(200);
        expect(r.body.history.map((h: { action: string }) => h.action)).toContain('ASSESSED');
        return r.body as { caseId: string; rules: Array<{ rule: string; outcome: string; message: string }> };
      },
      { timeoutMs: 60000 },
    );
    // the programme added on the page, not only the standard's four, excludes the child
    expect(c.rules.find((r) => r.rule === 'NO_NATIONAL_PROGRAMME')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringContaining('BANSOS_DAERAH'),
    });

    await page.goto(`/verification/cases/${c.caseId}`);
    const row = page.getByTestId('case-rules').getByRole('row').filter({ hasText: 'Belum menerima bansos APBN/APBD' });
    await row.getByText('Tidak lolos', { exact: true }).waitFor();
    await row
      .getByText(/BANSOS_DAERAH/)
      .first()
      .waitFor();
  }, 180000);

  it("shows a verifier the agency's settings and their history, without an edit button", async () => {
    const officer = await openPage(browser, gateway.url, problems);
    try {
      await officer.goto('/login');
      await logIn(officer, verifier.username, verifier.password);
      await menuItem(officer, 'Verifikasi').click();
      await menuItem(officer, 'Aturan Kelayakan').click();
      await officer.getByRole('heading', { name: 'Aturan Kelayakan', exact: true }).waitFor();
      const card = officer.getByTestId(`rules-${SERVICE}`);
      await card.getByTestId('rules-owner').getByText('Aturan instansi ini (33.04)', { exact: true }).waitFor();
      await setting(officer, 'Desil tertinggi yang memenuhi syarat').getByText('desil 4', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Riwayat versi' }).waitFor();
      expect(await officer.getByRole('button', { name: 'Ubah aturan' }).count()).toBe(0);
      // and in English (the officer's own context: the choice is remembered in it only)
      await officer.getByText('EN', { exact: true }).click();
      await officer.getByRole('heading', { name: 'Eligibility rules', exact: true }).waitFor();
      await setting(officer, 'Highest qualifying decile').getByText('decile 4', { exact: true }).waitFor();
      await card.getByTestId('rules-owner').getByText("This agency's rules (33.04)", { exact: true }).waitFor();
    } finally {
      await officer.context().close();
    }
  }, 120000);

  it("puts Banjarnegara back on the installation's defaults (files share the database)", async () => {
    const r = await restore();
    expect(r.agencyCode).toBe('33.04');
    expect((await inForce(banjarnegara)).settings).toEqual(defaults.settings);
  });

  it('has no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
