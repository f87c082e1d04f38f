// Filing through the gateway: 50 concurrent HTTP clients, each logged in as its own front
// office officer, file complete SANTUNAN_ANAK applications (`POST /api/v1/applications`) at
// one agency as fast as they get answers. Every filing is checked (NIK, KK, villages, the
// standard from the catalog), numbered (serials per agency and year: concurrent filings of one
// agency queue on one counter row), given its due time on the agency's calendar and announced
// through the outbox, in one transaction. Figures: applications per second, p50/p99 latency.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { SystemFile } from '#testing';
import { fmt, percentile } from './stats.js';

const CLIENTS = Number(process.env.BENCH_FILING_CLIENTS ?? 50);
const N = Number(process.env.BENCH_FILING_APPLICATIONS ?? 5_000);
const WARMUP_EACH = 4;
const BASELINE = 2_000;
// the admin's own agency: a province's admin opens accounts and standards only there (README, "Security")
const AGENCY = '61';
const PASSWORD = 'Bench-Rahasia-2026';
const TEMPORARY = 'Bench-Sementara-2026';

interface Reply {
  status: number;
  body: any;
}

// node:http with keep-alive: on a 2-core machine the client shares the CPU with the system
// it measures, and fetch costs it about four times as much per request
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 8 });

function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        agent,
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(base: string, username: string, password: string): Promise<string> {
  const r = await call(base, 'POST', '/api/v1/auth/login', undefined, { username, password });
  if (r.status !== 200) throw new Error(`login of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken as string;
}

let serial = 0;
/** A complete filing at the province, by residents of Kota Pontianak: mother (applicant) and child (beneficiary) with NIKs that agree with the form. */
function application() {
  const s = String((serial++ % 9998) + 1).padStart(4, '0');
  return {
    agencyCode: AGENCY,
    serviceCode: 'SANTUNAN_ANAK',
    channel: 'FRONT_OFFICE',
    applicant: {
      nik: `617101550288${s}`,
      kkNumber: `617101010120${s}`,
      name: 'Siti Aminah',
      birthDate: '1988-02-15',
      sex: 'F',
      address: 'Jl. Sungai Bangkong 12',
      villageCode: '61.71.01.1002',
      phone: '081234567890',
    },
    beneficiary: { nik: `617101020519${s}`, name: 'Budi', birthDate: '2019-05-02', sex: 'M' },
    targetGroup: 'ANAK_TERLANTAR',
    documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SKTM' }, { type: 'SURAT_PERMOHONAN' }],
  };
}

/** The province files SANTUNAN_ANAK under the standard Banjarnegara published (its admin adds it). */
async function ensureStandard(base: string, admin: string): Promise<void> {
  const src = await call(base, 'GET', '/api/v1/services/33.04/SANTUNAN_ANAK');
  if (src.status !== 200) throw new Error(`no SANTUNAN_ANAK to copy: ${src.status}`);
  const {
    agencyCode: _a,
    agencyName: _n,
    version: _v,
    active: _x,
    deadlineLabel: _l,
    publishedAt: _p,
    benefitAmount: _b,
    ...definition
  } = src.body;
  const r = await call(base, 'POST', '/api/v1/services', admin, { ...definition, agencyCode: AGENCY, changeNote: 'benchmark' });
  if (r.status !== 201 && r.status !== 409) throw new Error(`cannot add the standard: ${r.status} ${JSON.stringify(r.body)}`);
}

async function frontOffice(base: string, admin: string): Promise<string[]> {
  const tag = randomBytes(3).toString('hex');
  const names = Array.from({ length: CLIENTS }, (_, i) => `bench.fo${i}.${tag}`);
  for (const username of names) {
    const r = await call(base, 'POST', '/api/v1/users', admin, {
      username,
      displayName: `Front office ${username}`,
      password: TEMPORARY,
      agencyCode: AGENCY,
      roles: ['FRONT_OFFICE'],
    });
    if (r.status !== 201) throw new Error(`cannot create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  // a temporary password opens only its own change (403 PASSWORD_CHANGE_REQUIRED elsewhere)
  for (let i = 0; i < names.length; i += 5) {
    await Promise.all(
      names.slice(i, i + 5).map(async (n) => {
        const c = await call(base, 'POST', '/api/v1/auth/change-password', await login(base, n, TEMPORARY), {
          currentPassword: TEMPORARY,
          newPassword: PASSWORD,
        });
        if (c.status !== 204) throw new Error(`${n} cannot set its password: ${c.status} ${JSON.stringify(c.body)}`);
      }),
    );
  }
  // argon2id makes a login cost tens of milliseconds: a few at a time
  const tokens: string[] = [];
  for (let i = 0; i < names.length; i += 5) tokens.push(...(await Promise.all(names.slice(i, i + 5).map((n) => login(base, n, PASSWORD)))));
  return tokens;
}

export async function run({ system }: { system: SystemFile }) {
  const base = system.gatewayUrl;
  const adminPassword = system.services.gateway?.env.SIGAP_ADMIN_PASSWORD;
  if (!adminPassword) throw new Error('the bench system has no SIGAP_ADMIN_PASSWORD for the gateway: see deploy/local/bench.mjs');
  const admin = await login(base, 'admin', adminPassword);
  await ensureStandard(base, admin);
  const tokens = await frontOffice(base, admin);

  const failures = new Map<number, number>();
  const file = async (token: string, latencies?: number[]) => {
    const t = performance.now();
    const r = await call(base, 'POST', '/api/v1/applications', token, application());
    latencies?.push(performance.now() - t);
    if (r.status !== 201 || r.body.status !== 'REGISTERED') failures.set(r.status, (failures.get(r.status) ?? 0) + 1);
    return r.body?.ticketNumber as string | undefined;
  };

  // warm up: connections, JIT, pools, the catalog and calendar caches
  await Promise.all(
    tokens.map(async (t) => {
      for (let i = 0; i < WARMUP_EACH; i++) await file(t);
    }),
  );
  failures.clear();

  // the same clients on the gateway's cheapest authenticated route, in the same run: what the
  // machine gives an HTTP request at all right now (a shared 2-core machine varies a lot)
  let probes = 0;
  const tb = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      while (probes < BASELINE) {
        probes++;
        await call(base, 'GET', '/api/v1/auth/me', token);
      }
    }),
  );
  const baseline = BASELINE / ((performance.now() - tb) / 1000);

  const latencies: number[] = [];
  const tickets: string[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      while (next < N) {
        next++;
        const ticket = await file(token, latencies);
        if (ticket) tickets.push(ticket);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const serials = tickets.map((t) => Number(t.split('-').pop())).sort((a, b) => a - b);
  const contiguous =
    serials.length > 0 && new Set(serials).size === serials.length && serials[serials.length - 1] - serials[0] === serials.length - 1;

  console.log(`
filing: ${fmt(N)} POST /api/v1/applications (SANTUNAN_ANAK at ${AGENCY}) from ${CLIENTS} concurrent clients, each its own front office officer
  applications per second      ${fmt(N / seconds)}  (all ${fmt(N)} in ${fmt(seconds, 1)} s)
  latency p50                  ${fmt(percentile(latencies, 50), 1)} ms
  latency p99                  ${fmt(percentile(latencies, 99), 1)} ms
  latency max                  ${fmt(latencies[latencies.length - 1] ?? NaN, 1)} ms
  failed                       ${failures.size ? [...failures].map(([s, n]) => `${n} × ${s}`).join(', ') : 'none'}
  ticket serials               ${contiguous ? `contiguous, no repeats (${fmt(serials[0])}–${fmt(serials[serials.length - 1])})` : 'NOT contiguous'}
same clients, same run: GET /api/v1/auth/me (token check and account lookup only)
  requests per second          ${fmt(baseline)}
filing / baseline              ${fmt(N / seconds / baseline, 2)}
`);
  agent.destroy();
}
