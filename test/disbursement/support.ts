// Helpers of disbursement's tests: officers of an agency, a stand-in for intake's answers
// (standard and dossiers), publishing verified decisions, and reading what disbursement published.
import { randomUUID } from 'node:crypto';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Rpc, Subjects, type ApplicationDossier } from '#contracts';
import { publishEvent } from '#testing';
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
