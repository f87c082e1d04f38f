/**
 * Outside systems (department systems, the finance office, bridges): each is a NATS identity of
 * its own, declared as data. NATS never tells a subscriber who published a message, so the
 * identity comes from the server's routing: every outside system is a NATS account of its own,
 * and what it publishes on a contract subject reaches Sigap on a subject naming it:
 *
 *   the system publishes     sigap.ext.application.submitted.v1          (CONTRACT.md)
 *   Sigap stores and reads   sigap.from.<system>.application.submitted.v1 (no publisher can forge it)
 *
 * deploy/nats-config.ts renders the accounts, imports and exports from these declarations;
 * deploy/outside-systems.ts keeps them and provisions each system's durables, drop bucket and
 * directory entry; libs/messaging's consumer host checks the agencies a publisher speaks for.
 */
import type { FieldError } from './envelope.js';
import { Subjects } from './subjects.js';

const EXT_PREFIX = 'sigap.ext.';
/** Where inbound events land inside Sigap: `sigap.from.<system>.<rest of the contract subject>`. */
export const INBOUND_PREFIX = 'sigap.from';
/** Deliver subjects of outside systems' durable consumers: `sigap.deliver.<system>.<outbound subject without sigap.>`. */
export const DELIVER_PREFIX = 'sigap.deliver';

/**
 * Inbound contract subjects and the payload field naming the agency the event is for; `null`
 * when the payload names none (a settlement answers a request: disbursement checks the
 * request's agency against `ctx.source.agencies`).
 */
export const INBOUND_SUBJECTS: Record<string, { agencyField: 'agencyCode' | 'regencyCode' | null }> = {
  [Subjects.extApplicationSubmitted]: { agencyField: 'agencyCode' },
  [Subjects.extDisasterDeclared]: { agencyField: 'regencyCode' },
  [Subjects.extFinanceDisbursementSettled]: { agencyField: null },
  [Subjects.extLogisticsDistributionReported]: { agencyField: 'regencyCode' },
  [Subjects.extComplaintReceived]: { agencyField: 'agencyCode' },
  [Subjects.extLogisticsStockReceived]: { agencyField: 'agencyCode' },
  [Subjects.extRegistrySnapshotPublished]: { agencyField: 'agencyCode' },
};

/** Outbound subjects an outside system may be granted to read (never `sigap.rejected.detail`: values stay inside). */
export const OUTBOUND_READABLE: string[] = [
  Subjects.intakeApplicationReceived,
  Subjects.intakeApplicationStatusChanged,
  Subjects.disbursementRequested,
  Subjects.logisticsShipmentDispatched,
  Subjects.complaintsComplaintUpdated,
  Subjects.verificationRegistryImportFinished,
  Subjects.rejected,
];

/** `sigap.ext.application.submitted.v1` → `sigap.from.<system>.application.submitted.v1` */
export function internalSubject(contract: string, system: string): string {
  if (!contract.startsWith(EXT_PREFIX)) throw new Error(`${contract} is not an inbound contract subject`);
  return `${INBOUND_PREFIX}.${system}.${contract.slice(EXT_PREFIX.length)}`;
}

/** The consumer filter of an inbound subject, whoever published it: `sigap.from.*.application.submitted.v1`. */
export function fromAnySystem(contract: string): string {
  return internalSubject(contract, '*');
}

/** Is this a subject where outside systems' events land (`sigap.from.<system>.…`)? */
export function isInboundSubject(subject: string): boolean {
  return subject.startsWith(`${INBOUND_PREFIX}.`);
}

/** The system that published a message stored on `sigap.from.<system>.…`, or null for any other subject. */
export function publisherOf(subject: string): string | null {
  if (!isInboundSubject(subject)) return null;
  return subject.split('.')[2] || null;
}

/** `sigap.from.<system>.application.submitted.v1` → `sigap.ext.application.submitted.v1`; other subjects unchanged. */
export function contractSubject(subject: string): string {
  if (!isInboundSubject(subject)) return subject;
  return EXT_PREFIX + subject.split('.').slice(3).join('.');
}

/** Limits of one outside system; the command's defaults below. */
export interface OutsideSystemLimits {
  /** largest message it may publish, in bytes (a drop's Object Store chunk is 128 KiB) */
  maxPayloadBytes: number;
  /** bytes its registry drop bucket may hold */
  dropBucketBytes: number;
  /** connections at once */
  maxConnections: number;
}

export const DEFAULT_SYSTEM_LIMITS: OutsideSystemLimits = {
  maxPayloadBytes: 256 * 1024,
  dropBucketBytes: 1024 * 1024 * 1024,
  maxConnections: 20,
};
/** An Object Store chunk (128 KiB) and its headers must fit in one message. */
export const MIN_PAYLOAD_BYTES = 129 * 1024;

/** What an outside system is: the data an operator declares. */
export interface OutsideSystem {
  /** lower-case letters, digits and `-`: it is a NATS user, part of subjects and of durable names */
  name: string;
  /** agency codes it speaks for (`33.04`), or `*` for every agency */
  agencies: string[];
  /** inbound contract subjects it may publish (`sigap.ext.…`) */
  publishes: string[];
  /** outbound subjects it may read (OUTBOUND_READABLE) */
  reads: string[];
  limits: OutsideSystemLimits;
}

/** The Key-Value bucket services read declarations from (key: the system's name). */
export const OUTSIDE_SYSTEMS_BUCKET = 'sigap_outside_systems';

export const SYSTEM_NAME = /^[a-z][a-z0-9-]{1,39}$/;
/** Names the configuration uses for itself. */
const RESERVED = new Set(['sigap', 'admin', 'system']);

/** Whether a system speaks for an agency. */
export function speaksFor(system: Pick<OutsideSystem, 'agencies'>, agencyCode: string): boolean {
  return system.agencies.includes('*') || system.agencies.includes(agencyCode);
}

/** The NATS account of an outside system in the server configuration. */
export function accountOf(system: string): string {
  return `OUTSIDE_${system.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The Object Store bucket a system puts registry drops in, which only it reaches. `ext` keeps
 * the bucket the README has documented since the drops were introduced.
 */
export function dropBucketOf(system: string): string {
  return system === 'ext' ? 'sigap_registry_drops' : `sigap_drops_${system}`;
}

/** Does a system put registry drops (and so get a drop bucket)? */
export function hasDropBucket(system: Pick<OutsideSystem, 'publishes'>): boolean {
  return system.publishes.includes(Subjects.extRegistrySnapshotPublished);
}

/** The durable consumer a system reads an outbound subject through: `out_<system>_<subject>`. */
export function systemDurable(system: string, subject: string): string {
  return `out_${system}_${subject.replace(/^sigap\./, '').replace(/[.-]/g, '_')}`;
}

/** Where that durable pushes its messages, which only that system's account imports. */
export function deliverSubject(system: string, subject: string): string {
  return `${DELIVER_PREFIX}.${system}.${subject.replace(/^sigap\./, '')}`;
}

/** Checks a declaration: each error names its field and the rule. Agency codes are checked by the caller (libs/domain). */
export function checkOutsideSystem(s: OutsideSystem): FieldError[] {
  const errors: FieldError[] = [];
  if (!SYSTEM_NAME.test(s.name) || RESERVED.has(s.name)) {
    errors.push({
      path: 'name',
      message: 'name must be 2-40 lower-case letters, digits or -, starting with a letter (and not sigap, admin or system)',
    });
  }
  if (!s.agencies.length) errors.push({ path: 'agencies', message: 'agencies must name at least one agency code, or * for every agency' });
  for (const a of s.agencies)
    if (a !== '*' && !/^\d{2}(\.[0-9A-Z]{2,3})?$/.test(a))
      errors.push({ path: 'agencies', message: `${a} is not an agency code like 61 or 33.04` });
  for (const p of s.publishes)
    if (!(p in INBOUND_SUBJECTS))
      errors.push({ path: 'publishes', message: `${p} is not an inbound contract subject (${Object.keys(INBOUND_SUBJECTS).join(', ')})` });
  for (const r of s.reads)
    if (!OUTBOUND_READABLE.includes(r))
      errors.push({
        path: 'reads',
        message: `${r} is not an outbound subject an outside system may read (${OUTBOUND_READABLE.join(', ')})`,
      });
  if (!s.publishes.length && !s.reads.length)
    errors.push({ path: 'publishes', message: 'a system must publish or read at least one subject' });
  const l = s.limits;
  if (!Number.isInteger(l.maxPayloadBytes) || l.maxPayloadBytes < MIN_PAYLOAD_BYTES || l.maxPayloadBytes > 8 * 1024 * 1024) {
    errors.push({
      path: 'limits.maxPayloadBytes',
      message: `maxPayloadBytes must be a whole number from ${MIN_PAYLOAD_BYTES} to ${8 * 1024 * 1024}`,
    });
  }
  if (!Number.isInteger(l.dropBucketBytes) || l.dropBucketBytes < 1024 * 1024)
    errors.push({ path: 'limits.dropBucketBytes', message: 'dropBucketBytes must be a whole number of at least 1048576 (1 MiB)' });
  if (!Number.isInteger(l.maxConnections) || l.maxConnections < 1 || l.maxConnections > 10_000)
    errors.push({ path: 'limits.maxConnections', message: 'maxConnections must be a whole number from 1 to 10000' });
  return errors;
}

/**
 * `ext`, the development default: what CONTRACT.md grants outside systems and no more. Not the
 * finance office's subjects: `sigap.disbursement.requested.v1` carries full NIKs, and a
 * settlement marks applications paid.
 */
export const EXT_SYSTEM: OutsideSystem = {
  name: 'ext',
  agencies: ['*'],
  publishes: Object.keys(INBOUND_SUBJECTS).filter((s) => s !== Subjects.extFinanceDisbursementSettled),
  reads: OUTBOUND_READABLE.filter((s) => s !== Subjects.disbursementRequested),
  limits: { ...DEFAULT_SYSTEM_LIMITS, maxConnections: 200 },
};

/** The finance office of a local (development) installation: reads payout requests, publishes settlements. */
export const FINANCE_LOCAL_SYSTEM: OutsideSystem = {
  name: 'finance-local',
  agencies: ['*'],
  publishes: [Subjects.extFinanceDisbursementSettled],
  reads: [Subjects.disbursementRequested, Subjects.rejected],
  limits: { ...DEFAULT_SYSTEM_LIMITS },
};
