// The field officer's remaining points of issue 11, in headless Chromium and on the API against
// the real gateway, intake and verification: a task says where to go (address, RT/RW, desa,
// kecamatan; the phone only to its officer and the head), a task with no officer is not
// answered, the head assigns it from the agency's verifiers (1366 px), the cases list is
// searched by ticket, name, desa and a whole NIK, and the officer on a 390 px phone takes a
// photo that is stored in the Object Store, named by the visit and opened from the case page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt, randomUUID } from 'node:crypto';
import { getDistricts, getVillages } from 'idn-area-data';
import type { Browser, Page } from 'playwright-core';
import { eventually, startApp, type RunningApp } from '#testing';
import { agencyAdmin, Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { choose, launchBrowser, logIn, openPage, staffAccount } from './support.js';

const STARTUP_MS = 150000;
const LONG_MS = 90000;
const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const VILLAGE = '33.04.01.2001';
const PHONE_NUMBER = '081234567890';
/** a small limit, so that the test's "too large" file is small too */
const MAX_FILE_BYTES = 64 * 1024;
/** the smallest JPEG a browser accepts as one: its start and end markers */
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Staff = { username: string; password: string; api: Api };

/** A Banjarnegara family whose NIKs fit their birth dates (area 33.04.01; a woman's day + 40). */
function family() {
  const s = String(randomInt(1000, 9999));
  return {
    applicant: { nik: `330401510288${s}`, kk: `330401010120${s}`, name: `Sri Rahayu Lestari ${s}` },
    child: { nik: `330401020519${s}`, name: `Bagus Pratama ${s}` },
  };
}

/** A multipart upload of one file to a task, as the visit form sends it. */
async function upload(baseUrl: string, as: Api, taskId: string, name: string, type: string, bytes: Buffer) {
  const form = new FormData();
  form.set('file', new Blob([bytes], { type }), name);
  const res = await fetch(`${baseUrl}/api/v1/verification/tasks/${taskId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${as.token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('the field officer: where to go, who goes, photos of the visit, the cases list searched (issue 11)', () => {
  let gateway: RunningApp;
  let intake: RunningApp | undefined;
  let verification: RunningApp | undefined;
  let browser: Browser;
  let fo: Staff;
  let head: Staff;
  let trc: Staff;
  let other: Staff;
  const people = family();
  let filed: { applicationId: string; ticketNumber: string };
  let caseId = '';
  let taskId = '';
  let villageName = '';
  let districtName = '';
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    gateway = await startGateway({ SIGAP_VISIT_ATTACHMENT_MAX_BYTES: String(MAX_FILE_BYTES) }, STARTUP_MS);
    // one after the other: two services compiling their start together on a busy machine time out
    intake = await startApp('intake', {}, STARTUP_MS);
    verification = await startApp('verification', {}, STARTUP_MS);
    const admin = await new Api(gateway.url).session('admin', testAdminPassword());
    fo = await staffAccount(admin, '33.04', ['FRONT_OFFICE'], 'Rina Front Office');
    head = await staffAccount(admin, '33.04', ['HEAD'], 'Bapak Kepala Bidang');
    trc = await staffAccount(admin, '33.04', ['VERIFIER'], 'Andi TRC');
    other = await staffAccount(admin, '33.04', ['VERIFIER'], 'Budi Verifikator');
    villageName = (await getVillages()).find((v) => v.code === VILLAGE)!.name;
    districtName = (await getDistricts()).find((d) => d.code === VILLAGE.slice(0, 8))!.name;
    const r = await fo.api.post('/api/v1/applications', {
      agencyCode: '33.04',
      serviceCode: 'SANTUNAN_ANAK',
      channel: 'FRONT_OFFICE',
      applicant: {
        nik: people.applicant.nik,
        kkNumber: people.applicant.kk,
        name: people.applicant.name,
        birthDate: '1988-02-11',
        sex: 'F',
        address: 'Dusun Krajan RT.002/RW.005',
        villageCode: VILLAGE,
        phone: PHONE_NUMBER,
      },
      beneficiary: { nik: people.child.nik, name: people.child.name, birthDate: '2019-05-02', sex: 'M' },
      targetGroup: 'ANAK_TERLANTAR',
      documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
    });
    if (r.status !== 201) throw new Error(`filing failed: ${r.status} ${JSON.stringify(r.body)}`);
    filed = r.body;
    // verification opens the case and assesses it on its own: the TRC task is then open
    const c = await eventually(
      async () => {
        const got = await head.api.get(`/api/v1/verification/applications/${filed.applicationId}/case`);
        expect(got.status).toBe(200);
        expect(got.body.tasks).toHaveLength(1);
        return got.body as { caseId: string; tasks: Array<{ taskId: string }> };
      },
      { timeoutMs: 60000 },
    );
    caseId = c.caseId;
    taskId = c.tasks[0].taskId;
  }, 420000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([intake?.stop(), verification?.stop(), gateway?.stop()]);
  });

  it('a task says where to go, shows the phone to the head only while nobody is assigned, and is not answered without an officer', async () => {
    const task = async (as: Api) => (await as.get(`/api/v1/verification/cases/${caseId}`)).body.tasks[0];
    const seen = await task(other.api);
    expect(seen).toMatchObject({
      applicantName: people.applicant.name,
      address: 'Dusun Krajan RT.002/RW.005',
      rt: '002',
      rw: '005',
      villageCode: VILLAGE,
      villageName,
      districtCode: VILLAGE.slice(0, 8),
      districtName,
      // a verifier the task is not assigned to sees that a phone is on file, not the number
      phone: null,
      phoneHidden: true,
    });
    expect(JSON.stringify(await other.api.get('/api/v1/verification/tasks?status=OPEN&limit=200'))).not.toContain(PHONE_NUMBER);
    expect(await task(head.api)).toMatchObject({ phone: PHONE_NUMBER, phoneHidden: false });

    const visit = { findings: 'Rumah kosong', recommendation: 'ELIGIBLE', visitedAt: new Date().toISOString() };
    const refused = await trc.api.post(`/api/v1/verification/tasks/${taskId}/visits`, visit);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'VERIFICATION_TASK_UNASSIGNED', message: expect.stringMatching(/has no officer/) });
    expect((await task(head.api)).status).toBe('OPEN');

    // whom a task can be given: the agency's active verifiers, listed for its head
    expect((await trc.api.get('/api/v1/verification/verifiers')).status).toBe(403);
    const verifiers = (await head.api.get('/api/v1/verification/verifiers')).body.items as Array<{ username: string }>;
    expect(verifiers).toEqual(
      expect.arrayContaining([
        { username: trc.username, displayName: 'Andi TRC' },
        { username: other.username, displayName: 'Budi Verifikator' },
      ]),
    );
    expect(verifiers.map((v) => v.username)).not.toContain(fo.username);
    expect(verifiers.map((v) => v.username)).not.toContain(head.username);

    // the new routes are in the OpenAPI document
    const paths = Object.keys((await new Api(gateway.url).get('/api/docs-json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/verification/tasks/{taskId}/attachments',
        '/api/v1/verification/tasks/{taskId}/attachments/{attachmentId}',
        '/api/v1/verification/verifiers',
        '/api/v1/verification/cases/search',
      ]),
    );
  });

  it(
    'at 1366 px, the head assigns the task from the verifiers by name, and searches the cases list by ticket, name, desa and whole NIK',
    async () => {
      const page = await openPage(browser, gateway.url, problems, LAPTOP);
      try {
        await logIn(page, head.username, head.password);
        await page.goto(`/verification/cases/${caseId}`);
        const card = page.getByTestId('task-TRC');
        await card.getByTestId('task-place').getByText(`Desa/Kel. ${villageName}`, { exact: false }).waitFor();
        await card.getByRole('link', { name: `Telepon ${PHONE_NUMBER}` }).waitFor();
        await card.getByRole('button', { name: 'Tugaskan' }).click();
        const dialog = page.getByRole('dialog', { name: 'Tugaskan petugas: Tim Reaksi Cepat (TRC)' });
        await dialog.waitFor();
        // a select fed by the agency's active verifiers: no username to type
        expect(await dialog.locator('input[type=text]:not([role=combobox])').count()).toBe(0);
        await choose(page, 'Petugas', `Andi TRC (${trc.username})`);
        await dialog.getByRole('button', { name: 'Tugaskan' }).click();
        await page.getByText(`Tugas diberikan kepada Andi TRC (${trc.username}).`).waitFor();
        await card.getByText(`Petugas: ${trc.username}`, { exact: false }).waitFor();

        await page.goto('/verification/cases');
        await page.getByRole('heading', { name: 'Kasus Verifikasi', exact: true }).waitFor();
        const box = page.getByRole('searchbox', { name: 'Cari kasus' });
        const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: filed.ticketNumber }) });
        const search = async (q: string) => {
          await box.fill(q);
          await box.press('Enter');
        };
        // a whole NIK finds the case; the list shows it masked but its last 4 digits
        await search(people.applicant.nik);
        await row.waitFor();
        await row.getByText(`************${people.applicant.nik.slice(-4)}`).waitFor();
        expect(await page.locator('main').innerText()).not.toContain(people.applicant.nik);
        // a part of a NIK finds no one
        await search(people.applicant.nik.slice(0, 12));
        await page.getByText(`Tidak ada kasus yang cocok dengan "${people.applicant.nik.slice(0, 12)}".`).waitFor();
        await search(people.child.name);
        await row.waitFor();
        await row.getByText(people.applicant.name).waitFor();
        await search(villageName);
        await row.waitFor();
        await row.getByText(villageName, { exact: true }).waitFor();
        // a ticket read from paper, with spaces for its underscores
        // (the row is on screen from the desa's search already: wait for the list to narrow to it)
        await search(filed.ticketNumber.replace(/_/g, ' '));
        await eventually(async () => expect(await page.getByRole('row').count()).toBe(2), { timeoutMs: 15000, intervalMs: 100 });
        await row.waitFor();
      } finally {
        await page.context().close();
      }
    },
    LONG_MS,
  );

  it('stores a visit photo or PDF only for the assigned officer (or head/admin), JPEG/PNG/PDF within the limit; staff open it; audited', async () => {
    const up = (as: Staff, name: string, type: string, bytes: Buffer) => upload(gateway.url, as.api, taskId, name, type, bytes);
    const wrongOfficer = await up(other, 'rumah.jpg', 'image/jpeg', JPEG);
    expect(wrongOfficer.status).toBe(403);
    expect(wrongOfficer.body.code).toBe('VERIFICATION_TASK_NOT_ASSIGNED_TO_YOU');
    expect((await up(fo, 'rumah.jpg', 'image/jpeg', JPEG)).body).toMatchObject({ statusCode: 403, code: 'ROLE_REQUIRED' });

    const html = await up(trc, 'catatan.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    expect(html.status).toBe(400);
    expect(html.body).toMatchObject({ code: 'VISIT_ATTACHMENT_TYPE_NOT_ALLOWED', details: [{ path: 'file' }] });
    // a page renamed to .jpg: the declared type holds, the first bytes do not
    const disguised = await up(trc, 'foto.jpg', 'image/jpeg', Buffer.from('<html><body>bukan foto</body></html>'));
    expect(disguised.body).toMatchObject({ statusCode: 400, code: 'VISIT_ATTACHMENT_TYPE_NOT_ALLOWED' });
    const big = await up(trc, 'besar.jpg', 'image/jpeg', Buffer.concat([JPEG, Buffer.alloc(MAX_FILE_BYTES)]));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'VISIT_ATTACHMENT_TOO_LARGE', details: [{ path: 'file' }] });

    const stored = await up(trc, 'surat-keterangan.pdf', 'application/pdf', PDF);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({
      ref: expect.any(String),
      taskId,
      name: 'surat-keterangan.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      uploadedBy: trc.username,
    });
    // the head adds one too
    expect((await up(head, 'rumah-depan.png', 'image/png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).status).toBe(201);

    // another verifier of the agency reads the case, so opens the file: the same bytes, their type, never sniffed
    const res = await fetch(`${gateway.url}/api/v1/verification/tasks/${taskId}/attachments/${stored.body.ref}`, {
      headers: { authorization: `Bearer ${other.api.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toContain('surat-keterangan.pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fo.api.get(`/api/v1/verification/tasks/${taskId}/attachments/${stored.body.ref}`)).status).toBe(403);
    expect((await other.api.get(`/api/v1/verification/tasks/${taskId}/attachments/${randomUUID()}`)).body.code).toBe(
      'VERIFICATION_ATTACHMENT_NOT_FOUND',
    );

    // a visit names only its own task's files
    const visit = await trc.api.post(`/api/v1/verification/tasks/${taskId}/visits`, {
      findings: 'x',
      recommendation: 'ELIGIBLE',
      visitedAt: new Date().toISOString(),
      attachments: [{ ref: stored.body.ref }, { ref: randomUUID() }],
    });
    expect(visit.status).toBe(400);
    expect(visit.body).toMatchObject({ code: 'VERIFICATION_ATTACHMENT_UNKNOWN', details: [{ path: 'attachments[1].ref' }] });

    // the officer now assigned sees the phone; the trail has the upload and the opening
    const mine = (await trc.api.get(`/api/v1/verification/cases/${caseId}`)).body.tasks[0];
    expect(mine).toMatchObject({ assignee: trc.username, status: 'OPEN', phone: PHONE_NUMBER });
    const agencyAdm = await agencyAdmin(gateway.url, '33.04');
    const trail = async (action: string) =>
      (await agencyAdm.get(`/api/v1/audit?action=${action}&target=${taskId}&limit=50`)).body.items as Array<Record<string, unknown>>;
    await eventually(async () => {
      expect(JSON.stringify(await trail('FIELD_ATTACHMENT_ADDED'))).toContain('surat-keterangan.pdf');
      expect(JSON.stringify(await trail('FIELD_ATTACHMENT_OPENED'))).toContain(other.username);
    });
  });

  it(
    'at 390 px, the officer finds the task under its kecamatan and desa, calls ahead, photographs the house and records the visit; the case page opens the photo',
    async () => {
      const page: Page = await openPage(browser, gateway.url, problems, PHONE);
      try {
        await logIn(page, trc.username, trc.password);
        await page.goto('/verification/tasks');
        await page.getByRole('heading', { name: 'Tugas Verifikasi Lapangan', exact: true }).waitFor();
        const group = page.getByTestId('task-group').filter({ hasText: `Kec. ${districtName} · ${villageName}` });
        await group.getByRole('heading', { name: `Kec. ${districtName} · ${villageName} · 1 tugas` }).waitFor();
        const card = group.getByTestId('task-TRC').filter({ hasText: filed.ticketNumber });
        const place = card.getByTestId('task-place');
        await place.getByText(people.applicant.name).waitFor();
        await place.getByText(`Dusun Krajan RT.002/RW.005, Desa/Kel. ${villageName}, Kec. ${districtName}`).waitFor();
        expect(await card.getByRole('link', { name: `Telepon ${PHONE_NUMBER}` }).getAttribute('href')).toBe(`tel:${PHONE_NUMBER}`);
        // searchable by the applicant's name
        const box = page.getByRole('searchbox', { name: 'Cari tugas' });
        await box.fill('tidak-ada-yang-begini');
        await card.waitFor({ state: 'hidden' });
        await box.fill(people.applicant.name.split(' ').slice(1, 3).join(' '));
        await card.waitFor();

        await card.getByRole('button', { name: 'Catat kunjungan' }).click();
        const visit = page.getByRole('dialog', { name: /^Catat kunjungan/ });
        await visit.getByText('Layak', { exact: true }).click();
        await visit.getByLabel('Temuan lapangan').fill('Anak diasuh nenek; rumah berdinding papan, atap bocor.');
        const camera = visit.locator('input[type=file][capture]');
        expect(await camera.getAttribute('accept')).toBe('image/*');
        await camera.setInputFiles({ name: 'rumah.jpg', mimeType: 'image/jpeg', buffer: JPEG });
        await visit.locator('.ant-upload-list-item-done').filter({ hasText: 'rumah.jpg' }).waitFor();
        await visit.getByRole('button', { name: 'Simpan kunjungan' }).click();
        await page.getByText('Kunjungan dicatat.').waitFor();

        await page.goto(`/verification/cases/${caseId}`);
        const files = page.getByTestId('task-TRC').getByTestId('visit-files');
        const open = files.getByRole('button', { name: 'Buka rumah.jpg' });
        await open.waitFor();
        const [popup] = await Promise.all([page.waitForEvent('popup'), open.click()]);
        await eventually(async () => expect(popup.url()).toMatch(/^blob:/), { timeoutMs: 10000 });
        await popup.close();
      } finally {
        await page.context().close();
      }
      const done = (await trc.api.get(`/api/v1/verification/cases/${caseId}`)).body.tasks[0];
      expect(done.status).toBe('DONE');
      expect(done.visits[0].attachments).toEqual([
        expect.objectContaining({ name: 'rumah.jpg', contentType: 'image/jpeg', size: JPEG.length, attachmentId: expect.any(String) }),
      ]);
    },
    LONG_MS,
  );

  it('has no errors in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
