// A decree's documents and bank files through the gateway's HTTP (issue 12): real gateway and
// disbursement processes, real Postgres and NATS; each file travels through the Object Store
// bucket sigap_disbursement_files. Intake's answers come from the stand-in (support.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Subjects } from '#contracts';
import { adminDb, eventually, natsAs, publishEvent, startApp, type RunningApp } from '#testing';
import { agencyAdmin, type Api, startGateway } from '../gateway/support.js';
import { DecreeFactory, download, IntakeStandIn, officer, settlement, upload } from './support.js';

const AGENCY = '35.75';
const YEAR = 2030 + Math.floor(Math.random() * 60);
const AMOUNT = '300000';

let gateway: RunningApp;
let disbursement: RunningApp;
let db: pg.Client;
let nats: NatsConnection;
let finance: NatsConnection;
let intake: IntakeStandIn;
let admin: Api;
let fo: Api;
let head: Api;
let bendahara: Api;
let make: DecreeFactory;

/** The text of the pages asked for (all by default), as a reader would get it: pdfjs-dist, Mozilla's reader. */
async function pdfText(pdf: Buffer, only?: (page: number, pages: number) => boolean): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    if (only && !only(p, doc.numPages)) continue;
    const content = await (await doc.getPage(p)).getTextContent();
    texts.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: texts.join('\n').replace(/\s+/g, ' ') };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const csvRows = (bytes: Buffer, sep = ';') =>
  bytes
    .toString('utf8')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(sep));

async function audited(targetId: string): Promise<Array<{ action: string; actorUsername: string; after: Record<string, unknown> }>> {
  return (await admin.get(`/api/v1/audit?target=${targetId}`)).body.items;
}

beforeAll(async () => {
  db = await adminDb();
  nats = await natsAs('admin');
  finance = await natsAs('finance-local');
  intake = new IntakeStandIn(nats);
  intake.start();
  // one after another: two Nest apps starting together on a shared 2-core machine can take minutes
  gateway = await startGateway({}, 120000);
  disbursement = await startApp('disbursement', { DISBURSEMENT_DOSSIER_POLL_MS: '300', SIGAP_OUTBOX_POLL_MS: '200' }, 120000);
  admin = await agencyAdmin(gateway.url, AGENCY);
  [fo, head, bendahara] = await Promise.all([
    officer(gateway.url, AGENCY, ['VERIFIER']),
    officer(gateway.url, AGENCY, ['HEAD']),
    officer(gateway.url, AGENCY, ['FINANCE']),
  ]);
  make = new DecreeFactory({ nats, intake, agencyCode: AGENCY, fiscalYear: YEAR, admin, officer: fo, head });
}, 400000);

afterAll(async () => {
  intake?.stop();
  await Promise.all([gateway?.stop(), disbursement?.stop()]);
  await finance?.close();
  await nats?.close();
  await db?.end();
});

describe('the decree as a document', () => {
  it('downloads as PDF with the number, every recipient and the total; full NIKs only for the roles that sign or pay; audited', async () => {
    const d = await make.small(3, AMOUNT);
    const people = d.ids.map((id) => intake.dossiers.get(id)!.applicant);

    const signed = await download(head, `/api/v1/disbursement/decrees/${d.id}/document?format=pdf&nik=full`);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('application/pdf');
    expect(signed.headers.get('content-disposition')).toMatch(/^attachment; filename="SK-188\.45-\d+-KEP-423\.012-\d{4}\.pdf"/);
    expect(signed.headers.get('cache-control')).toBe('no-store');
    const pdf = await pdfText(signed.bytes);
    expect(pdf.text).toContain('KEPUTUSAN WALIKOTA PASURUAN');
    expect(pdf.text).toContain(`NOMOR ${d.decreeNumber}`);
    expect(pdf.text).toContain('sebanyak 3 (tiga) orang');
    expect(pdf.text).toContain('Rp900.000,- (sembilan ratus ribu rupiah)');
    expect(pdf.text).toContain('JUMLAH (3 penerima) 900.000');
    expect(pdf.text).toContain('Drs. Adi Wibowo');
    for (const p of people) {
      expect(pdf.text).toContain(p.name);
      expect(pdf.text).toContain(p.nik);
    }

    // a verifier reads decrees, so the masked copy; the full NIKs are not for him
    const full = await download(fo, `/api/v1/disbursement/decrees/${d.id}/document?nik=full`);
    expect(full.status).toBe(403);
    expect(full.body.code).toBe('ROLE_REQUIRED');
    const masked = await download(fo, `/api/v1/disbursement/decrees/${d.id}/document`);
    expect(masked.status).toBe(200);
    const maskedText = (await pdfText(masked.bytes)).text;
    for (const p of people) {
      expect(maskedText).toContain(p.name);
      expect(maskedText).not.toContain(p.nik);
      expect(maskedText).toContain(p.nik.slice(-4));
    }

    // the XLSX: the attachment with every NIK as text, the ticket beside it, the total
    const x = await download(head, `/api/v1/disbursement/decrees/${d.id}/document?format=xlsx&nik=full`);
    expect(x.status).toBe(200);
    const lampiran = (await workbook(x.bytes)).getWorksheet('Lampiran')!;
    const rows: string[][] = [];
    lampiran.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String((v as { result?: unknown })?.result ?? v ?? ''))));
    for (const id of d.ids) {
      const dossier = intake.dossiers.get(id)!;
      expect(rows).toContainEqual(expect.arrayContaining([dossier.applicant.nik, dossier.ticketNumber]));
    }
    expect(rows.some((r) => r.includes('900000'))).toBe(true);

    // bad parameters are named; another agency sees nothing; each download is in the trail
    const bad = await download(head, `/api/v1/disbursement/decrees/${d.id}/document?format=docx`);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'format' })]);
    const stranger = await agencyAdmin(gateway.url, '33.04');
    expect((await download(stranger, `/api/v1/disbursement/decrees/${d.id}/document`)).body.code).toBe('AGENCY_OUT_OF_SCOPE');
    const trail = (await audited(d.id)).filter((a) => a.action === 'DECREE_DOCUMENT_DOWNLOADED');
    expect(trail.map((a) => [a.after.format, a.after.nik])).toEqual([
      ['xlsx', 'full'],
      ['pdf', 'masked'],
      ['pdf', 'full'],
    ]);
  }, 120000);

  it('makes the PDF of a 20,000-recipient decree, larger than a NATS message can carry, with every recipient and the exact total', async () => {
    const code = make.serviceCode();
    intake.standard(AGENCY, code, { amount: '1500000' });
    await db.query(
      `INSERT INTO disbursement.pool (application_id, agency_code, service_code, ticket_number, target_group, nik, name, address, village_code, dossier_at)
       SELECT gen_random_uuid(), $1, $2, $2 || '-' || lpad(i::text, 5, '0'), 'LANSIA', '3575014' || lpad(i::text, 9, '0'),
              'Penerima Nomor ' || i, 'Jl. Panglima Sudirman ' || i, '35.75.01.1001', now()
         FROM generate_series(1, 20000) AS i`,
      [AGENCY, code],
    );
    const line = await make.line(code, '30000000000');
    const d = await make.decree(code, line.id, `BIG/${randomUUID().slice(0, 8)}`);
    expect(d.total).toBe('30000000000');
    const started = Date.now();
    const got = await download(head, `/api/v1/disbursement/decrees/${d.id}/document?format=pdf&nik=full`);
    const ms = Date.now() - started;
    expect(got.status).toBe(200);
    expect(got.bytes.length).toBeGreaterThan(nats.info!.max_payload);
    // the first pages (the decree and the attachment's start) and the last two (the last rows, the total), as a reader sees them
    const pdf = await pdfText(got.bytes, (p, n) => p <= 2 || p >= n - 1);
    expect(pdf.pages).toBeGreaterThan(400);
    expect(pdf.text).toContain(`NOMOR ${d.decreeNumber}`);
    expect(pdf.text).toContain('sebanyak 20000 (dua puluh ribu) orang');
    expect(pdf.text).toContain('Rp30.000.000.000,- (tiga puluh miliar rupiah)');
    // the attachment lists by village and name: "Penerima Nomor 1" first, "Penerima Nomor 9999" the 20,000th
    expect(pdf.text).toContain('1 Penerima Nomor 1 3575014000000001 Jl. Panglima Sudirman 1 1.500.000');
    expect(pdf.text).toContain('20000 Penerima Nomor 9999 3575014000009999 Jl. Panglima Sudirman 9999 1.500.000');
    expect(pdf.text).toContain('JUMLAH (20000 penerima) 30.000.000.000');
    process.stdout.write(`20,000-recipient decree PDF through the gateway: ${got.bytes.length} bytes, ${pdf.pages} pages, ${ms} ms\n`);
  }, 300000);
});

describe("the bank's files", () => {
  it('exports the account-opening list, imports the answer once (good rows recorded, bad rows named), then the payment file adds up', async () => {
    const d = await make.small(4, AMOUNT);
    const base = `/api/v1/disbursement/decrees/${d.id}`;
    expect((await download(fo, `${base}/account-opening`)).body.code).toBe('ROLE_REQUIRED');

    const csv = await download(bendahara, `${base}/account-opening`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csvRows(csv.bytes);
    expect(lines[0]).toEqual([
      'NO',
      'NO_REFERENSI',
      'NIK',
      'NO_KK',
      'NAMA_LENGKAP',
      'TEMPAT_LAHIR',
      'TANGGAL_LAHIR',
      'JENIS_KELAMIN',
      'NAMA_IBU_KANDUNG',
      'ALAMAT',
      'RT',
      'RW',
      'KODE_WILAYAH',
      'KELURAHAN_DESA',
      'KECAMATAN',
      'KABUPATEN_KOTA',
      'NO_HP',
    ]);
    expect(lines).toHaveLength(5);
    const sent = lines.slice(1).map((l) => ({ reference: l[1], nik: l[2] }));
    for (const id of d.ids) {
      const p = intake.dossiers.get(id)!;
      const row = lines.find((l) => l[1] === p.ticketNumber)!;
      expect(row).toEqual(
        expect.arrayContaining([p.applicant.nik, p.applicant.kkNumber, p.applicant.name, '1950-03-10', 'P', '35.75.01.1001']),
      );
      expect(row[15]).toMatch(/Pasuruan/i);
    }
    const xlsx = await download(bendahara, `${base}/account-opening?format=xlsx`);
    const sheet = (await workbook(xlsx.bytes)).getWorksheet('Pembukaan Rekening')!;
    expect(sheet.getRow(2).getCell(3).value).toBe(sent[0].nik);

    // no accounts yet: the payment file names each line that has none
    const early = await download(bendahara, `${base}/payment-file`);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('DOCUMENT_INPUT_INVALID');
    expect(early.body.details).toContainEqual(expect.objectContaining({ path: 'lines[0].accountNumber' }));

    // the bank's answer: two accounts, one refused, one with a bad account number
    const answer = [
      'NO_REFERENSI;NIK;NO_REKENING;NAMA_REKENING;STATUS;KETERANGAN',
      `${sent[0].reference};${sent[0].nik};0012345601;PENERIMA SATU;BERHASIL;`,
      `${sent[1].reference};${sent[1].nik};0012345602;PENERIMA DUA;BERHASIL;`,
      `${sent[2].reference};${sent[2].nik};;;GAGAL;KTP tidak terbaca`,
      `${sent[3].reference};${sent[3].nik};00123X5604;PENERIMA EMPAT;BERHASIL;`,
    ].join('\r\n');
    expect((await upload(fo, `${base}/bank-accounts`, answer, 'jawaban.csv')).body.code).toBe('ROLE_REQUIRED');
    const first = await upload(bendahara, `${base}/bank-accounts`, answer, 'jawaban.csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accounts: 2, recorded: 2, unchanged: 0, locked: 0, rows: 4 });
    expect(first.body.refused).toEqual([{ row: 4, reference: sent[2].reference, reason: 'KTP tidak terbaca' }]);
    expect(first.body.errors).toEqual([expect.objectContaining({ row: 5, column: 'NO_REKENING', code: 'BANK_ANSWER_FORMAT' })]);
    expect(first.body.missing).toEqual([sent[3].reference]);
    // the same file again records nothing
    const again = await upload(bendahara, `${base}/bank-accounts`, answer, 'jawaban.csv');
    expect(again.body).toMatchObject({ accounts: 2, recorded: 0, unchanged: 2, sha256: first.body.sha256 });
    const decree = (await bendahara.get(base)).body;
    const accountOf = (ref: string) => decree.recipients.find((r: { ticketNumber: string }) => r.ticketNumber === ref).bankAccount;
    expect([accountOf(sent[0].reference), accountOf(sent[1].reference), accountOf(sent[2].reference)]).toEqual([
      '0012345601',
      '0012345602',
      null,
    ]);

    // the bank answers the other two later; an unreadable file and one too large change nothing
    const late = `NO_REFERENSI;NO_REKENING\r\n${sent[2].reference};0012345603\r\n${sent[3].reference};0012345604\r\n`;
    expect((await upload(bendahara, `${base}/bank-accounts`, 'hanya teks', 'jawaban.pdf')).body.code).toBe('BANK_ANSWER_FILE');
    const huge = await upload(bendahara, `${base}/bank-accounts`, Buffer.alloc(10 * 1024 * 1024 + 10, 65), 'besar.csv');
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('BANK_ANSWER_TOO_LARGE');
    expect((await upload(bendahara, `${base}/bank-accounts`, late, 'susulan.csv')).body).toMatchObject({ recorded: 2, errors: [] });

    const pay = await download(bendahara, `${base}/payment-file`);
    expect(pay.status).toBe(200);
    expect(pay.headers.get('x-sigap-count')).toBe('4');
    expect(pay.headers.get('x-sigap-total')).toBe(d.total);
    const rows = csvRows(pay.bytes);
    expect(rows[0]).toEqual(['NO', 'NO_REKENING', 'NAMA_REKENING', 'NOMINAL', 'NO_REFERENSI', 'NIK', 'BERITA']);
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['0012345601', '0012345602', '0012345603', '0012345604']);
    expect(
      rows
        .slice(1)
        .reduce((s, r) => s + BigInt(r[3]), 0n)
        .toString(),
    ).toBe(d.total);
    expect(rows.find((r) => r[1] === '0012345601')![2]).toBe('PENERIMA SATU');
    expect(rows[1][6]).toBe(`SK ${d.decreeNumber}`);

    const trail = (await audited(d.id)).map((a) => a.action);
    expect(trail.filter((a) => a === 'BANK_ANSWER_IMPORTED')).toHaveLength(3);
    expect(trail).toEqual(expect.arrayContaining(['ACCOUNT_OPENING_FILE_DOWNLOADED', 'PAYMENT_FILE_DOWNLOADED']));
  }, 120000);
});

describe('the realisation report', () => {
  it('shows per budget line, programme, area and month what was committed, paid, returned and what remains; a province its regencies', async () => {
    const d = await make.small(3, AMOUNT);
    const [a, b] = d.ids;
    const req = await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/requests`);
    expect(req.status).toBe(201);
    // a paid, b refused by the bank and given up, the third still at the finance office
    await publishEvent(
      finance,
      Subjects.extFinanceDisbursementSettled,
      settlement(req.body.requestId, {
        recipients: [
          { applicationId: a, status: 'PAID' },
          { applicationId: b, status: 'REJECTED', reason: 'rekening ditutup' },
        ],
      }),
    );
    await eventually(async () => {
      const lines = (await bendahara.get(`/api/v1/disbursement/decrees/${d.id}`)).body.lines;
      expect([lines.PAID.count, lines.FAILED.count]).toEqual([1, 1]);
    });
    expect(
      (
        await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/recipients/${b}/give-up`, {
          reason: 'penerima pindah ke luar daerah',
          publicReason: 'tidak dapat disalurkan',
        })
      ).status,
    ).toBe(200);

    const r = await fo.get(`/api/v1/disbursement/realisation?fiscalYear=${YEAR}&agencyCode=${AGENCY}`);
    expect(r.status).toBe(200);
    const mine = r.body.rows.filter((x: { budgetLineId: string }) => x.budgetLineId === d.budgetLineId);
    expect(mine).toEqual([
      expect.objectContaining({
        agencyCode: AGENCY,
        programme: d.serviceCode,
        areaCode: '35.75.01.1001',
        areaName: expect.any(String),
        month: '2026-12',
        committed: '900000',
        paid: '300000',
        returned: '300000',
        remaining: '300000',
      }),
    ]);
    const total = r.body.rows.reduce((s: bigint, x: { committed: string }) => s + BigInt(x.committed), 0n);
    expect(r.body.total.committed).toBe(total.toString());

    // a regency of Kalimantan Barat decrees; the province sees it in its roll-up, Pasuruan's rows not
    const pontianak = await agencyAdmin(gateway.url, '61.71');
    const [pfo, phead] = await Promise.all([officer(gateway.url, '61.71', ['VERIFIER']), officer(gateway.url, '61.71', ['HEAD'])]);
    const regency = new DecreeFactory({ nats, intake, agencyCode: '61.71', fiscalYear: YEAR, admin: pontianak, officer: pfo, head: phead });
    const pd = await regency.small(2, '250000');
    const province = await agencyAdmin(gateway.url, '61');
    // the province reads the regency's decree masked; its full NIKs and bank files stay with the regency
    expect((await download(province, `/api/v1/disbursement/decrees/${pd.id}/document`)).status).toBe(200);
    expect((await download(province, `/api/v1/disbursement/decrees/${pd.id}/document?nik=full`)).body.code).toBe('AGENCY_OUT_OF_SCOPE');
    expect((await download(province, `/api/v1/disbursement/decrees/${pd.id}/payment-file`)).body.code).toBe('AGENCY_OUT_OF_SCOPE');
    const roll = await province.get(`/api/v1/disbursement/realisation?fiscalYear=${YEAR}&agencyCode=61`);
    expect(roll.status).toBe(200);
    expect(roll.body.agencies).toEqual(expect.arrayContaining(['61', '61.71']));
    expect(roll.body.rows.map((x: { agencyCode: string }) => x.agencyCode)).not.toContain(AGENCY);
    expect(roll.body.rows.filter((x: { budgetLineId: string }) => x.budgetLineId === pd.budgetLineId)).toEqual([
      expect.objectContaining({ agencyCode: '61.71', committed: '500000', paid: '0', remaining: '500000' }),
    ]);
    expect(roll.body.byAgency).toContainEqual(expect.objectContaining({ agencyCode: '61.71' }));
    // the regency does not see its province's roll-up, nor does Pasuruan see Kalimantan Barat
    expect((await pfo.get(`/api/v1/disbursement/realisation?fiscalYear=${YEAR}&agencyCode=61`)).body.code).toBe('AGENCY_OUT_OF_SCOPE');
    expect((await fo.get(`/api/v1/disbursement/realisation?fiscalYear=${YEAR}&agencyCode=61.71`)).body.code).toBe('AGENCY_OUT_OF_SCOPE');
    expect((await fo.get('/api/v1/disbursement/realisation')).body.details).toEqual([expect.objectContaining({ path: 'fiscalYear' })]);

    // the XLSX: the same figures, a total at the end
    const x = await download(province, `/api/v1/disbursement/realisation?fiscalYear=${YEAR}&agencyCode=61&format=xlsx`);
    expect(x.status).toBe(200);
    const ws = (await workbook(x.bytes)).getWorksheet('Realisasi')!;
    let jumlah: unknown[] | undefined;
    ws.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v.includes('JUMLAH')) jumlah = v.map((c) => (c as { result?: unknown })?.result ?? c);
    });
    expect(jumlah).toBeDefined();
    expect(jumlah!.map(String)).toContain(roll.body.total.committed);
  }, 180000);
});
