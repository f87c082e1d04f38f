// Disbursement's pages (issue 12) in headless Chromium at a Dinas office's 1366 px laptop,
// against the real gateway and disbursement: the agency's admin opens a budget line and revises
// it, an officer makes a proposal from the pool of verified applications and sends it to the
// head, the head approves it and records the signed decree, the treasurer (bendahara) requests
// the money from the finance office; the finance office's answer pays two recipients and fails
// one, whose bank account the treasurer corrects; an officer schedules the recipients' village
// with its lurah (a change made meanwhile said in words, the latest a click away) and records
// one paid recipient's handover (BAST); another's status page on a phone shows where and when
// their village's aid is handed over, in both languages. Each page says it in Indonesian words, with
// no English and no codes where a user reads. Intake's answers (the standard with its benefit
// amount, the dossiers) come from the stand-in disbursement's own tests use; the applications
// are verified by publishing verification's decision. Only the steps under test are clicks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Browser, Page } from 'playwright-core';
import { Rpc, Subjects } from '#contracts';
import { eventually, natsAs, publishEvent, startApp, type RunningApp } from '#testing';
import { Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { IntakeStandIn, settlement, verify } from '../disbursement/support.js';
import { choose, launchBrowser, openPage, staffAccount } from './support.js';

const LAPTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const VILLAGE = '35.75.01.1001';
const AGENCY = '35.75';
const SERVICE = `RS_${randomBytes(4).toString('hex').toUpperCase()}`;
const PROGRAMME = 'Bantuan Sosial Rehabilitasi Sosial';
// a year of its own: a line is unique per agency, year, source and programme
const YEAR = 2030 + Math.floor(Math.random() * 60);
const DECREE = `188.45/${Math.floor(Math.random() * 9000) + 1000}/KEP/423.012/${YEAR}`;
const LONG_MS = 90000;

type Staff = { username: string; password: string; api: Api };

// Functions passed to addInitScript run in the browser; the server's tsconfig has no DOM lib.
declare const sessionStorage: { setItem(key: string, value: string): void };

/** Whether the column headers named lie inside the laptop's width (the columns a user acts on stay in view). */
async function inView(page: Page, names: string[]): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const name of names) {
    const box = await page.getByRole('columnheader', { name, exact: true }).first().boundingBox();
    out[name] = !!box && box.x >= 0 && box.x + box.width <= LAPTOP.width;
  }
  return out;
}

/** Codes and English words that must not reach a user of the Indonesian interface. */
const LEAKS =
  /\b(Budget|Proposal|Decree|Recipient|Ceiling|Remaining|Committed|Settlement|Requested|Approved|Submitted|Paid|Failed|Coming soon|Download|Upload|DRAFT|SUBMITTED|APPROVED|RETURNED|DECREED|PENDING|REQUESTED|PAID|FAILED|NOT_PAID|REJECTED|ELIGIBLE|PARTLY_SETTLED|APBD_BTT|APBD_JPST|LANSIA|undefined|NaN|null)\b/g;

/** The page's visible words that are English or codes (the service's own test code excepted). */
async function leaks(page: Page): Promise<string[]> {
  const text = (await page.locator('body').innerText()).replaceAll(SERVICE, '');
  return [...new Set([...text.matchAll(LEAKS)].map((m) => m[0]))];
}

describe('disbursement pages (issue 12) at 1366 px, in Indonesian', () => {
  let gateway: RunningApp;
  let disbursement: RunningApp;
  let nats: NatsConnection;
  let finance: NatsConnection;
  let intake: IntakeStandIn;
  let catalog: Subscription;
  let publicStatus: Subscription;
  let browser: Browser;
  let admin: Staff;
  let officer: Staff;
  let head: Staff;
  let bendahara: Staff;
  let applications: string[] = [];
  let lineId = '';
  let proposalId = '';
  let decreeId = '';
  const problems: string[] = [];
  const pages: Record<string, string[]> = {};

  /**
   * A page of `who` opened at `path`: the session the API gave them is put where the dashboard
   * keeps it (logging in through the form is tested elsewhere; each login costs an argon2 hash).
   */
  async function as(who: Staff, path: string, fn: (page: Page) => Promise<void>): Promise<void> {
    const page = await openPage(browser, gateway.url, problems, LAPTOP);
    try {
      const me = await who.api.get('/api/v1/auth/me');
      expect(me.status).toBe(200);
      const session = JSON.stringify({ accessToken: who.api.token, expiresAt: Date.now() + 30 * 60000, user: me.body });
      await page.context().addInitScript((s: string) => sessionStorage.setItem('sigap.session', s), session);
      await page.goto(path);
      await page.getByTestId('current-user').waitFor();
      await fn(page);
    } finally {
      await page.context().close();
    }
  }

  /** Records what the page shows that is not Indonesian, under the page's name. */
  async function words(page: Page, name: string): Promise<void> {
    pages[name] = await leaks(page);
  }

  beforeAll(async () => {
    nats = await natsAs('admin');
    finance = await natsAs('finance-local');
    intake = new IntakeStandIn(nats);
    intake.start();
    // Kota Pasuruan's social rehabilitation assistance, with its benefit amount and a target group's name
    const standard = {
      code: SERVICE,
      agencyCode: AGENCY,
      agencyName: 'Dinas Sosial Kota Pasuruan',
      version: 2,
      active: true,
      name: { id: PROGRAMME, en: 'Social rehabilitation assistance' },
      targetGroups: [{ code: 'LANSIA', name: { id: 'Lanjut usia potensial', en: 'Potential elderly' } }],
      benefit: { amount: '300000' },
      benefitAmount: { required: true, set: true, amount: '300000', byTargetGroup: [], unset: [] },
      // what the citizen's status page reads for "what happens next"
      procedure: [
        { text: { id: 'Dana disalurkan melalui BPKAD', en: 'The money is paid through the finance office' }, status: 'DISBURSING' },
        { text: { id: 'Bantuan diserahkan bersama lurah', en: 'The aid is handed over with the village head' } },
      ],
    };
    intake.standards.set(`${AGENCY}/${SERVICE}`, standard);
    // the catalog's list (the admin's programme picker), in intake's place too
    catalog = nats.subscribe(Rpc.intake.listStandards);
    void (async () => {
      for await (const m of catalog) {
        const packet = m.json<{ id: string; data: { agencyCode?: string } }>();
        const items = !packet.data.agencyCode || packet.data.agencyCode === AGENCY ? [standard] : [];
        m.respond(JSON.stringify({ id: packet.id, response: { ok: true, data: { items } }, isDisposed: true }));
      }
    })();
    // intake's public status of a paid recipient (waiting for the handover), in intake's place too:
    // the gateway adds the distribution line, asked of the real disbursement
    publicStatus = nats.subscribe(Rpc.intake.publicStatus);
    void (async () => {
      for await (const m of publicStatus) {
        const packet = m.json<{ id: string; data: { ticketNumber: string } }>();
        const name = { id: 'Dana disalurkan', en: 'Money paid out' };
        const view = {
          ticketNumber: packet.data.ticketNumber,
          service: { code: SERVICE, name: standard.name },
          agency: { code: AGENCY, name: 'Dinas Sosial Kota Pasuruan' },
          status: 'DISBURSING',
          statusName: name,
          open: false,
          closed: false,
          filedAt: '2026-11-02T02:00:00.000Z',
          dueAt: null,
          deadline: null,
          timeLeft: null,
          overdue: false,
          timeline: [{ status: 'DISBURSING', name, at: new Date().toISOString(), note: null }],
          steps: [],
          deadlineEndsWith: null,
        };
        m.respond(JSON.stringify({ id: packet.id, response: { ok: true, data: view }, isDisposed: true }));
      }
    })();
    browser = await launchBrowser();
    gateway = await startGateway({}, 120000);
    disbursement = await startApp('disbursement', { DISBURSEMENT_DOSSIER_POLL_MS: '300', SIGAP_OUTBOX_POLL_MS: '200' }, 120000);
    const first = await new Api(gateway.url).session('admin', testAdminPassword());
    [admin, officer, head, bendahara] = await Promise.all([
      staffAccount(first, AGENCY, ['ADMIN'], 'Admin Dinsos Pasuruan'),
      staffAccount(first, AGENCY, ['VERIFIER'], 'Rina Verifikator'),
      staffAccount(first, AGENCY, ['HEAD'], 'Bapak Kepala Dinas'),
      staffAccount(first, AGENCY, ['FINANCE'], 'Ibu Bendahara'),
    ]);
    // three verified applications in the pool, their data in from "intake"
    applications = [1, 2, 3].map((n) => intake.person(AGENCY, SERVICE, 700000 + n));
    await verify(nats, AGENCY, applications);
    await eventually(
      async () => {
        const r = await officer.api.get(`/api/v1/disbursement/pool?serviceCode=${SERVICE}&status=ELIGIBLE`);
        const ready = (r.body.items as Array<{ applicationId: string; dossierReady: boolean }>).filter((i) => i.dossierReady);
        expect(ready.map((i) => i.applicationId).sort()).toEqual([...applications].sort());
      },
      { timeoutMs: 30000 },
    );
  }, 400000);

  afterAll(async () => {
    catalog?.unsubscribe();
    publicStatus?.unsubscribe();
    intake?.stop();
    await browser?.close();
    await Promise.all([gateway?.stop(), disbursement?.stop()]);
    await finance?.close();
    await nats?.close();
  });

  it(
    "the agency's admin opens a budget line and revises it; the list shows its figures in Rupiah and the line its history",
    async () => {
      await as(admin, `/disbursement/budget-lines?year=${YEAR}`, async (page) => {
        await page.getByRole('heading', { name: 'Pagu Anggaran', exact: true }).waitFor();
        await page.getByText(`Belum ada pagu untuk tahun ${YEAR}.`).waitFor();
        await page.getByRole('button', { name: 'Buka pagu' }).click();
        const dialog = page.getByRole('dialog');
        await choose(page, 'Program (layanan)', PROGRAMME);
        await dialog.getByLabel('Nama pagu', { exact: true }).fill(`Bansos Rehsos ${YEAR}`);
        // typed as an officer writes it, with thousands dots
        await dialog.getByLabel('Pagu', { exact: true }).fill('1.000.000');
        await dialog.getByRole('button', { name: 'Buka pagu' }).click();
        await dialog.waitFor({ state: 'detached' });

        const row = page.locator('[data-testid^="line-row-"]').filter({ hasText: `Bansos Rehsos ${YEAR}` });
        await row.getByText('APBD – Belanja Tidak Terduga (BTT)', { exact: false }).waitFor();
        await row.getByText(PROGRAMME, { exact: false }).waitFor();
        // ceiling and remaining, the rest still nothing
        await eventually(async () => expect(await row.getByText(/^Rp\s?1\.000\.000$/).count()).toBe(2));
        lineId = (await row.getAttribute('data-testid'))!.replace('line-row-', '');

        await row.getByRole('button', { name: `Ubah pagu Bansos Rehsos ${YEAR}` }).click();
        await dialog.getByLabel('Pagu baru', { exact: true }).fill('1200000');
        await dialog.getByLabel('Alasan perubahan', { exact: true }).fill('APBD Perubahan');
        await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
        await dialog.waitFor({ state: 'detached' });
        await eventually(async () => expect(await row.getByText(/^Rp\s?1\.200\.000$/).count()).toBe(2));
        await page.getByTestId('realisation-card').getByText('Laporan realisasi', { exact: true }).waitFor();
        await expect(inView(page, ['Pagu', 'Terikat', 'Dibayar', 'Sisa pagu', 'Aksi'])).resolves.toEqual({
          Pagu: true,
          Terikat: true,
          Dibayar: true,
          'Sisa pagu': true,
          Aksi: true,
        });
        await words(page, 'budget lines');

        await row.getByRole('link', { name: `Bansos Rehsos ${YEAR}` }).click();
        const history = page.getByTestId('line-history');
        await history.getByText('APBD Perubahan').waitFor();
        await history.getByText('Pagu dibuka').waitFor();
        await words(page, 'budget line');
      });
    },
    LONG_MS,
  );

  it(
    'an officer picks the verified applications from the pool, sees the total against what the line has left, makes the proposal and sends it to the head',
    async () => {
      expect(lineId).not.toBe('');
      await as(officer, `/disbursement/budget-lines/${lineId}`, async (page) => {
        await page.getByRole('button', { name: 'Buat usulan dari pagu ini' }).click();
        await page.getByRole('heading', { name: 'Usulan baru' }).waitFor();
        for (const n of [1, 2, 3]) {
          const row = page.getByTestId(`pool-row-${SERVICE}-${AGENCY}-2026-${String(700000 + n).padStart(6, '0')}`);
          await row.getByText('Lanjut usia potensial').waitFor();
          await row.getByRole('checkbox').check();
        }
        const summary = page.getByTestId('proposal-summary');
        await summary
          .getByTestId('proposal-estimate')
          .getByText(/^Rp\s?900\.000$/)
          .waitFor();
        await summary
          .getByTestId('proposal-left')
          .getByText(/^Rp\s?300\.000$/)
          .waitFor();
        await words(page, 'new proposal');
        await summary.getByRole('button', { name: 'Buat usulan' }).click();

        await page.waitForURL(/\/disbursement\/proposals\/[0-9a-f-]{36}$/);
        proposalId = page.url().split('/').pop()!;
        await expect(page.getByTestId('proposal-status').innerText()).resolves.toBe('Draf');
        await page.getByRole('button', { name: 'Ajukan kepada Kepala' }).click();
        await page.getByRole('button', { name: 'Ya' }).click();
        await eventually(async () => expect(await page.getByTestId('proposal-status').innerText()).toBe('Menunggu persetujuan'));
        await words(page, 'proposal (officer)');
      });
    },
    LONG_MS,
  );

  it(
    'the head approves it (the line commits its total) and records the signed decree, which lists its recipients as not yet requested',
    async () => {
      expect(proposalId).not.toBe('');
      // a head lands on what awaits approval
      await as(head, '/disbursement/proposals', async (page) => {
        await page.getByTestId(`proposal-row-${proposalId}`).getByText('Menunggu persetujuan').waitFor();
        await page.getByTestId(`proposal-row-${proposalId}`).getByRole('link').click();
        await page
          .getByTestId('proposal-figures')
          .getByText(/^Rp\s?900\.000$/)
          .waitFor();
        await page.getByRole('button', { name: 'Setujui' }).click();
        await page.getByRole('button', { name: 'Ya' }).click();
        await eventually(async () => expect(await page.getByTestId('proposal-status').innerText()).toBe('Disetujui'));
        // what the line has left after the commitment: 1,200,000 − 900,000
        await page
          .getByTestId('proposal-figures')
          .getByText(/^Rp\s?300\.000$/)
          .waitFor();

        await page.getByRole('button', { name: 'Catat SK' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Nomor SK', { exact: true }).fill(DECREE);
        await dialog.getByLabel('Tanggal SK', { exact: true }).fill('2026-12-01');
        await dialog.getByLabel('Penanda tangan', { exact: true }).fill('Wali Kota Pasuruan');
        await dialog.getByRole('button', { name: 'Catat SK' }).click();

        await page.waitForURL(/\/disbursement\/decrees\/[0-9a-f-]{36}$/);
        decreeId = page.url().split('/').pop()!;
        await expect(page.getByTestId('decree-number').innerText()).resolves.toBe(`SK ${DECREE}`);
        const figures = page.getByTestId('decree-figures');
        await figures.getByText('Wali Kota Pasuruan').waitFor();
        await figures.getByText(/^Selasa, 0?1 Desember 2026$/).waitFor();
        await figures.getByText('Belum diajukan: 3').waitFor();
        await expect(page.getByTestId('recipient-status').allInnerTexts()).resolves.toEqual([
          'Belum diajukan',
          'Belum diajukan',
          'Belum diajukan',
        ]);
        // the head records; only the treasurer requests the money
        await expect(page.getByRole('button', { name: 'Ajukan pencairan ke BPKAD' }).count()).resolves.toBe(0);
        await words(page, 'decree (head)');
      });
    },
    LONG_MS,
  );

  it(
    "the treasurer requests the money from the finance office; its answer pays two and fails one, with the bank's reason, whose account the treasurer corrects",
    async () => {
      expect(decreeId).not.toBe('');
      await as(bendahara, '/disbursement/decrees', async (page) => {
        await page.getByTestId(`decree-row-${DECREE}`).getByRole('link', { name: DECREE }).click();
        await page.getByRole('button', { name: 'Ajukan pencairan ke BPKAD' }).click();
        await page.getByText(/Ajukan pencairan 3 penerima \(Rp\s?900\.000\) ke BPKAD\?/).waitFor();
        await page.getByRole('button', { name: 'Ya' }).click();
        await eventually(async () =>
          expect(await page.getByTestId('recipient-status').allInnerTexts()).toEqual([
            'Diajukan ke BPKAD',
            'Diajukan ke BPKAD',
            'Diajukan ke BPKAD',
          ]),
        );

        // the finance office answers (its own NATS identity): two paid, one refused by the bank
        const d = await bendahara.api.get(`/api/v1/disbursement/decrees/${decreeId}`);
        const requestId = (d.body.requests as Array<{ requestId: string }>)[0].requestId;
        const recipients = d.body.recipients as Array<{ applicationId: string; ticketNumber: string }>;
        const failed = recipients[2];
        await publishEvent(
          finance,
          Subjects.extFinanceDisbursementSettled,
          settlement(requestId, {
            sp2dNumber: 'SP2D-0042/2026',
            recipients: recipients.map((r, i) =>
              i === 2
                ? { applicationId: r.applicationId, status: 'REJECTED', reason: 'Rekening tidak ditemukan' }
                : { applicationId: r.applicationId, status: 'PAID' },
            ),
          }),
        );
        await eventually(
          async () => {
            await page.getByRole('button', { name: 'Muat ulang' }).click();
            expect(await page.getByTestId('recipient-status').allInnerTexts()).toEqual(['Dibayar', 'Dibayar', 'Gagal dibayar']);
          },
          { timeoutMs: 20000, intervalMs: 500 },
        );
        const row = page.getByTestId(`recipient-${failed.ticketNumber}`);
        await row.getByText('Rekening tidak ditemukan').waitFor();
        await page.getByTestId(`recipient-${recipients[0].ticketNumber}`).getByText('SP2D SP2D-0042/2026').waitFor();
        await page.getByTestId('decree-figures').getByText('Dibayar: 2').waitFor();

        // the request and the finance office's answer, in words
        await page.getByRole('tab', { name: 'Pengajuan ke BPKAD (1)' }).click();
        const request = page.getByTestId('request-1');
        await request.getByText('Selesai dijawab').waitFor();
        await request.getByRole('button', { name: 'Lihat jawaban' }).click();
        await request.getByText('Dibayar: 2').waitFor();
        await request.getByText('Ditolak: 1').waitFor();
        await words(page, 'decree requests (treasurer)');

        // the places kept for the documents, the bank's files and the handover
        await page.getByRole('tab', { name: 'Dokumen SK' }).click();
        await page.getByTestId('decree-documents').getByRole('button', { name: 'Unduh SK (PDF)' }).waitFor();
        await page.getByRole('tab', { name: 'Berkas bank' }).click();
        for (const card of ['bank-account-opening', 'bank-answer', 'bank-payment-file']) await page.getByTestId(card).waitFor();
        await words(page, 'decree slots');

        await page.getByRole('tab', { name: 'Penerima' }).click();
        await expect(inView(page, ['Status', 'SP2D / alasan', 'Aksi'])).resolves.toEqual({
          Status: true,
          'SP2D / alasan': true,
          Aksi: true,
        });
        await row.getByRole('button', { name: 'Perbaiki rekening' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Rekening tidak ditemukan').waitFor();
        // a rule the API names in English ("bankAccount must be 6 to 20 digits") is read in Indonesian
        await dialog.getByLabel('Nomor rekening', { exact: true }).fill('123456789012345678901');
        await dialog.getByLabel('Yang diperbaiki', { exact: true }).fill('Nomor rekening dari buku tabungan');
        await dialog.getByRole('button', { name: 'Simpan' }).click();
        await dialog.getByTestId('dialog-error').getByText('harus 6 sampai 20 digit angka').waitFor();
        await dialog.getByLabel('Nomor rekening', { exact: true }).fill('0012345678');
        await dialog.getByRole('button', { name: 'Simpan' }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByText('0012345678').waitFor();
        // corrected, still failed: the next request asks for them again
        await row.getByText('Gagal dibayar').waitFor();
        await expect(page.getByRole('button', { name: 'Ajukan pencairan ke BPKAD' }).isEnabled()).resolves.toBe(true);
        await words(page, 'decree (treasurer)');
      });
    },
    LONG_MS,
  );

  it(
    "an officer schedules the recipients' village with its lurah (a change made meanwhile is said, the latest reloaded) and records a paid recipient's handover; another recipient's status page on a phone shows where and when",
    async () => {
      expect(decreeId).not.toBe('');
      const d = await officer.api.get(`/api/v1/disbursement/decrees/${decreeId}`);
      const paid = (d.body.recipients as Array<{ applicationId: string; ticketNumber: string; name: string; status: string }>).filter(
        (r) => r.status === 'PAID',
      );
      expect(paid).toHaveLength(2);
      await as(officer, `/disbursement/decrees/${decreeId}`, async (page) => {
        await page.getByRole('tab', { name: 'Jadwal & serah terima' }).click();
        const schedule = page.getByTestId('distribution-schedule');
        await schedule.getByText('Belum ada jadwal.', { exact: false }).waitFor();
        // three recipients in one village, none scheduled yet
        await schedule.getByTestId(`unscheduled-${VILLAGE}`).getByText(`${VILLAGE}: 3 penerima`).waitFor();
        await schedule.getByRole('button', { name: `Jadwalkan ${VILLAGE}` }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Tempat', { exact: true }).fill('Balai Kelurahan Purworejo');
        await dialog.getByLabel('Tanggal', { exact: true }).fill('2026-12-09');
        await dialog.getByLabel('Jam mulai', { exact: true }).fill('09:00');
        await dialog.getByLabel('Jam selesai', { exact: true }).fill('12:00');
        await dialog.getByLabel('Lurah/kepala desa', { exact: true }).fill('Drs. Bambang Sutejo');
        await dialog.getByLabel('Kesepakatan dengan lurah', { exact: true }).fill('Disepakati lewat surat 005/112/2026');
        await dialog.getByRole('button', { name: 'Simpan' }).click();
        await dialog.waitFor({ state: 'detached' });
        const row = schedule.getByTestId(`schedule-${VILLAGE}`);
        await row.getByText('Balai Kelurahan Purworejo').waitFor();
        await row.getByText(/^Rabu, 0?9 Desember 2026$/).waitFor();
        await row.getByText('09:00–12:00').waitFor();
        await row.getByText('Drs. Bambang Sutejo').waitFor();
        await schedule
          .getByTestId('schedule-version')
          .getByText(/^Versi 1, diubah oleh /)
          .waitFor();

        // the head of the village moves the hour; another officer saves it meanwhile (version 2)
        const other = await head.api.put(`/api/v1/disbursement/decrees/${decreeId}/schedule`, {
          version: 1,
          reason: 'Lurah minta mulai lebih siang',
          entries: [
            {
              villageCode: VILLAGE,
              place: 'Balai Kelurahan Purworejo',
              date: '2026-12-09',
              startTime: '10:00',
              endTime: '12:00',
              lurahName: 'Drs. Bambang Sutejo',
              lurahNote: null,
            },
          ],
        });
        expect(other.status).toBe(200);
        await row.getByRole('button', { name: `Ubah jadwal ${VILLAGE}` }).click();
        await dialog.getByLabel('Tempat', { exact: true }).fill('Aula Kantor Kelurahan Purworejo');
        await dialog.getByRole('button', { name: 'Simpan' }).click();
        await dialog.getByTestId('schedule-conflict').getByText('Jadwal yang Anda ubah sudah tidak terbaru.').waitFor();
        await dialog.getByTestId('dialog-error').getByText('diubah petugas lain', { exact: false }).waitFor();
        await dialog.getByRole('button', { name: 'Muat jadwal terbaru' }).click();
        await page.getByText('Jadwal terbaru dimuat (versi 2). Periksa lalu simpan lagi.').waitFor();
        // what was typed stays, what the other officer changed comes in; saved on top of the latest version
        await expect(dialog.getByLabel('Tempat', { exact: true }).inputValue()).resolves.toBe('Aula Kantor Kelurahan Purworejo');
        await expect(dialog.getByLabel('Jam mulai', { exact: true }).inputValue()).resolves.toBe('10:00');
        await dialog.getByRole('button', { name: 'Simpan' }).click();
        await dialog.waitFor({ state: 'detached' });
        await row.getByText('Aula Kantor Kelurahan Purworejo').waitFor();
        await row.getByText('10:00–12:00').waitFor();
        await schedule
          .getByTestId('schedule-version')
          .getByText(/^Versi 3, diubah oleh /)
          .waitFor();

        // the handover of the first paid recipient
        const bast = page.getByTestId('handover-bast');
        await bast.getByTestId('handover-awaiting').getByText('menunggu serah terima: 2', { exact: false }).waitFor();
        await bast.getByRole('button', { name: `Catat serah terima ${paid[0].name}` }).click();
        await dialog.getByText(/Bantuan Rp\s?300\.000, SP2D SP2D-0042\/2026\./).waitFor();
        await expect(dialog.getByLabel('Diterima oleh', { exact: true }).inputValue()).resolves.toBe(paid[0].name);
        await dialog.getByLabel('Tempat serah terima', { exact: true }).fill('Aula Kantor Kelurahan Purworejo');
        await dialog.getByLabel('Rujukan tanda tangan / BAST bertanda tangan', { exact: true }).fill('arsip/bast/2026/0001.pdf');
        await dialog.getByLabel('Rujukan foto serah terima', { exact: true }).fill('arsip/foto/2026/0001.jpg');
        await dialog.getByRole('button', { name: 'Catat serah terima' }).click();
        await dialog.waitFor({ state: 'detached' });
        const recorded = bast.getByTestId(`bast-${paid[0].ticketNumber}`);
        await recorded.getByText(/^BAST\/35\.75\/\d{4}\/\d{6}$/).waitFor();
        await recorded.getByText('Aula Kantor Kelurahan Purworejo').waitFor();
        await recorded.getByText('Tanda tangan: arsip/bast/2026/0001.pdf · Foto: arsip/foto/2026/0001.jpg').waitFor();
        await bast.getByTestId('handover-awaiting').getByText('menunggu serah terima: 1', { exact: false }).waitFor();
        await expect(bast.getByTestId(`awaiting-${paid[0].ticketNumber}`).count()).resolves.toBe(0);
        await bast.getByTestId(`awaiting-${paid[1].ticketNumber}`).waitFor();
        await words(page, 'decree schedule and handover (officer)');
      });

      // the other paid recipient, on their phone: where and when, in Indonesian and in English
      const citizen = await openPage(browser, gateway.url, problems, PHONE);
      try {
        await citizen.goto(`/status/${paid[1].ticketNumber}`);
        const line = citizen.getByTestId('status-distribution');
        await line.getByText(/^Penyaluran: Aula Kantor Kelurahan Purworejo, .*10:00–12:00/).waitFor();
        const box = await line.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
        await citizen.getByText('EN', { exact: true }).click();
        await line.getByText(/^Distribution: Aula Kantor Kelurahan Purworejo, .*10:00–12:00/).waitFor();
      } finally {
        await citizen.context().close();
      }
    },
    LONG_MS,
  );

  it('showed no English word or code on any of these pages, and no script error', () => {
    expect(Object.keys(pages).length).toBeGreaterThanOrEqual(8);
    expect(Object.fromEntries(Object.entries(pages).filter(([, found]) => found.length > 0))).toEqual({});
    expect(problems).toEqual([]);
  });

  it(
    "the treasurer downloads the decree's PDF, imports the bank's answer (a good row recorded, a bad one named in words) and reads the paid sum in the realisation",
    async () => {
      expect(decreeId).not.toBe('');
      const d = await bendahara.api.get(`/api/v1/disbursement/decrees/${decreeId}`);
      const failed = (d.body.recipients as Array<{ ticketNumber: string; status: string }>).find((r) => r.status === 'FAILED')!;
      await as(bendahara, `/disbursement/decrees/${decreeId}`, async (page) => {
        // the decree to print and sign, fetched with the session's token and saved under the gateway's name
        await page.getByRole('tab', { name: 'Dokumen SK' }).click();
        const [pdf] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('decree-documents').getByRole('button', { name: 'Unduh SK (PDF)' }).click(),
        ]);
        // the masked copy says so in its name
        expect(pdf.suggestedFilename()).toBe(`SK-${DECREE.replaceAll('/', '-')}-disamarkan.pdf`);
        expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

        // the bank's answer: the failed recipient's new account, and a reference the bank was never sent
        await page.getByRole('tab', { name: 'Berkas bank' }).click();
        const card = page.getByTestId('bank-answer');
        const answer = [
          'NO_REFERENSI;NO_REKENING;NAMA_REKENING',
          `${failed.ticketNumber};0012345699;PENERIMA`,
          'TIKET-TIDAK-ADA;0012345698;ORANG LAIN',
        ];
        await card.locator('input[type=file]').setInputFiles({
          name: 'jawaban-bank.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(answer.join('\r\n'), 'utf8'),
        });
        await card.getByText('jawaban-bank.csv').waitFor();
        await card.getByRole('button', { name: 'Impor jawaban bank' }).click();
        const result = card.getByTestId('bank-answer-result');
        await result.getByText('jawaban-bank.csv: 2 baris dibaca.').waitFor();
        await result.getByText('1 nomor rekening baru dicatat pada penerima SK ini.').waitFor();
        const bad = result.getByTestId('bank-answer-errors').getByRole('row').filter({ hasText: 'TIKET-TIDAK-ADA' });
        await expect(bad.getByRole('cell').allInnerTexts()).resolves.toEqual([
          '3',
          'NO_REFERENSI',
          'TIKET-TIDAK-ADA tidak ada dalam daftar yang dikirim ke bank',
        ]);
        // the two paid recipients were not in this answer
        await result.getByText('2 penerima belum dijawab bank (tanpa rekening dan tanpa penolakan):').waitFor();
        expect(await leaks(page)).toEqual([]);
        // the decree shows the account now on the failed recipient
        await page.getByRole('tab', { name: 'Penerima' }).click();
        await page.getByTestId(`recipient-${failed.ticketNumber}`).getByText('0012345699').waitFor();

        // the realisation of the line's year: 900,000 decreed, 600,000 paid, 300,000 not yet
        await page.goto(`/disbursement/realisation?year=${YEAR}`);
        const row = page.getByTestId(`realisation-row-${lineId}`);
        await row.waitFor();
        // the programme's name comes from intake after the report
        await eventually(async () =>
          expect(await row.getByRole('cell').allInnerTexts()).toEqual([
            expect.stringContaining(`Bansos Rehsos ${YEAR}`),
            PROGRAMME,
            expect.stringContaining('35.75.01.1001'),
            'Desember 2026',
            expect.stringMatching(/^Rp\s?900\.000$/),
            expect.stringMatching(/^Rp\s?600\.000$/),
            expect.stringMatching(/^Rp\s?0$/),
            expect.stringMatching(/^Rp\s?300\.000$/),
          ]),
        );
        await page
          .getByTestId('realisation-total')
          .getByText(/^Rp\s?600\.000$/)
          .waitFor();
        expect(await leaks(page)).toEqual([]);
      });
      expect(problems).toEqual([]);
    },
    LONG_MS,
  );
});
