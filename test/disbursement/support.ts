// Helpers of disbursement's tests: officers of an agency, a stand-in for intake's answers
// (standard and dossiers), publishing verified decisions, and reading what disbursement published.
import { randomUUID } from 'node:crypto';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Rpc, Subjects, type ApplicationDossier } from '#contracts';
import { eventually, publishEvent } from '#testing';
import { agencyAdmin, Api, openAccount, unique } from '../gateway/support.js';

export const PASSWORD = 'Penyaluran-2026!';

/** A staff account of `agencyCode` with `roles`, logged in. */
export async function officer(gatewayUrl: string, agencyCode: string, roles: string[]): Promise<Api & { username: string }> {
  const username = unique('d');
  const admin = await agencyAdmin(gatewayUrl, agencyCode);
  // opened with a temporary password, then set by the officer: a temporary one opens nothing else
  const r = await openAccount(admin, { username, displayName: `Petugas ${roles.join('/')}`, password: PASSWORD, agencyCode, roles });
  if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.body)}`);
  return Object.assign(await new Api(gatewayUrl).session(username, PASSWORD), { username });
}

/**
 * Answers intake's request-reply subjects in intake's place (Nest's NATS packet format), for
 * tests that must not depend on intake's catalog: the standard with its benefit amount
 * (intake's catalog gains it in issue 12's lifecycle work; seeds carry no amount), and the
 * dossiers of the applications the test verified. Core NATS: only while no intake runs.
 */
export class IntakeStandIn {
  readonly dossiers = new Map<string, ApplicationDossier>();
  readonly standards = new Map<string, Record<string, unknown>>();
  private subs: Subscription[] = [];
  dossierRequests = 0;

  constructor(private readonly nc: NatsConnection) {}

  start(): void {
    this.serve(Rpc.intake.getStandard, (d: { agencyCode: string; code: string }) => {
      const s = this.standards.get(`${d.agencyCode}/${d.code}`);
      return s
        ? { ok: true, data: s }
        : {
            ok: false,
            error: {
              statusCode: 404,
              error: 'Not Found',
              message: `Agency ${d.agencyCode} has no standard ${d.code}`,
              code: 'INTAKE_STANDARD_NOT_FOUND',
              details: [],
            },
          };
    });
    this.serve(Rpc.intake.applicationDossiers, (d: { applicationIds: string[] }) => {
      this.dossierRequests++;
      return { ok: true, data: d.applicationIds.map((id) => this.dossiers.get(id)).filter(Boolean) };
    });
  }

  stop(): void {
    this.subs.forEach((s) => s.unsubscribe());
  }

  standard(agencyCode: string, code: string, benefit: Record<string, unknown> | null): void {
    this.standards.set(`${agencyCode}/${code}`, {
      code,
      agencyCode,
      agencyName: 'Dinas Sosial Kota Pasuruan',
      version: 2,
      active: true,
      ...(benefit ? { benefit } : {}),
    });
  }

  /** A verified applicant's dossier, with a plausible NIK of Kota Pasuruan. */
  person(agencyCode: string, serviceCode: string, n: number, targetGroup: string | null = 'LANSIA'): string {
    const applicationId = randomUUID();
    const serial = String(n % 10000).padStart(4, '0');
    this.dossiers.set(applicationId, {
      applicationId,
      agencyCode,
      serviceCode,
      standardVersion: 2,
      status: 'VERIFIED',
      ticketNumber: `${serviceCode}-${agencyCode}-2026-${String(n).padStart(6, '0')}`,
      applicant: {
        nik: `357501${String(10 + (n % 20)).padStart(2, '0')}0350${serial}`,
        kkNumber: `35750101012${String(n).padStart(5, '0')}`,
        name: `Penerima ${n}`,
        birthDate: '1950-03-10',
        sex: 'F',
        villageCode: '35.75.01.1001',
        address: `Jl. Pahlawan ${n}`,
        phone: '081234567891',
      },
      beneficiary: null,
      targetGroup,
      documents: [],
      filedAt: new Date().toISOString(),
    });
    return applicationId;
  }

  private serve(subject: string, answer: (data: any) => unknown): void {
    const sub = this.nc.subscribe(subject);
    this.subs.push(sub);
    void (async () => {
      for await (const m of sub) {
        const packet = m.json<{ id: string; data: unknown }>();
        m.respond(JSON.stringify({ id: packet.id, response: answer(packet.data), isDisposed: true }));
      }
    })();
  }
}

/** Publishes `sigap.verification.case.decided.v1` VERIFIED for each application, as verification does. */
export async function verify(nc: NatsConnection, agencyCode: string, applicationIds: string[]): Promise<void> {
  await Promise.all(
    applicationIds.map((applicationId) =>
      publishEvent(nc, Subjects.verificationCaseDecided, {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        causationId: null,
        caseId: randomUUID(),
        applicationId,
        agencyCode,
        outcome: 'VERIFIED',
        reason: 'all stages passed',
        publicReason: null,
      }),
    ),
  );
}

/** A settlement of the finance office, as CONTRACT.md shows it. */
export function settlement(requestId: string, o: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    requestId,
    status: 'PAID',
    sp2dNumber: `SP2D-${Math.floor(Math.random() * 9000) + 1000}/2026`,
    paidAt: new Date().toISOString(),
    reason: null,
    ...o,
  };
}

/** A file the gateway answered: status, headers and the bytes as sent (or the error body parsed). */
export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** the API's error body when the answer is JSON */
  body: any;
}

/** GETs `path` as `api`'s user and keeps the bytes (Api.request reads text, which would damage a PDF or XLSX). */
export async function download(api: Api, path: string): Promise<Download> {
  const res = await fetch(`${api.baseUrl}${path}`, { headers: api.token ? { authorization: `Bearer ${api.token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, bytes, body: json ? JSON.parse(bytes.toString('utf8')) : null };
}

/** POSTs one file as the multipart part `file`. */
export async function upload(api: Api, path: string, data: Buffer | string, fileName: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([typeof data === 'string' ? Buffer.from(data, 'utf8') : data]), fileName);
  const res = await fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: api.token ? { authorization: `Bearer ${api.token}` } : {},
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * The way to a decree through the gateway, for one agency: a budget line (its ADMIN), verified
 * applications with their dossiers in the pool (intake's stand-in), a proposal by an officer,
 * approved by a head, and the signed decree. Each decree has a standard of its own.
 */
export class DecreeFactory {
  private n = 0;

  constructor(
    private readonly s: {
      nats: NatsConnection;
      intake: IntakeStandIn;
      agencyCode: string;
      fiscalYear: number;
      admin: Api;
      officer: Api;
      head: Api;
    },
  ) {}

  /** A fresh service code of this run. */
  serviceCode(): string {
    return `DF_${randomUUID().slice(0, 8).toUpperCase()}_${++this.n}`;
  }

  async line(serviceCode: string, ceiling: string, source = 'APBD_BTT'): Promise<{ id: string; name: string }> {
    const r = await this.s.admin.post('/api/v1/disbursement/budget-lines', {
      agencyCode: this.s.agencyCode,
      fiscalYear: this.s.fiscalYear,
      source,
      serviceCode,
      name: `Bantuan Sosial ${serviceCode}`,
      ceiling,
    });
    if (r.status !== 201) throw new Error(`budget line: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** `count` verified applications of `serviceCode`, waited for until their dossiers are in the pool. */
  async eligible(serviceCode: string, count: number) {
    const ids = Array.from({ length: count }, () => this.s.intake.person(this.s.agencyCode, serviceCode, ++this.n));
    await verify(this.s.nats, this.s.agencyCode, ids);
    await eventually(
      async () => {
        const r = await this.s.officer.get(`/api/v1/disbursement/pool?serviceCode=${serviceCode}&status=ELIGIBLE&limit=500`);
        const ready = new Set(
          (r.body.items as Array<{ applicationId: string; dossierReady: boolean }>)
            .filter((i) => i.dossierReady)
            .map((i) => i.applicationId),
        );
        if (ids.some((id) => !ready.has(id))) throw new Error(`${ids.filter((id) => !ready.has(id)).length} dossiers not in yet`);
      },
      { timeoutMs: 30000 },
    );
    return ids;
  }

  /** Proposes every eligible application of `serviceCode` on `lineId`, approves it and records the decree. */
  async decree(serviceCode: string, lineId: string, decreeNumber = `188.45/${++this.n}/KEP/423.012/${this.s.fiscalYear}`) {
    const p = await this.s.officer.post('/api/v1/disbursement/proposals', {
      agencyCode: this.s.agencyCode,
      budgetLineId: lineId,
      allEligible: true,
    });
    if (p.status !== 201) throw new Error(`proposal: ${p.status} ${JSON.stringify(p.body)}`);
    for (const [who, path] of [
      [this.s.officer, 'submit'],
      [this.s.head, 'approve'],
    ] as const) {
      const r = await who.post(`/api/v1/disbursement/proposals/${p.body.id}/${path}`);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const d = await this.s.head.post(`/api/v1/disbursement/proposals/${p.body.id}/decree`, {
      decreeNumber,
      decreeDate: '2026-12-01',
      signatory: 'Drs. Adi Wibowo',
    });
    if (d.status !== 201) throw new Error(`decree: ${d.status} ${JSON.stringify(d.body)}`);
    return d.body as { id: string; total: string; count: number; decreeNumber: string; budgetLineId: string };
  }

  /** A decree of `count` applications of a standard of its own, each `amount`. */
  async small(count: number, amount: string) {
    const code = this.serviceCode();
    this.s.intake.standard(this.s.agencyCode, code, { amount });
    const ids = await this.eligible(code, count);
    const line = await this.line(code, String(BigInt(count) * BigInt(amount)));
    return { ids, serviceCode: code, ...(await this.decree(code, line.id)) };
  }
}
