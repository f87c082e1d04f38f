// The registry (DTSEN, formerly DTKS) at full size: 1,000,000 generated rows uploaded through
// the gateway (streamed into NATS Object Store), imported by verification into a snapshot,
// beside a raw Postgres COPY of the same file in the same run; the verification process's peak
// memory while it imports; the same for a large .xlsx (BENCH_REGISTRY_XLSX_ROWS, default 200,000);
// NIK lookups over that registry (through the gateway, and the SQL alone).
import { createReadStream, existsSync, mkdirSync, openAsBlob, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { SystemFile } from '#testing';
import { areaOf, person, writeRegistryCsv, writeRegistryXlsx } from '../test/verification/registry-fixtures.js';
import { fmt, percentile } from './stats.js';

const ROWS = Number(process.env.BENCH_REGISTRY_ROWS ?? 1_000_000);
const SMALL = Math.max(1000, Math.round(ROWS / 5));
// the province's registry (its own agency's: a province's admin imports only there), of Kota Pontianak's residents
const AGENCY = '61';
const AREA = '61.71';
const XLSX_ROWS = Number(process.env.BENCH_REGISTRY_XLSX_ROWS ?? 200_000);
// an .xlsx of the whole province, after the CSV: the same agency, the one the benchmark's administrator (of 61) may import for
const XLSX_AGENCY = AGENCY;
const LOOKUPS = 2000;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dir = path.join(root, '.data', 'bench-files');

/** A workbook written as Excel writes one (text in the shared-string table, after the sheet). */
async function xlsxFile(rows: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const f = path.join(dir, `registry-${XLSX_AGENCY}-${rows}.xlsx`);
  if (!existsSync(f)) await writeRegistryXlsx(f, await areaOf(XLSX_AGENCY), rows);
  return f;
}

async function file(rows: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const f = path.join(dir, `registry-${AREA}-${rows}.csv`);
  if (!existsSync(f)) await writeRegistryCsv(f, await areaOf(AREA), rows);
  return f;
}

/** The process listening on `port` (found through /proc), to read its memory from /proc/<pid>/status. */
function pidOnPort(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const t of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(t)) continue;
    for (const line of readFileSync(t, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = readlinkSafe(`/proc/${pid}/fd/${fd}`);
        const m = link && /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1])) return Number(pid);
      }
    } catch {
      /* not ours to read */
    }
  }
  return undefined;
}

function readlinkSafe(p: string): string | undefined {
  try {
    return readlinkSync(p);
  } catch {
    return undefined;
  }
}

function statusKb(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

async function rawCopy(adminUrl: string, csv: string, rows: number): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS public.bench_registry_raw');
    await c.query(
      `CREATE TABLE public.bench_registry_raw (nik text, no_kk text, nama text, tanggal_lahir text, jenis_kelamin text, alamat text, kode_desa text, desil text, program text)`,
    );
    const t0 = performance.now();
    await pipeline(
      createReadStream(csv),
      c.query(copyStreams.from(`COPY public.bench_registry_raw FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const seconds = (performance.now() - t0) / 1000;
    const n = (await c.query<{ n: string }>('SELECT count(*) AS n FROM public.bench_registry_raw')).rows[0].n;
    if (Number(n) !== rows) throw new Error(`raw COPY loaded ${n} rows, expected ${rows}`);
    await c.query('DROP TABLE public.bench_registry_raw');
    return rows / seconds;
  } finally {
    await c.end();
  }
}

interface ImportRun {
  seconds: number;
  rate: number;
  peakRssMb: number;
  baseRssMb: number;
  snapshotId: string;
  importId: string;
  uploadSeconds: number;
}

async function importThroughGateway(
  gatewayUrl: string,
  token: string,
  csv: string,
  rows: number,
  verificationPid: number | undefined,
  metricsUrl: string,
  agency = AGENCY,
): Promise<ImportRun> {
  const rss = async () => {
    if (verificationPid) return statusKb(verificationPid, 'VmRSS') / 1024;
    const text = await (await fetch(`${metricsUrl}/metrics`)).text();
    const m = /^process_resident_memory_bytes (\d+)/m.exec(text);
    return m ? Number(m[1]) / 1024 / 1024 : NaN;
  };
  const baseRssMb = await rss();
  let peakRssMb = baseRssMb;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRssMb = Math.max(peakRssMb, await rss().catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  const form = new FormData();
  form.set('agencyCode', agency);
  form.set('file', await openAsBlob(csv), path.basename(csv));
  // an .xlsx's header is read before the answer, and Excel puts the shared strings after the sheet
  const res = await fetch(`${gatewayUrl}/api/v1/registry/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await res.json()) as { importId?: string };
  const uploadSeconds = (performance.now() - t0) / 1000;
  if (res.status !== 202 || !body.importId) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
  let done: { status: string; rowsAccepted: number; snapshotId: string; failure?: string } = {
    status: 'QUEUED',
    rowsAccepted: 0,
    snapshotId: '',
  };
  for (;;) {
    done = (await (
      await fetch(`${gatewayUrl}/api/v1/registry/imports/${body.importId}?errorsLimit=0`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as typeof done;
    if (done.status === 'COMPLETED' || done.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  sampling = false;
  await sampler;
  if (done.status !== 'COMPLETED' || done.rowsAccepted !== rows)
    throw new Error(`import ended ${done.status} with ${done.rowsAccepted} rows: ${done.failure ?? ''}`);
  return { seconds, rate: rows / seconds, peakRssMb, baseRssMb, snapshotId: done.snapshotId, importId: body.importId, uploadSeconds };
}

export async function run({ system }: { system: SystemFile }) {
  const gatewayUrl = system.gatewayUrl;
  const verificationPort = Number(system.services.verification.env.PORT);
  const verificationUrl = `http://127.0.0.1:${verificationPort}`;
  const password = system.services.gateway.env.SIGAP_ADMIN_PASSWORD;
  const login = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  if (!accessToken) throw new Error(`admin login failed: ${login.status}`);
  const pid = pidOnPort(verificationPort);

  const small = await file(SMALL);
  const big = await file(ROWS);
  const mb = statSync(big).size / 1024 / 1024;

  // warm up both paths, then measure them back to back
  await rawCopy(system.adminDatabaseUrl, small, SMALL);
  const smallRun = await importThroughGateway(gatewayUrl, accessToken, small, SMALL, pid, verificationUrl);
  const rawRate = await rawCopy(system.adminDatabaseUrl, big, ROWS);
  const bigRun = await importThroughGateway(gatewayUrl, accessToken, big, ROWS, pid, verificationUrl);
  const peakHwm = pid ? statusKb(pid, 'VmHWM') / 1024 : NaN;

  // NIK lookups over the 1M-row current snapshot: through the gateway, and the SQL alone
  const area = await areaOf(AREA);
  const niks = Array.from({ length: LOOKUPS }, (_, k) => person(area, Math.floor((k * 7919) % ROWS)).nik);
  const http: number[] = [];
  for (const nik of niks) {
    const t = performance.now();
    const r = await fetch(`${gatewayUrl}/api/v1/registry/persons/${nik}`, { headers: { authorization: `Bearer ${accessToken}` } });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`lookup answered ${r.status}`);
    http.push(performance.now() - t);
  }
  const db = new pg.Client({ connectionString: system.adminDatabaseUrl });
  await db.connect();
  const phases = (
    await db.query<{ queued: number; work: number }>(
      `SELECT extract(epoch FROM started_at - created_at)::float AS queued, extract(epoch FROM finished_at - started_at)::float AS work FROM verification.registry_imports WHERE id = $1`,
      [bigRun.importId],
    )
  ).rows[0];
  const sql: number[] = [];
  for (const nik of niks) {
    const t = performance.now();
    await db.query({
      name: 'lookup',
      text: `SELECT p.* FROM verification.registry_snapshots s JOIN verification.registry_persons p ON p.snapshot_id = s.id
              WHERE s.is_current AND s.agency_code = ANY($1) AND p.nik = $2`,
      values: [['61', '61.71'], nik],
    });
    sql.push(performance.now() - t);
  }
  await db.end();
  // after the lookups (the province's snapshot holds NIKs of Pontianak too): an .xlsx of a large
  // area, whose shared strings (every NIK, name, address) stay on disk, not in memory
  const xlsx = await xlsxFile(XLSX_ROWS);
  // 200,000 rows after 1,000,000 would wait for a verifier's confirmation (the drop guard): the benchmark lets any drop through
  const guard = await fetch(`${gatewayUrl}/api/v1/registry/settings/${XLSX_AGENCY}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ maxDropPercent: 100 }),
  });
  if (!guard.ok) throw new Error(`setting the drop guard answered ${guard.status}: ${await guard.text()}`);
  const xlsxRun = await importThroughGateway(gatewayUrl, accessToken, xlsx, XLSX_ROWS, pid, verificationUrl, XLSX_AGENCY);
  http.sort((a, b) => a - b);
  sql.sort((a, b) => a - b);

  console.log(`
registry import: ${fmt(ROWS)} generated rows (${fmt(mb, 0)} MB CSV) uploaded through the gateway → snapshot current
  rows per second              ${fmt(bigRun.rate)}  (${fmt(bigRun.seconds, 1)} s from the first byte of the upload to COMPLETED)
  of which                     upload into Object Store + header check ${fmt(bigRun.uploadSeconds, 1)} s, queued ${fmt(phases.queued, 1)} s,
                               stream back + check + COPY + index + make current ${fmt(phases.work, 1)} s (${fmt(ROWS / phases.work)} rows/s)
  verification RSS             ${fmt(bigRun.baseRssMb)} MB before, peak ${fmt(bigRun.peakRssMb)} MB during (VmHWM ${fmt(peakHwm)} MB)
  the same with ${fmt(SMALL)} rows      ${fmt(smallRun.rate)} rows/s, peak ${fmt(smallRun.peakRssMb)} MB: memory does not grow with the file
.xlsx, ${fmt(XLSX_ROWS)} rows (${fmt(statSync(xlsx).size / 1024 / 1024, 0)} MB, shared strings after the sheet, as Excel writes it)
  rows per second              ${fmt(xlsxRun.rate)}  (${fmt(xlsxRun.seconds, 1)} s; upload + header check ${fmt(xlsxRun.uploadSeconds, 1)} s)
  verification RSS             ${fmt(xlsxRun.baseRssMb)} MB before, peak ${fmt(xlsxRun.peakRssMb)} MB during
raw Postgres COPY of the same file (FORMAT csv into an unindexed text table), same machine, same run
  rows per second              ${fmt(rawRate)}
import / raw COPY              ${fmt(bigRun.rate / rawRate, 2)}  (aim: ≥ 0.5)
NIK lookup over ${fmt(ROWS)} rows (${fmt(LOOKUPS)} lookups, one at a time)
  through the gateway  p50 ${fmt(percentile(http, 50), 2)} ms  p99 ${fmt(percentile(http, 99), 2)} ms
  the SQL alone        p50 ${fmt(percentile(sql, 50), 2)} ms  p99 ${fmt(percentile(sql, 99), 2)} ms
`);
}
