// Helpers of intake's tests: a real intake and a real gateway as processes, staff accounts,
// and valid filings for each standard (NIKs whose area, birth date and sex agree with the form).
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { startApp, testSystem, type RunningApp } from '#testing';
import { agencyAdmin, Api, openAccount, startGateway, testAdminPassword, unique } from '../gateway/support.js';

export const PASSWORD = 'Rahasia-Kuat-2026';

export interface IntakeSystem {
  intake: RunningApp;
  gateway: RunningApp;
  anon: Api;
  admin: Api;
}

/** Starts intake (on its provisioned port unless `env.PORT`) and a gateway beside it. */
export async function startIntakeSystem(env: Record<string, string> = {}): Promise<IntakeSystem> {
  // the one that did start is stopped when the other did not (a leaked intake answers the next file's requests)
  const [i, g] = await Promise.allSettled([startIntake(env), startGateway({}, 90_000)]);
  if (i.status === 'rejected' || g.status === 'rejected') {
    await Promise.all([i, g].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw i.status === 'rejected' ? i.reason : (g as PromiseRejectedResult).reason;
  }
  const [intake, gateway] = [i.value, g.value];
  const anon = new Api(gateway.url);
  const admin = await anon.session('admin', testAdminPassword());
  return { intake, gateway, anon, admin };
}

export function startIntake(env: Record<string, string> = {}): Promise<RunningApp> {
  // 90 s, as in verification's tests: the first intake on a fresh database seeds its catalog and
  // calendars, which took over 30 s while other suites shared the machine
  return startApp('intake', { INTAKE_OVERDUE_SWEEP_MS: '250', ...env }, 90_000);
}

/** Another intake replica: its own port and instance name. */
export function intakeReplica(n: number, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = Number(testSystem().services.intake.env.PORT) + 100 * n;
  return startIntake({ PORT: String(port), SIGAP_INSTANCE: `intake-${n}`, ...env });
}

export type Staff = Api & { username: string };

/** The administrator of an agency: `admin` itself for 61, else agencyAdmin's (an agency opens its own accounts). */
async function adminOf(sys: Pick<IntakeSystem, 'admin' | 'anon'>, agencyCode: string): Promise<Api> {
  if (agencyCode === '61') return sys.admin;
  return agencyAdmin(sys.anon.baseUrl, agencyCode);
}

/** A staff account in an agency with these roles, opened by the agency's admin, logged in. */
export async function staff(sys: Pick<IntakeSystem, 'admin' | 'anon'>, agencyCode: string, roles: string[]): Promise<Staff> {
  const admin = await adminOf(sys, agencyCode);
  const username = unique(`${roles[0].slice(0, 4).toLowerCase()}.`);
  const r = await openAccount(admin, { username, displayName: `Staf ${username}`, password: PASSWORD, agencyCode, roles });
  expect(r.status).toBe(201);
  return Object.assign(await sys.anon.session(username, PASSWORD), { username });
}

/** A NIK issued in `district` (`33.04.01`) to someone born on `birthDate` (day + 40 for women). */
export function nik(district: string, birthDate: string, sex: 'M' | 'F', serial = 1 + Math.floor(Math.random() * 9998)): string {
  const [y, m, d] = birthDate.split('-');
  const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  return `${district.replace(/\./g, '')}${day}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** A KK number issued in `district`. */
export function kk(district: string): string {
  return `${district.replace(/\./g, '')}0101200${String(1 + Math.floor(Math.random() * 998)).padStart(3, '0')}`;
}

function applicant(district: string, village: string, over: Record<string, unknown> = {}) {
  return {
    nik: nik(district, '1985-07-14', 'F'),
    kkNumber: kk(district),
    name: 'Sri Wahyuni',
    birthDate: '1985-07-14',
    sex: 'F',
    address: 'Jl. Melati 7 RT 02 RW 03',
    villageCode: village,
    phone: '081234567890',
    ...over,
  };
}

export type Standard = 'SANTUNAN_ANAK' | 'BANSOS_REHSOS' | 'AUDIENSI' | 'DATA_INFO' | 'LOGISTIK';

/** A complete, valid filing of a seeded standard at its agency (the body of `POST /api/v1/applications`). */
export function filing(service: Standard, over: Record<string, unknown> = {}): Record<string, any> {
  switch (service) {
    case 'SANTUNAN_ANAK':
      return {
        agencyCode: '33.04',
        serviceCode: 'SANTUNAN_ANAK',
        channel: 'FRONT_OFFICE',
        applicant: applicant('33.04.01', '33.04.01.2001'),
        beneficiary: { nik: nik('33.04.01', '2019-05-02', 'M'), name: 'Budi Santoso', birthDate: '2019-05-02', sex: 'M' },
        targetGroup: 'ANAK_TERLANTAR',
        documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SKTM' }, { type: 'SURAT_PERMOHONAN' }],
        ...over,
      };
    case 'BANSOS_REHSOS':
      return {
        agencyCode: '35.75',
        serviceCode: 'BANSOS_REHSOS',
        channel: 'FRONT_OFFICE',
        applicant: applicant('35.75.01', '35.75.01.1001'),
        targetGroup: 'FAKIR_MISKIN',
        documents: [{ type: 'KTP' }, { type: 'KK' }],
        ...over,
      };
    case 'AUDIENSI':
      return {
        agencyCode: '19',
        serviceCode: 'AUDIENSI',
        channel: 'LETTER',
        applicant: applicant('19.71.01', '19.71.01.1007'),
        documents: [{ type: 'BUKU_TAMU' }, { type: 'KTP' }, { type: 'FORMULIR_PERMOHONAN' }],
        ...over,
      };
    case 'DATA_INFO':
      return {
        agencyCode: '61.BKS',
        serviceCode: 'DATA_INFO',
        channel: 'FRONT_OFFICE',
        // a researcher from Banjarnegara: DATA_INFO is open to anyone
        applicant: applicant('33.04.01', '33.04.01.2001'),
        documents: [{ type: 'SURAT_TUGAS' }, { type: 'SURAT_PERMOHONAN' }, { type: 'KTP' }],
        ...over,
      };
    case 'LOGISTIK':
      return {
        agencyCode: '61',
        serviceCode: 'LOGISTIK',
        channel: 'LETTER',
        applicant: applicant('61.71.01', '61.71.01.1002'),
        documents: [{ type: 'SURAT_PERMOHONAN' }],
        ...over,
      };
  }
}

/** The same filing as a `sigap.ext.application.submitted.v1` event. */
export function submittedEvent(service: Standard, over: Record<string, unknown> = {}): Record<string, any> {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'slrt-test',
    ...filing(service, { channel: 'SLRT', ...over }),
  };
}

/** Status-changed events of one application, in stream order. */
export function statusChanges(messages: Array<{ data: any }>, applicationId: string): Array<{ from: string | null; to: string }> {
  return messages.filter((m) => m.data.applicationId === applicationId).map((m) => ({ from: m.data.from, to: m.data.to }));
}

export async function historyOf(db: pg.Client, applicationId: string) {
  const { rows } = await db.query(
    `SELECT from_status, to_status, actor, reason FROM intake.application_history WHERE application_id = $1 ORDER BY id`,
    [applicationId],
  );
  return rows as Array<{ from_status: string | null; to_status: string; actor: string; reason: string | null }>;
}

/** A NATS connection as a Sigap service's own user (its permissions, its private inbox), as that service connects. */
export async function natsAsService(name: string) {
  const env = testSystem().services[name]?.env;
  if (!env?.NATS_USER) throw new Error(`the test installation has no NATS user for ${name}`);
  const { natsAs } = await import('#testing');
  return natsAs({ user: env.NATS_USER, password: env.NATS_PASSWORD }, { inboxPrefix: `_INBOX_${name}` });
}
