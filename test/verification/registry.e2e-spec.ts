// The registry (DTSEN, formerly DTKS) end to end: real gateway and verification processes,
// files uploaded over HTTP (streamed into NATS Object Store), imported into snapshots in Postgres.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, openAsBlob, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Objm } from '@nats-io/obj';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import JSZip from 'jszip';
import { Rpc } from '#contracts';
import { maskNik } from '#domain';
import { adminDb, eventually, natsAs, publishEvent, readStream, repoRoot, startApp, type RunningApp } from '#testing';
import { isUuid } from '#platform';
import { agencyAdmin, Api, isErrorBody, openAccount, startGateway, testAdminPassword, unique } from '../gateway/support.js';
import { areaOf, csvLine, HEADER, person, personValues, writeRegistryCsv, type Area, type GeneratedPerson } from './registry-fixtures.js';

const dir = path.join(repoRoot, '.data', 'test-files', 'registry');
const PASSWORD = 'Verifikasi-2026!';

let gateway: RunningApp;
let verification: RunningApp;
let db: pg.Client;
let verifier: Api;
let frontOffice: Api;
let pasuruan: Api;
let banjarnegara: Area;
let kotaPasuruan: Area;

/** The administrator of an agency (see agencyAdmin in test/gateway/support.ts). */
function adminOf(agencyCode: string): Promise<Api> {
  return agencyAdmin(gateway.url, agencyCode);
}

async function user(roles: string[], agencyCode: string): Promise<Api> {
  const username = unique('v');
  const r = await openAccount(await adminOf(agencyCode), {
    username,
    displayName: 'Petugas Verifikasi',
    password: PASSWORD,
    agencyCode,
    roles,
  });
  if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.body)}`);
  return new Api(gateway.url).session(username, PASSWORD);
}

async function upload(api: Api, file: string | Blob, agencyCode: string, name = 'dtsen.csv') {
  const form = new FormData();
  form.set('agencyCode', agencyCode);
  form.set('file', typeof file === 'string' ? await openAsBlob(file) : file, name);
  const res = await fetch(`${gateway.url}/api/v1/registry/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function completed(api: Api, importId: string, timeoutMs = 30000) {
  return eventually(
    async () => {
      const r = await api.get(`/api/v1/registry/imports/${importId}?errorsLimit=1000`);
      expect(r.status).toBe(200);
      expect(['COMPLETED', 'FAILED']).toContain(r.body.status);
      return r.body;
    },
    { timeoutMs },
  );
}

// installation limits small enough to reach in a test: an upload of 24 MB (the 150,000-row file
// of the kill test is 16 MB), an .xlsx unpacking to 32 MB
const UPLOAD_MAX_BYTES = 24 * 1024 * 1024;
const VERIFICATION_ENV = { SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES: String(32 * 1024 * 1024) };

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  db = await adminDb();
  // allSettled: an app that did start is stopped in afterAll even when another did not
  const started = await Promise.allSettled([
    startGateway({ SIGAP_REGISTRY_UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) }),
    startApp('verification', VERIFICATION_ENV, 60000),
  ]);
  [gateway, verification] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as RunningApp[];
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  // the first admin logs in once, as every suite does before it creates its accounts
  await new Api(gateway.url).session('admin', testAdminPassword());
  [verifier, frontOffice, pasuruan] = await Promise.all([
    user(['VERIFIER'], '33.04'),
    user(['FRONT_OFFICE'], '33.04'),
    user(['VERIFIER'], '35.75'),
  ]);
  [banjarnegara, kotaPasuruan] = await Promise.all([areaOf('33.04'), areaOf('35.75')]);
  // the imports of this file replace each other with fewer rows: the drop guard, which would hold
  // them, is tested on its own agency (19) below
  for (const code of ['33.04', '35.75']) {
    const r = await (await adminOf(code)).put(`/api/v1/registry/settings/${code}`, { maxDropPercent: 100 });
    if (r.status !== 200) throw new Error(`registry settings of ${code}: ${r.status} ${JSON.stringify(r.body)}`);
  }
});

afterAll(async () => {
  // the apps' logs, for a failing run
  if (gateway) writeFileSync(path.join(dir, 'gateway.log'), gateway.output());
  if (verification) writeFileSync(path.join(dir, 'verification.log'), verification.output());
  await Promise.all([gateway?.stop(), verification?.stop()]);
  await db?.end();
});

/** A row of the generated registry with some columns replaced. */
function row(i: number, over: Partial<Record<(typeof HEADER)[number], string>>): string[] {
  const p = { ...person(banjarnegara, i), ...over };
  return HEADER.map((h) => p[h]);
}

describe('registry import', () => {
  it('loads the good rows and reports every bad row with its row number, field and reason', async () => {
    const base = 500_000;
    const good = 2000;
    const p = (i: number) => person(banjarnegara, base + i);
    const bad: Array<{ values: string[]; field: string; message: RegExp }> = [
      { values: row(base + 9001, { nik: '33040112345' }), field: 'nik', message: /nik must be 16 digits/ },
      { values: row(base + 9002, { nik: `999999${p(9002).nik.slice(6)}` }), field: 'nik', message: /area part/ },
      {
        values: row(base + 9003, { nik: `${p(9003).nik.slice(0, 8)}13${p(9003).nik.slice(10)}` }),
        field: 'nik',
        message: /not a date DDMMYY/,
      },
      { values: row(base + 9004, { tanggal_lahir: '1999-01-01' }), field: 'nik', message: /does not match the birth date/ },
      {
        values: row(base + 9005, { jenis_kelamin: p(9005).jenis_kelamin === 'L' ? 'P' : 'L' }),
        field: 'nik',
        message: /does not agree with the sex/,
      },
      { values: row(base + 9006, { nik: `${p(9006).nik.slice(0, 12)}0000` }), field: 'nik', message: /must not be 0000/ },
      { values: row(base + 9007, { no_kk: '12345' }), field: 'no_kk', message: /no_kk must be 16 digits/ },
      { values: row(base + 9008, { nama: '' }), field: 'nama', message: /nama must not be empty/ },
      { values: row(base + 9009, { tanggal_lahir: '1990.05.01' }), field: 'tanggal_lahir', message: /is not a date/ },
      { values: row(base + 9010, { tanggal_lahir: '2099-01-01', nik: '' }), field: 'tanggal_lahir', message: /in the future/ },
      { values: row(base + 9011, { jenis_kelamin: 'X' }), field: 'jenis_kelamin', message: /must be L or P/ },
      { values: row(base + 9012, { kode_desa: '33-04-01' }), field: 'kode_desa', message: /not a village code/ },
      { values: row(base + 9013, { kode_desa: '33.04.01.9999' }), field: 'kode_desa', message: /not a village .* official/ },
      { values: row(base + 9014, { kode_desa: '35.75.01.1001' }), field: 'kode_desa', message: /outside the agency's area/ },
      { values: row(base + 9015, { desil: '11' }), field: 'desil', message: /desil must be a whole number 1–10/ },
      { values: row(base + 9016, { program: 'PKH;B@D' }), field: 'program', message: /not a programme code/ },
      // the same NIK as the first good row: the first stays, this one is reported
      { values: personValues(p(0)), field: 'nik', message: /appears more than once in the file: first on row 2/ },
    ];
    // dates in the three formats, the village code in both forms
    const formats = [
      row(base + 9100, {}),
      (() => {
        const x = person(banjarnegara, base + 9101);
        const [y, m, d] = x.tanggal_lahir.split('-');
        return row(base + 9101, { tanggal_lahir: `${d}-${m}-${y}` });
      })(),
      (() => {
        const x = person(banjarnegara, base + 9102);
        const [y, m, d] = x.tanggal_lahir.split('-');
        return row(base + 9102, { tanggal_lahir: `${d}/${m}/${y}`, kode_desa: x.kode_desa.replace(/\./g, '') });
      })(),
    ];
    const file = path.join(dir, `mixed-${Date.now()}.csv`);
    let text = csvLine(HEADER);
    for (let i = 0; i < good; i++) text += csvLine(personValues(p(i)));
    for (const f of formats) text += csvLine(f);
    for (const b of bad) text += csvLine(b.values);
    writeFileSync(file, text);

    const up = await upload(verifier, file, '33.04');
    expect(up.status).toBe(202);
    expect(isUuid(up.body.importId)).toBe(true);
    const done = await completed(verifier, up.body.importId);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      rowsRead: good + formats.length + bad.length,
      rowsAccepted: good + formats.length,
      rowsRejected: bad.length,
      agencyCode: '33.04',
    });
    expect(isUuid(done.snapshotId)).toBe(true);
    const firstBadRow = 2 + good + formats.length;
    bad.forEach((b, k) => {
      const reported = done.errors.filter((e: any) => e.row === firstBadRow + k);
      expect(reported.length).toBeGreaterThanOrEqual(1);
      expect(reported).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: b.field, message: expect.stringMatching(b.message) })]),
      );
    });
    expect(done.errorsTotal).toBe(done.errors.length);

    // the full report, paged
    const page = await verifier.get(`/api/v1/registry/imports/${up.body.importId}/errors?limit=5&offset=5`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: done.errorsTotal, limit: 5, offset: 5 });
    expect(page.body.items).toEqual(done.errors.slice(5, 10));

    // every good row is there, in whatever format its date and village came
    // person 500003: on PKH and BPNT (every 7th), on row 5
    const someone = p(3);
    const found = await verifier.get(`/api/v1/registry/persons/${someone.nik}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      nik: someone.nik,
      kkNumber: someone.no_kk,
      name: someone.nama,
      birthDate: someone.tanggal_lahir,
      sex: someone.jenis_kelamin === 'L' ? 'M' : 'F',
      villageCode: someone.kode_desa.includes('.') ? someone.kode_desa : expect.stringMatching(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
      programs: ['BPNT', 'PKH'],
      snapshot: { snapshotId: done.snapshotId, agencyCode: '33.04', row: 5 },
    });
    for (const f of formats) {
      const r = await verifier.get(`/api/v1/registry/persons/${f[0]}`);
      expect(r.status).toBe(200);
      expect(r.body.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const household = await verifier.get(`/api/v1/registry/households/${someone.no_kk}`);
    expect(household.status).toBe(200);
    expect(household.body.members.map((m: any) => m.kkNumber)).toEqual(Array(household.body.members.length).fill(someone.no_kk));
    expect(household.body.members.map((m: any) => m.nik)).toContain(someone.nik);

    // another agency's staff do not see it
    expect((await pasuruan.get(`/api/v1/registry/persons/${someone.nik}`)).status).toBe(404);
    expect((await pasuruan.get(`/api/v1/registry/imports/${up.body.importId}`)).status).toBe(404);
  });

  it('refuses a file missing a required column whole, with a 400 naming it', async () => {
    const file = path.join(dir, `no-kk-${Date.now()}.csv`);
    const header = HEADER.filter((h) => h !== 'no_kk' && h !== 'kode_desa');
    await writeRegistryCsv(file, banjarnegara, 10, { header, from: 600_000 });
    const before = await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports`);
    const r = await upload(verifier, file, '33.04');
    expect(r.status).toBe(400);
    expect(isErrorBody(r.body, 400)).toBe(true);
    expect(r.body.message).toMatch(/no_kk/);
    expect(r.body.details).toEqual(
      expect.arrayContaining([
        { path: 'file.no_kk', message: 'column no_kk is missing' },
        { path: 'file.kode_desa', message: 'column kode_desa is missing' },
      ]),
    );
    expect((await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports`)).rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses an upload by staff who are not verifiers, or for another agency', async () => {
    const file = path.join(dir, `small-${Date.now()}.csv`);
    await writeRegistryCsv(file, banjarnegara, 5, { from: 610_000 });
    expect((await upload(frontOffice, file, '33.04')).status).toBe(403);
    expect((await upload(pasuruan, file, '33.04')).status).toBe(403);
    const notCsv = await upload(verifier, new Blob(['hello']), '33.04', 'notes.pdf');
    expect(notCsv.status).toBe(400);
  });

  it('imports the first sheet of an .xlsx workbook (shared strings, date cells)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DTSEN');
    // columns in another order and upper case: names are case-insensitive, order free
    const cols = ['NAMA', 'NIK', 'NO_KK', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'ALAMAT', 'KODE_DESA', 'DESIL', 'PROGRAM'];
    ws.addRow(cols);
    const n = 300;
    for (let i = 0; i < n; i++) {
      const q = person(banjarnegara, 700_000 + i);
      const [y, m, d] = q.tanggal_lahir.split('-').map(Number);
      ws.addRow([
        q.nama,
        q.nik,
        q.no_kk,
        i % 2 ? new Date(Date.UTC(y, m - 1, d)) : q.tanggal_lahir,
        q.jenis_kelamin,
        q.alamat,
        q.kode_desa,
        q.desil === '' ? null : Number(q.desil),
        q.program,
      ]);
    }
    ws.addRow(['Bad Row', '123', '', '', 'L', '', '', '', '']);
    wb.addWorksheet('Catatan').addRow(['not', 'read']);
    const file = path.join(dir, `dtsen-${Date.now()}.xlsx`);
    await wb.xlsx.writeFile(file);
    const up = await upload(verifier, file, '33.04', 'dtsen.xlsx');
    expect(up.status).toBe(202);
    const done = await completed(verifier, up.body.importId);
    expect(done).toMatchObject({ status: 'COMPLETED', format: 'XLSX', rowsRead: n + 1, rowsAccepted: n, rowsRejected: 1 });
    expect(
      done.errors
        .filter((e: any) => e.row === n + 2)
        .map((e: any) => e.field)
        .sort(),
    ).toEqual(['jenis_kelamin', 'kode_desa', 'nik', 'no_kk', 'tanggal_lahir'].filter((f) => f !== 'jenis_kelamin').sort());
    const q = person(banjarnegara, 700_001);
    const r = await verifier.get(`/api/v1/registry/persons/${q.nik}`);
    expect(r.body).toMatchObject({ name: q.nama, birthDate: q.tanggal_lahir, decile: q.desil === '' ? null : Number(q.desil) });
  });
});

describe('registry snapshots', () => {
  it('keeps every snapshot and lists what was added, removed and changed since the previous one', async () => {
    const from = 800_000;
    const a = path.join(dir, `snap-a-${Date.now()}.csv`);
    const b = path.join(dir, `snap-b-${Date.now()}.csv`);
    await writeRegistryCsv(a, kotaPasuruan, 1000, { from });
    // B: persons 0–9 gone, 1000–1014 new, 20–24 renamed, 30–32 on a new programme
    const changed = (i: number) => {
      const q = person(kotaPasuruan, from + i);
      if (i >= 20 && i < 25) q.nama = `${q.nama} Baru`;
      if (i >= 30 && i < 33) q.program = 'PKH;BLT-DD';
      return personValues(q);
    };
    let text = csvLine(HEADER);
    for (let i = 10; i < 1015; i++) text += csvLine(changed(i));
    writeFileSync(b, text);

    const first = await completed(pasuruan, (await upload(pasuruan, a, '35.75')).body.importId);
    const second = await completed(pasuruan, (await upload(pasuruan, b, '35.75')).body.importId);
    expect(first.status).toBe('COMPLETED');
    expect(second.status).toBe('COMPLETED');

    const list = await pasuruan.get('/api/v1/registry/snapshots?agencyCode=35.75');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((s: any) => s.snapshotId);
    expect(ids.slice(0, 2)).toEqual([second.snapshotId, first.snapshotId]);
    expect(list.body.items[0]).toMatchObject({ current: true, status: 'COMPLETE', rows: 1005, previousSnapshotId: first.snapshotId });
    expect(list.body.items[1]).toMatchObject({ current: false, status: 'COMPLETE', rows: 1000 });

    const diff = await pasuruan.get(`/api/v1/registry/snapshots/${second.snapshotId}/diff?limit=100`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ againstSnapshotId: first.snapshotId, counts: { added: 15, removed: 10, changed: 8 }, total: 33 });
    const byNik = new Map(diff.body.items.map((i: any) => [i.nik, i]));
    expect(byNik.get(person(kotaPasuruan, from + 3).nik)).toMatchObject({ change: 'REMOVED', fields: [] });
    expect(byNik.get(person(kotaPasuruan, from + 1003).nik)).toMatchObject({ change: 'ADDED' });
    expect(byNik.get(person(kotaPasuruan, from + 21).nik)).toMatchObject({
      change: 'CHANGED',
      fields: [{ field: 'name', before: person(kotaPasuruan, from + 21).nama, after: `${person(kotaPasuruan, from + 21).nama} Baru` }],
    });
    expect(byNik.get(person(kotaPasuruan, from + 31).nik)).toMatchObject({
      change: 'CHANGED',
      fields: [{ field: 'programs', after: ['BLT-DD', 'PKH'] }],
    });

    const page = await pasuruan.get(
      `/api/v1/registry/snapshots/${second.snapshotId}/diff?against=${first.snapshotId}&change=CHANGED&limit=3&offset=3`,
    );
    expect(page.body).toMatchObject({ total: 8, limit: 3, offset: 3 });
    expect(page.body.items).toHaveLength(3);
    // the current snapshot answers lookups; the old one is kept, not current
    expect((await pasuruan.get(`/api/v1/registry/persons/${person(kotaPasuruan, from + 3).nik}`)).status).toBe(404);
    expect((await pasuruan.get(`/api/v1/registry/persons/${person(kotaPasuruan, from + 1003).nik}`)).status).toBe(200);
    expect((await verifier.get(`/api/v1/registry/snapshots/${second.snapshotId}/diff`)).status).toBe(404);
  });

  it('makes no half snapshot current when the service is killed mid-import, and finishes the import after the restart', async () => {
    const rows = 150_000;
    const file = path.join(dir, `large-${Date.now()}.csv`);
    await writeRegistryCsv(file, kotaPasuruan, rows, { from: 900_000 });
    const currentBefore =
      (await db.query(`SELECT id FROM verification.registry_snapshots WHERE agency_code = '35.75' AND is_current`)).rows[0]?.id ?? null;
    const up = await upload(pasuruan, file, '35.75');
    expect(up.status).toBe(202);
    await eventually(
      async () => {
        const r = await pasuruan.get(`/api/v1/registry/imports/${up.body.importId}`);
        expect(r.body.status).toBe('RUNNING');
        expect(r.body.rowsRead).toBeGreaterThan(0);
      },
      { timeoutMs: 20000, intervalMs: 20 },
    );
    verification.process.kill('SIGKILL');
    await verification.stop();
    const mid = await db.query(`SELECT status FROM verification.registry_imports WHERE id = $1`, [up.body.importId]);
    // killed while loading or while indexing: either way the import is left RUNNING
    expect(mid.rows[0].status).toBe('RUNNING');
    const current = await db.query(`SELECT id FROM verification.registry_snapshots WHERE agency_code = '35.75' AND is_current`);
    expect(current.rows[0]?.id ?? null).toBe(currentBefore);
    const loading = await db.query(
      `SELECT count(*)::int AS n FROM verification.registry_snapshots WHERE import_id = $1 AND (is_current OR status = 'COMPLETE')`,
      [up.body.importId],
    );
    expect(loading.rows[0].n).toBe(0);

    verification = await startApp('verification', VERIFICATION_ENV, 60000);
    const done = await completed(pasuruan, up.body.importId, 60000);
    expect(done).toMatchObject({ status: 'COMPLETED', rowsRead: rows, rowsAccepted: rows, rowsRejected: 0, attempts: 2 });
    const after = await db.query(`SELECT id, rows FROM verification.registry_snapshots WHERE agency_code = '35.75' AND is_current`);
    expect(after.rows[0]).toEqual({ id: done.snapshotId, rows });
    const persons = await db.query(`SELECT count(*)::int AS n FROM verification.registry_persons WHERE snapshot_id = $1`, [
      done.snapshotId,
    ]);
    expect(persons.rows[0].n).toBe(rows);
    // the first attempt's table is gone, its snapshot marked failed
    const failed = await db.query(
      `SELECT count(*)::int AS n FROM verification.registry_snapshots WHERE import_id = $1 AND status = 'FAILED'`,
      [up.body.importId],
    );
    expect(failed.rows[0].n).toBe(1);
  });
});

describe('registry snapshots announced by a department system', () => {
  const DROPS = 'sigap_registry_drops';
  let ext: NatsConnection;
  const heard: any[] = [];
  const subs: Subscription[] = [];

  beforeAll(async () => {
    // what the Kemensos data centre would do, as the outside account `ext` and nothing more
    ext = await natsAs('ext');
    for (const subject of ['sigap.verification.registry.import.finished.v1', 'sigap.rejected']) {
      const sub = ext.subscribe(subject);
      subs.push(sub);
      void (async () => {
        for await (const m of sub) heard.push({ ...m.json<any>(), heardOn: subject });
      })();
    }
  });

  afterAll(async () => {
    for (const sub of subs) sub.unsubscribe();
    await ext?.drain();
  });

  /** Puts a file in ext's drop bucket; its digest, as the Object Store reports it, goes in the announcement. */
  async function drop(name: string, file: string): Promise<string> {
    const os = await new Objm(ext).open(DROPS);
    return (await os.putBlob({ name }, new Uint8Array(readFileSync(file)))).digest;
  }

  const SOME_DIGEST = `SHA-256=${'A'.repeat(43)}=`;
  function announcement(over: Record<string, unknown>) {
    return {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      source: 'pusdatin-kemensos',
      agencyCode: '33.04',
      format: 'CSV',
      label: 'DTSEN 2026-11',
      digest: SOME_DIGEST,
      ...over,
    };
  }

  const finishedFor = (eventId: string) =>
    eventually(
      async () => {
        const f = heard.find((h) => h.heardOn === 'sigap.verification.registry.import.finished.v1' && h.sourceEventId === eventId);
        expect(f).toBeDefined();
        return f;
      },
      { timeoutMs: 30000 },
    );

  it('imports a file put in the drop bucket and announced by event, once however often the event comes, and says how it ended', async () => {
    const rows = 400;
    const file = path.join(dir, `announced-${Date.now()}.csv`);
    await writeRegistryCsv(file, banjarnegara, rows, { from: 800_000, extra: [row(800_999, { desil: '12' })] });
    const name = `dtsen-3304-${Date.now()}.csv`;
    const digest = await drop(name, file);
    const event = announcement({ objectName: name, digest });
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', event);
    // the same announcement again (a publisher's retry after a lost ack, past the stream's dedup window)
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', event, randomUUID());

    const finished = await finishedFor(event.eventId);
    expect(finished).toMatchObject({
      status: 'COMPLETED',
      agencyCode: '33.04',
      rowsRead: rows + 1,
      rowsAccepted: rows,
      rowsRejected: 1,
      failure: null,
    });
    expect(isUuid(finished.snapshotId)).toBe(true);

    // staff see it like an upload: its report, its snapshot (marked as announced), its people
    const imp = await verifier.get(`/api/v1/registry/imports/${finished.importId}`);
    expect(imp.status).toBe(200);
    expect(imp.body).toMatchObject({
      status: 'COMPLETED',
      createdBy: 'system:ext',
      snapshotId: finished.snapshotId,
      rowsRejected: 1,
      sourceEventId: event.eventId,
      label: 'DTSEN 2026-11',
    });
    expect(imp.body.errors).toEqual([{ row: rows + 2, field: 'desil', message: expect.stringMatching(/desil/) }]);
    const snaps = await verifier.get('/api/v1/registry/snapshots?agencyCode=33.04');
    expect(snaps.body.items[0]).toMatchObject({ snapshotId: finished.snapshotId, source: 'EVENT', current: true, rows });
    const someone = person(banjarnegara, 800_010);
    const found = await verifier.get(`/api/v1/registry/persons/${someone.nik}`);
    expect(found.body).toMatchObject({ name: someone.nama, snapshot: { snapshotId: finished.snapshotId } });

    // one import for the event, and the file is gone from the bucket once imported
    await new Promise((r) => setTimeout(r, 1500));
    const n = await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports WHERE source_event_id = $1`, [event.eventId]);
    expect(n.rows[0].n).toBe(1);
    expect(heard.filter((h) => h.sourceEventId === event.eventId)).toHaveLength(1);
    const os = await new Objm(ext).open(DROPS);
    expect((await os.info(name))?.deleted ?? true).toBe(true);
  });

  it('fails an announced file that misses a column, or is not in the bucket, and says why', async () => {
    const file = path.join(dir, `announced-bad-${Date.now()}.csv`);
    await writeRegistryCsv(file, banjarnegara, 5, { header: HEADER.filter((h) => h !== 'no_kk'), from: 810_000 });
    const name = `dtsen-3304-nokk-${Date.now()}.csv`;
    const missingColumn = announcement({ objectName: name, digest: await drop(name, file) });
    const missingFile = announcement({ objectName: `never-put-${Date.now()}.csv` });
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', missingColumn);
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', missingFile);
    expect(await finishedFor(missingColumn.eventId)).toMatchObject({
      status: 'FAILED',
      snapshotId: null,
      failure: expect.stringMatching(/no_kk/),
    });
    expect(await finishedFor(missingFile.eventId)).toMatchObject({
      status: 'FAILED',
      snapshotId: null,
      failure: expect.stringMatching(/not \(or no longer\) in bucket sigap_registry_drops/),
    });
  });

  it('fails an announced file whose bytes do not have the announced digest, and imports nothing of it', async () => {
    const file = path.join(dir, `announced-other-${Date.now()}.csv`);
    await writeRegistryCsv(file, banjarnegara, 5, { from: 820_000 });
    const name = `dtsen-3304-swapped-${Date.now()}.csv`;
    const announced = await drop(name, file);
    // the file is replaced after its digest was taken (another export, a tampered one)
    await writeRegistryCsv(file, banjarnegara, 6, { from: 821_000 });
    const actual = await drop(name, file);
    expect(actual).not.toBe(announced);
    const event = announcement({ objectName: name, digest: announced });
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', event);
    const finished = await finishedFor(event.eventId);
    expect(finished).toMatchObject({ status: 'FAILED', snapshotId: null, rowsAccepted: 0 });
    expect(finished.failure).toContain(`not the one announced: its digest is ${actual}`);
    const found = await verifier.get(`/api/v1/registry/persons/${person(banjarnegara, 821_001).nik}`);
    expect(found.status).toBe(404);
  });

  it('rejects an announcement for an agency that keeps no registry, or a malformed one, naming the field', async () => {
    const unknown = announcement({ objectName: 'x.csv', agencyCode: '99.99' });
    const malformed = announcement({ objectName: '../etc/passwd', format: 'PDF', digest: 'md5:abc' });
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', unknown);
    await publishEvent(ext, 'sigap.ext.registry.snapshot.published.v1', malformed);
    const rejectionOf = (id: string) =>
      eventually(
        async () => {
          const r = heard.find((h) => h.heardOn === 'sigap.rejected' && h.eventId === id);
          expect(r).toBeDefined();
          return r;
        },
        { timeoutMs: 20000 },
      );
    expect((await rejectionOf(unknown.eventId)).errors).toEqual([
      { path: 'agencyCode', message: expect.stringMatching(/not an agency of this installation/) },
    ]);
    expect((await rejectionOf(malformed.eventId)).errors.map((e: any) => e.path).sort()).toEqual(['digest', 'format', 'objectName']);
    const n = await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports WHERE source_event_id = ANY($1::uuid[])`, [
      [unknown.eventId, malformed.eventId],
    ]);
    expect(n.rows[0].n).toBe(0);
  });

  it('lets the outside account reach only the drop bucket, not the uploads of staff', async () => {
    await expect(
      new Objm(ext).open('sigap_registry_uploads').then((os) => os.putBlob({ name: 'sneaky.csv' }, new Uint8Array([1]))),
    ).rejects.toThrow();
  });
});

describe('registry reads: who may read personal data, and the audit trail', () => {
  it('lets only verifiers, heads and admins read persons, households and diffs, and audits every lookup and diff page, the NIK and KK masked', async () => {
    const from = 620_000;
    const a = path.join(dir, `reads-a-${Date.now()}.csv`);
    const b = path.join(dir, `reads-b-${Date.now()}.csv`);
    await writeRegistryCsv(a, banjarnegara, 12, { from });
    await writeRegistryCsv(b, banjarnegara, 12, { from: from + 4 });
    const first = await completed(verifier, (await upload(verifier, a, '33.04')).body.importId);
    const second = await completed(verifier, (await upload(verifier, b, '33.04')).body.importId);
    expect([first.status, second.status]).toEqual(['COMPLETED', 'COMPLETED']);
    const someone = person(banjarnegara, from + 5);
    const nobody = '3304019999999999';
    const [head, finance, admin33] = await Promise.all([user(['HEAD'], '33.04'), user(['FINANCE'], '33.04'), adminOf('33.04')]);
    const nameOf = async (api: Api) => (await api.get('/api/v1/auth/me')).body.username as string;

    // front office and finance read no person, household or diff, by URL or by body
    for (const who of [frontOffice, finance]) {
      const tries = await Promise.all([
        who.get(`/api/v1/registry/persons/${someone.nik}`),
        who.post('/api/v1/registry/persons/search', { nik: someone.nik }),
        who.get(`/api/v1/registry/households/${someone.no_kk}`),
        who.post('/api/v1/registry/households/search', { kkNumber: someone.no_kk }),
        who.get(`/api/v1/registry/snapshots/${second.snapshotId}/diff`),
      ]);
      expect(tries.map((t) => t.status)).toEqual([403, 403, 403, 403, 403]);
      expect(tries[0].body.code).toBe('ROLE_REQUIRED');
    }
    // nor through verification around the gateway: it checks the roles too
    const nc = await natsAs('admin');
    try {
      const data = { actor: { userId: randomUUID(), username: 'fo', agencyCode: '33.04', roles: ['FRONT_OFFICE'] }, nik: someone.nik };
      const asked = await nc.request(
        Rpc.verification.getPerson,
        JSON.stringify({ pattern: Rpc.verification.getPerson, data, id: randomUUID() }),
        { timeout: 5000 },
      );
      expect(JSON.parse(asked.string()).response).toMatchObject({ ok: false, error: { statusCode: 403, code: 'ROLE_REQUIRED' } });
    } finally {
      await nc.close();
    }

    // verifiers, heads and admins do; the NIK and the KK number go in the body
    // the dashboard sends an Idempotency-Key with every POST: a search's answer must not be kept for it
    const key = randomUUID();
    const found = await verifier.post('/api/v1/registry/persons/search', { nik: someone.nik }, { 'Idempotency-Key': key });
    expect(found.status).toBe(200);
    expect(found.headers.get('idempotent-replayed')).toBeNull();
    expect((await db.query(`SELECT count(*)::int AS n FROM gateway.idempotency_keys WHERE key = $1`, [key])).rows[0].n).toBe(0);
    expect(found.body).toMatchObject({
      nik: someone.nik,
      name: someone.nama,
      snapshot: { snapshotId: second.snapshotId, agencyCode: '33.04' },
    });
    expect((await verifier.post('/api/v1/registry/persons/search', { nik: nobody })).status).toBe(404);
    const bad = await verifier.post('/api/v1/registry/persons/search', { nik: '3304' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'nik', message: 'nik must be 16 digits' }]);
    const household = await head.post('/api/v1/registry/households/search', { kkNumber: someone.no_kk });
    expect(household.status).toBe(200);
    expect(household.body.members.map((m: any) => m.nik)).toContain(someone.nik);
    const page = await admin33.get(`/api/v1/registry/snapshots/${second.snapshotId}/diff?change=REMOVED&limit=2&offset=1`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ agencyCode: '33.04', againstSnapshotId: first.snapshotId, total: 4, limit: 2, offset: 1 });

    // the agency's admin reads who looked up whom and when, each NIK and KK shown by its last 4 digits only
    const [v, h, ad] = await Promise.all([nameOf(verifier), nameOf(head), nameOf(admin33)]);
    const trail = async (action: string, actor: string) => {
      const r = await admin33.get(`/api/v1/audit?action=${action}&actor=${actor}&limit=5`);
      expect(r.status).toBe(200);
      return r.body.items;
    };
    const persons = await trail('REGISTRY_PERSON_LOOKED_UP', v);
    expect(persons.slice(0, 2)).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ username: v }),
        at: expect.any(String),
        agencyCode: '33.04',
        target: { type: 'REGISTRY_PERSON', id: maskNik(nobody), label: maskNik(nobody) },
        after: { nik: maskNik(nobody), outcome: 'REGISTRY_PERSON_NOT_FOUND', snapshotId: null },
      }),
      expect.objectContaining({
        target: { type: 'REGISTRY_PERSON', id: maskNik(someone.nik), label: maskNik(someone.nik) },
        after: { nik: maskNik(someone.nik), outcome: 'FOUND', snapshotId: second.snapshotId },
      }),
    ]);
    const households = await trail('REGISTRY_HOUSEHOLD_LOOKED_UP', h);
    expect(households[0]).toMatchObject({
      target: { type: 'REGISTRY_HOUSEHOLD', id: maskNik(someone.no_kk) },
      after: {
        kkNumber: maskNik(someone.no_kk),
        outcome: 'FOUND',
        members: household.body.members.length,
        snapshotIds: [second.snapshotId],
      },
    });
    const diffs = await trail('REGISTRY_DIFF_VIEWED', ad);
    expect(diffs[0]).toMatchObject({
      target: { type: 'REGISTRY_SNAPSHOT', id: second.snapshotId },
      agencyCode: '33.04',
      after: {
        outcome: 'SHOWN',
        snapshotId: second.snapshotId,
        againstSnapshotId: first.snapshotId,
        change: 'REMOVED',
        limit: 2,
        offset: 1,
        items: 2,
      },
    });
    // the refused reads left nothing to read; and no full number is kept, nor shown
    expect(await trail('REGISTRY_PERSON_LOOKED_UP', await nameOf(frontOffice))).toEqual([]);
    const shown = JSON.stringify([persons, households, diffs]);
    for (const n of [someone.nik, someone.no_kk, nobody]) expect(shown).not.toContain(n);
    const kept = await db.query(
      `SELECT count(*)::int AS n FROM gateway.audit_log WHERE action LIKE 'REGISTRY_%' AND concat_ws(' ', target_id, target_label, after::text, before::text) ~ $1`,
      [`${someone.nik}|${someone.no_kk}|${nobody}`],
    );
    expect(kept.rows[0].n).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile and oversized input (issue 9, section 4)

const UPLOADS = 'sigap_registry_uploads';
const enc = (s: string) => new TextEncoder().encode(s);

type Part = { name: string; value: string } | { name: string; filename: string; data: Uint8Array | (() => AsyncIterable<Uint8Array>) };

/**
 * A multipart upload written part by part, in the order given (FormData cannot put a field after
 * the file on purpose); `chunked` sends it without Content-Length, as a stream.
 */
async function multipart(api: Api, parts: Part[], opts: { query?: string; chunked?: boolean } = {}) {
  const boundary = `----sigap-${randomUUID()}`;
  async function* body(): AsyncGenerator<Uint8Array> {
    for (const p of parts) {
      const file = 'filename' in p ? `; filename="${p.filename}"\r\nContent-Type: text/csv` : '';
      yield enc(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n\r\n`);
      if ('value' in p) yield enc(p.value);
      else if (p.data instanceof Uint8Array) yield p.data;
      else yield* p.data();
      yield enc('\r\n');
    }
    yield enc(`--${boundary}--\r\n`);
  }
  let init: Record<string, unknown>;
  if (opts.chunked) {
    init = { body: ReadableStream.from(body()), duplex: 'half' };
  } else {
    const chunks: Uint8Array[] = [];
    for await (const c of body()) chunks.push(c);
    init = { body: Buffer.concat(chunks) };
  }
  const send = () =>
    fetch(`${gateway.url}/api/v1/registry/imports${opts.query ?? ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      ...init,
    } as RequestInit);
  let res: Response;
  try {
    res = await send();
  } catch (e) {
    // a kept-alive connection the gateway closed as idle just as this request began to use it (on a
    // loaded machine the client's timers run late): the request never reached the gateway, send it again
    if (opts.chunked || !/ECONNRESET|other side closed/.test(String((e as { cause?: unknown }).cause ?? e))) throw e;
    res = await send();
  }
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

/** `size` bytes of registry-looking CSV, 1 MB at a time. */
function csvBytes(size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const line = enc(`${personValues(person(banjarnegara, 1)).join(';')}\n`);
    const block = new Uint8Array(1024 * 1024);
    for (let i = 0; i + line.length <= block.length; i += line.length) block.set(line, i);
    for (let sent = 0; sent < size; sent += block.length) yield block.subarray(0, Math.min(block.length, size - sent));
  };
}

describe('registry uploads: authorized before a byte is stored, limited in size', () => {
  let nats: NatsConnection;

  beforeAll(async () => {
    nats = await natsAs('admin');
  });

  afterAll(async () => {
    await nats?.drain();
  });

  /** The uploads bucket's stream as the NATS administrator sees it: every message ever put (lastSeq), what it holds. */
  async function bucket() {
    const jsm = await jetstreamManager(nats);
    const info = await jsm.streams.info(`OBJ_${UPLOADS}`, { subjects_filter: `$O.${UPLOADS}.C.>` });
    const chunks = Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
    return { lastSeq: info.state.last_seq, bytes: info.state.bytes, chunks, config: info.config };
  }

  const importRows = async () => (await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports`)).rows[0].n as number;

  it('stores nothing of an upload by the wrong role, for another agency, or whose agencyCode comes after the file or not at all', async () => {
    const file = await writeSmall();
    const before = { bucket: await bucket(), imports: await importRows() };
    const refusals = [
      // the role comes from the token
      {
        as: frontOffice,
        parts: [
          { name: 'agencyCode', value: '33.04' },
          { name: 'file', filename: 'dtsen.csv', data: file },
        ],
        status: 403,
      },
      // another agency: named before the file, in the form or in the URL
      {
        as: pasuruan,
        parts: [
          { name: 'agencyCode', value: '33.04' },
          { name: 'file', filename: 'dtsen.csv', data: file },
        ],
        status: 403,
      },
      { as: pasuruan, parts: [{ name: 'file', filename: 'dtsen.csv', data: file }], query: '?agencyCode=33.04', status: 403 },
      // the agency only after the file: the file would have to be stored before it is known
      {
        as: verifier,
        parts: [
          { name: 'file', filename: 'dtsen.csv', data: file },
          { name: 'agencyCode', value: '33.04' },
        ],
        status: 400,
        path: 'agencyCode',
      },
      { as: verifier, parts: [{ name: 'file', filename: 'dtsen.csv', data: file }], status: 400, path: 'agencyCode' },
      {
        as: verifier,
        parts: [
          { name: 'agencyCode', value: '99.99' },
          { name: 'file', filename: 'dtsen.csv', data: file },
        ],
        status: 400,
        path: 'agencyCode',
      },
      {
        as: verifier,
        parts: [
          { name: 'agencyCode', value: '35.75' },
          { name: 'file', filename: 'dtsen.csv', data: file },
        ],
        query: '?agencyCode=33.04',
        status: 400,
        path: 'agencyCode',
      },
    ] as Array<{ as: Api; parts: Part[]; query?: string; status: number; path?: string }>;
    for (const r of refusals) {
      const res = await multipart(r.as, r.parts, { query: r.query });
      expect({ status: res.status, path: res.body.details?.[0]?.path }).toEqual({
        status: r.status,
        path: r.path ?? res.body.details?.[0]?.path,
      });
      expect(isErrorBody(res.body, r.status)).toBe(true);
    }
    const after = { bucket: await bucket(), imports: await importRows() };
    // not a chunk was ever published to the bucket, and no import was queued
    expect(after.bucket.lastSeq).toBe(before.bucket.lastSeq);
    expect(after.imports).toBe(before.imports);

    // the agency in the URL alone is enough
    const ok = await multipart(verifier, [{ name: 'file', filename: 'dtsen.csv', data: file }], { query: '?agencyCode=33.04' });
    expect(ok.status).toBe(202);
    expect(await completed(verifier, ok.body.importId)).toMatchObject({ status: 'COMPLETED', agencyCode: '33.04', rowsAccepted: 5 });
  });

  async function writeSmall(): Promise<Uint8Array> {
    const f = path.join(dir, `auth-${Date.now()}.csv`);
    await writeRegistryCsv(f, banjarnegara, 5, { from: 620_000 });
    return readFileSync(f);
  }

  it('answers 413 for a file over the upload limit, at once when its length is declared, and leaves no partial object', async () => {
    const before = { bucket: await bucket(), imports: await importRows() };
    // declared: refused before a byte is read
    const declared = new Uint8Array(UPLOAD_MAX_BYTES + 1024 * 1024);
    const r1 = await multipart(verifier, [
      { name: 'agencyCode', value: '33.04' },
      { name: 'file', filename: 'dtsen.csv', data: declared },
    ]);
    expect(r1.status).toBe(413);
    expect(r1.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'REGISTRY_UPLOAD_TOO_LARGE',
      details: [{ path: 'file', message: expect.stringMatching(/at most 25165824 bytes/) }],
    });
    expect((await bucket()).lastSeq).toBe(before.bucket.lastSeq);
    // streamed without a length: refused when the limit is passed, the chunks already stored purged
    const r2 = await multipart(
      verifier,
      [
        { name: 'agencyCode', value: '33.04' },
        { name: 'file', filename: 'dtsen.csv', data: csvBytes(UPLOAD_MAX_BYTES + 3 * 1024 * 1024) },
      ],
      { chunked: true },
    );
    expect(r2.status).toBe(413);
    expect(r2.body).toMatchObject({ code: 'REGISTRY_UPLOAD_TOO_LARGE' });
    const after = await eventually(async () => {
      const b = await bucket();
      expect(b.chunks).toBe(before.bucket.chunks);
      return b;
    });
    // it had begun to store (the limit is checked as the bytes pass), and nothing of it stays
    expect(after.lastSeq).toBeGreaterThan(before.bucket.lastSeq);
    expect(after.bytes).toBeLessThanOrEqual(before.bucket.bytes + 4096);
    const os = await new Objm(nats).open(UPLOADS);
    const live: string[] = [];
    for (const o of await os.list()) if (!o.deleted) live.push(o.name);
    expect(live).toEqual([]);
    expect(await importRows()).toBe(before.imports);
  });

  it('answers 413 when the uploads bucket has no room, and stores nothing', async () => {
    const before = await bucket();
    const jsm = await jetstreamManager(nats);
    // the bucket's limit is provisioned (SIGAP_REGISTRY_UPLOADS_BUCKET_MAX_BYTES): nearly full now
    expect(before.config.max_bytes).toBeGreaterThan(0);
    await jsm.streams.update(before.config.name, { ...before.config, max_bytes: before.bytes + 2 * 1024 * 1024 });
    try {
      const declared = await multipart(verifier, [
        { name: 'agencyCode', value: '33.04' },
        { name: 'file', filename: 'dtsen.csv', data: new Uint8Array(3 * 1024 * 1024) },
      ]);
      expect(declared.status).toBe(413);
      expect(declared.body).toMatchObject({ code: 'REGISTRY_UPLOADS_FULL', details: [{ path: 'file' }] });
      expect((await bucket()).lastSeq).toBe(before.lastSeq);
      const streamed = await multipart(
        verifier,
        [
          { name: 'agencyCode', value: '33.04' },
          { name: 'file', filename: 'dtsen.csv', data: csvBytes(3 * 1024 * 1024) },
        ],
        { chunked: true },
      );
      expect(streamed.status).toBe(413);
      expect(streamed.body).toMatchObject({ code: 'REGISTRY_UPLOADS_FULL' });
      await eventually(async () => expect((await bucket()).chunks).toBe(before.chunks));
    } finally {
      await jsm.streams.update(before.config.name, before.config);
    }
  });
});

describe('hostile registry files', () => {
  it('reads a CSV as RFC 4180: a broken record is a row error naming its row, and the rows after it are imported', async () => {
    const base = 630_000;
    const p = (i: number) => person(banjarnegara, base + i);
    // written by hand, without the fixtures' quoting: each line as a careless export would have it
    const raw = (i: number, over: Partial<GeneratedPerson> = {}) =>
      HEADER.map((h) => ({ ...p(i), alamat: `Jl. Melati ${i}`, ...over })[h]).join(',');
    const lines: Array<string | Buffer> = [HEADER.join(',')];
    for (let i = 0; i < 5; i++) lines.push(raw(i));
    lines.push(raw(5, { nama: 'Budi "Ucok" Santoso' })); // row 7: a quote inside a field is a character
    lines.push(raw(6, { nama: '"Siti' })); // row 8: a quote opens the field and never closes
    lines.push(raw(7)); // row 9
    lines.push(raw(8, { alamat: 'x'.repeat(70_000) })); // row 10: over 64 KB
    lines.push(raw(9, { nama: 'Ani\u0000' })); // row 11: a NUL byte
    lines.push(Buffer.from(raw(10, { nama: 'René' }), 'latin1')); // row 12: saved as Latin-1, é one byte that is not UTF-8
    for (let i = 11; i < 20; i++) lines.push(raw(i)); // rows 13–21
    const bytes = Buffer.concat(lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')])));
    const file = path.join(dir, `rfc4180-${Date.now()}.csv`);
    writeFileSync(file, bytes);
    const up = await upload(verifier, file, '33.04');
    expect(up.status).toBe(202);
    const done = await completed(verifier, up.body.importId);
    expect(done).toMatchObject({ status: 'COMPLETED', rowsRead: 20, rowsAccepted: 16, rowsRejected: 4 });
    expect(done.errors).toEqual([
      { row: 8, field: 'record', message: expect.stringMatching(/text after its closing quote|not closed/) },
      { row: 10, field: 'record', message: expect.stringMatching(/longer than 65,536 characters/) },
      { row: 11, field: 'record', message: expect.stringMatching(/NUL byte/) },
      { row: 12, field: 'record', message: expect.stringMatching(/not UTF-8/) },
    ]);
    // the rows after the stray quote are there, and the quotes inside a field are kept
    for (const i of [7, 11, 19]) expect((await verifier.get(`/api/v1/registry/persons/${p(i).nik}`)).status).toBe(200);
    expect((await verifier.get(`/api/v1/registry/persons/${p(5).nik}`)).body.name).toBe('Budi "Ucok" Santoso');
  });

  it('refuses the NIK and KK cells an .xlsx stored as numbers, row by row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DTSEN');
    ws.addRow([...HEADER]);
    const base = 640_000;
    for (let i = 0; i < 10; i++) {
      const q = person(banjarnegara, base + i);
      // rows 4 and 7: typed as numbers, as Excel does with a column of digits left as General
      ws.addRow([
        i === 2 ? Number(q.nik) : q.nik,
        i === 5 ? Number(q.no_kk) : q.no_kk,
        q.nama,
        q.tanggal_lahir,
        q.jenis_kelamin,
        q.alamat,
        q.kode_desa,
        q.desil,
        q.program,
      ]);
    }
    const file = path.join(dir, `numeric-${Date.now()}.xlsx`);
    await wb.xlsx.writeFile(file);
    const up = await upload(verifier, file, '33.04', 'dtsen.xlsx');
    expect(up.status).toBe(202);
    const done = await completed(verifier, up.body.importId);
    expect(done).toMatchObject({ status: 'COMPLETED', rowsRead: 10, rowsAccepted: 8, rowsRejected: 2 });
    expect(done.errors).toEqual([
      { row: 4, field: 'nik', message: expect.stringMatching(/^nik is a number cell in the workbook.*15 digits/) },
      { row: 7, field: 'no_kk', message: expect.stringMatching(/^no_kk is a number cell/) },
    ]);
  });

  it('refuses an .xlsx that unpacks to more than the installation allows (a zip bomb), with a clear error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DTSEN').addRow([...HEADER]);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const name = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
    const sheet = await zip.file(name)!.async('string');
    // 40 MB of XML whitespace before the first row: a few KB once compressed
    zip.file(name, sheet.replace('<sheetData>', `<sheetData>${' '.repeat(40 * 1024 * 1024)}`));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(256 * 1024);
    const before = (await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports`)).rows[0].n;
    const r = await upload(verifier, new Blob([bomb]), '33.04', 'bomb.xlsx');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      code: 'REGISTRY_FILE_UNREADABLE',
      message: expect.stringMatching(/unpacks to more than 33,554,432 bytes/),
    });
    expect((await db.query(`SELECT count(*)::int AS n FROM verification.registry_imports`)).rows[0].n).toBe(before);
  });
});

describe('registry drop guard: an import far smaller than the current snapshot waits for a verifier', () => {
  const AGENCY = '19';
  let area: Area;
  let babelAdmin: Api;
  let babelVerifier: Api;
  let babelHead: Api;
  let babelFrontOffice: Api;
  let nats: NatsConnection;

  beforeAll(async () => {
    area = await areaOf(AGENCY);
    babelAdmin = await adminOf(AGENCY);
    [babelVerifier, babelHead, babelFrontOffice] = await Promise.all([
      user(['VERIFIER'], AGENCY),
      user(['HEAD'], AGENCY),
      user(['FRONT_OFFICE'], AGENCY),
    ]);
    nats = await natsAs('admin');
  });

  afterAll(async () => {
    await nats?.drain();
  });

  async function importRows(count: number, from: number, seed: number) {
    const file = path.join(dir, `babel-${count}-${seed}-${Date.now()}.csv`);
    await writeRegistryCsv(file, area, count, { from, seed });
    const up = await upload(babelVerifier, file, AGENCY);
    expect(up.status).toBe(202);
    return eventually(
      async () => {
        const r = await babelVerifier.get(`/api/v1/registry/imports/${up.body.importId}`);
        expect(['COMPLETED', 'FAILED', 'AWAITING_CONFIRMATION']).toContain(r.body.status);
        return r.body;
      },
      { timeoutMs: 30000 },
    );
  }

  const currentSnapshot = async () =>
    (await db.query(`SELECT id FROM verification.registry_snapshots WHERE agency_code = $1 AND is_current`, [AGENCY])).rows[0]?.id ?? null;
  const finishedEvents = async (importId: string) =>
    (await readStream(nats, 'SIGAP_VERIFICATION', 'sigap.verification.registry.import.finished.v1'))
      .map((m) => m.data)
      .filter((e) => e.importId === importId);
  const audit = async (targetId: string) =>
    (
      await db.query(`SELECT action, actor_username, agency_code, before, after FROM gateway.audit_log WHERE target_id = $1 ORDER BY id`, [
        targetId,
      ])
    ).rows;

  it('lets the agency’s admin set the share (0–100, audited); others read it', async () => {
    expect((await babelVerifier.get(`/api/v1/registry/settings/${AGENCY}`)).body).toMatchObject({
      agencyCode: AGENCY,
      maxDropPercent: 20,
      isDefault: true,
    });
    expect((await babelVerifier.put(`/api/v1/registry/settings/${AGENCY}`, { maxDropPercent: 30 })).status).toBe(403);
    expect((await (await adminOf('61')).put(`/api/v1/registry/settings/${AGENCY}`, { maxDropPercent: 30 })).status).toBe(403);
    for (const bad of [150, -1, '30', null]) {
      const r = await babelAdmin.put(`/api/v1/registry/settings/${AGENCY}`, { maxDropPercent: bad });
      expect(r.status).toBe(400);
      expect(r.body.details.map((d: any) => d.path)).toContain('maxDropPercent');
    }
    const set = await babelAdmin.put(`/api/v1/registry/settings/${AGENCY}`, { maxDropPercent: 25 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ agencyCode: AGENCY, maxDropPercent: 25, isDefault: false });
    expect((await babelFrontOffice.get(`/api/v1/registry/settings/${AGENCY}`)).body).toMatchObject({ maxDropPercent: 25 });
    expect(await audit(AGENCY)).toEqual([
      expect.objectContaining({
        action: 'REGISTRY_SETTINGS_UPDATED',
        agency_code: AGENCY,
        before: { maxDropPercent: 20, isDefault: true },
        after: { maxDropPercent: 25 },
      }),
    ]);
  });

  it('holds a shrunken import (the current snapshot stays), and a verifier discards it or confirms it, each decision audited and told by event', async () => {
    const first = await importRows(1000, 0, 0);
    expect(first).toMatchObject({ status: 'COMPLETED', rowsAccepted: 1000, confirmation: null });

    // 700 rows: a fall of 30%, more than the agency's 25%
    const shrunk = await importRows(700, 0, 1);
    expect(shrunk).toMatchObject({
      status: 'AWAITING_CONFIRMATION',
      rowsAccepted: 700,
      snapshotId: expect.any(String),
      confirmation: {
        previousSnapshotId: first.snapshotId,
        previousRows: 1000,
        dropPercent: 30,
        maxDropPercent: 25,
        decision: 'PENDING',
        decidedBy: null,
      },
    });
    expect(await currentSnapshot()).toBe(first.snapshotId);
    // lookups still answer from the current snapshot (the held one renamed everyone: seed 1)
    expect((await babelVerifier.get(`/api/v1/registry/persons/${person(area, 3).nik}`)).body.name).toBe(person(area, 3).nama);
    // the verifier compares before deciding
    const diff = await babelVerifier.get(`/api/v1/registry/snapshots/${shrunk.snapshotId}/diff?limit=1`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ againstSnapshotId: first.snapshotId, counts: { removed: 300 } });
    expect(await finishedEvents(shrunk.importId)).toEqual([
      expect.objectContaining({
        status: 'AWAITING_CONFIRMATION',
        snapshotId: shrunk.snapshotId,
        confirmation: 'REQUIRED',
        previousRows: 1000,
        maxDropPercent: 25,
      }),
    ]);

    // who may decide: staff of 19 with a verifying role; not the front office, not another agency (not even its province's admin sees it as theirs)
    expect((await babelFrontOffice.post(`/api/v1/registry/imports/${shrunk.importId}/confirm`)).status).toBe(403);
    expect((await verifier.post(`/api/v1/registry/imports/${shrunk.importId}/confirm`)).status).toBe(404);

    const discarded = await babelVerifier.post(`/api/v1/registry/imports/${shrunk.importId}/discard`);
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ status: 'DISCARDED', importId: shrunk.importId });
    expect(await currentSnapshot()).toBe(first.snapshotId);
    const after = (await babelVerifier.get(`/api/v1/registry/imports/${shrunk.importId}`)).body;
    expect(after).toMatchObject({ status: 'DISCARDED', confirmation: { decision: 'DISCARDED', decidedBy: expect.stringMatching(/^v/) } });
    // its rows are gone; deciding twice is a conflict
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM verification.registry_persons WHERE snapshot_id = $1`, [shrunk.snapshotId])).rows[0]
        .n,
    ).toBe(0);
    expect((await babelVerifier.post(`/api/v1/registry/imports/${shrunk.importId}/confirm`)).body).toMatchObject({
      statusCode: 409,
      code: 'REGISTRY_IMPORT_NOT_AWAITING_CONFIRMATION',
    });
    await eventually(async () =>
      expect((await finishedEvents(shrunk.importId)).map((e) => [e.status, e.confirmation])).toEqual([
        ['AWAITING_CONFIRMATION', 'REQUIRED'],
        ['DISCARDED', 'DISCARDED'],
      ]),
    );
    expect(await audit(shrunk.importId)).toEqual([
      expect.objectContaining({
        action: 'REGISTRY_IMPORT_DISCARDED',
        agency_code: AGENCY,
        after: { status: 'DISCARDED', currentSnapshotId: first.snapshotId },
      }),
    ]);

    // 600 rows, confirmed by the head of the department: it becomes current
    const smaller = await importRows(600, 0, 2);
    expect(smaller.status).toBe('AWAITING_CONFIRMATION');
    const confirmed = await babelHead.post(`/api/v1/registry/imports/${smaller.importId}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'COMPLETED', snapshotId: smaller.snapshotId });
    expect(await currentSnapshot()).toBe(smaller.snapshotId);
    expect((await babelVerifier.get(`/api/v1/registry/persons/${person(area, 700).nik}`)).status).toBe(404);
    expect((await babelVerifier.get(`/api/v1/registry/persons/${person(area, 3).nik}`)).body.name).toBe(person(area, 3, 2).nama);
    expect((await babelVerifier.get(`/api/v1/registry/imports/${smaller.importId}`)).body).toMatchObject({
      status: 'COMPLETED',
      confirmation: { decision: 'CONFIRMED', previousRows: 1000 },
    });
    await eventually(async () =>
      expect((await finishedEvents(smaller.importId)).map((e) => [e.status, e.confirmation, e.snapshotId])).toEqual([
        ['AWAITING_CONFIRMATION', 'REQUIRED', smaller.snapshotId],
        ['COMPLETED', 'CONFIRMED', smaller.snapshotId],
      ]),
    );
    expect(await audit(smaller.importId)).toEqual([
      expect.objectContaining({
        action: 'REGISTRY_IMPORT_CONFIRMED',
        after: { status: 'COMPLETED', currentSnapshotId: smaller.snapshotId },
      }),
    ]);
  });

  it("is in the OpenAPI document: the routes, the upload's agency before the file, the 413", async () => {
    const doc = (await new Api(gateway.url).get('/api/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/registry/imports/{importId}/confirm',
        '/api/v1/registry/imports/{importId}/discard',
        '/api/v1/registry/settings/{agencyCode}',
      ]),
    );
    const upload = doc.paths['/api/v1/registry/imports'].post;
    expect(upload.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'agencyCode', in: 'query' })]));
    expect(upload.description).toMatch(/before the part `file`/);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['202', '413']));
    expect(
      doc.paths['/api/v1/registry/settings/{agencyCode}'].put.requestBody.content['application/json'].schema.properties.maxDropPercent,
    ).toMatchObject({ minimum: 0, maximum: 100 });
  });

  it('refuses to confirm a held import once another snapshot became current', async () => {
    const held = await importRows(100, 0, 3);
    expect(held.status).toBe('AWAITING_CONFIRMATION');
    // a growing export comes meanwhile and becomes current at once
    const grown = await importRows(900, 0, 4);
    expect(grown.status).toBe('COMPLETED');
    const r = await babelVerifier.post(`/api/v1/registry/imports/${held.importId}/confirm`);
    expect(r.body).toMatchObject({ statusCode: 409, code: 'REGISTRY_IMPORT_SUPERSEDED' });
    expect(await currentSnapshot()).toBe(grown.snapshotId);
  });
});
