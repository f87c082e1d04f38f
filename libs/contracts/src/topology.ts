/**
 * The messaging topology of Sigap in one place: streams, which service publishes what,
 * which durable consumers each service has, and its request-reply subjects.
 * The local NATS configuration (users and permissions), the stream provisioning and the
 * services themselves are all derived from this table, so they cannot drift apart.
 */
import { fromAnySystem, INBOUND_PREFIX } from './outside-systems.js';
import { Rpc } from './rpc.js';
import { Subjects } from './subjects.js';

export type ServiceName = 'gateway' | 'intake' | 'verification' | 'disbursement' | 'logistics' | 'complaints';
export const SERVICE_NAMES: ServiceName[] = ['gateway', 'intake', 'verification', 'disbursement', 'logistics', 'complaints'];

/** Durables no service reads any more: provisioning deletes them where they still exist. */
export const RETIRED_DURABLES: Array<{ stream: string; durable: string; why: string }> = [
  // verification learns who was paid from disbursement's sigap.disbursement.recipient.paid.v1 (issue 12)
  { stream: 'SIGAP_EXT', durable: 'verification_finance_settled', why: 'the finance office settles requests disbursement made' },
];

export interface StreamSpec {
  name: string;
  subjects: string[];
  description: string;
  /**
   * how long it keeps messages: `events` (the installation's stream retention, 90 days by
   * default) or `rejected-payloads` (refused payloads with personal data: the shorter period the
   * installation sets for them, 30 days by default)
   */
  retention?: 'events' | 'rejected-payloads';
}

/** One stream per publishing context; `sigap.rpc.>` is never captured (a stream would answer requests). */
export const STREAMS: StreamSpec[] = [
  // what outside systems publish on `sigap.ext.…` lands here as `sigap.from.<system>.…` (outside-systems.ts)
  { name: 'SIGAP_EXT', subjects: [`${INBOUND_PREFIX}.>`], description: 'events published by outside systems, on sigap.from.<system>.>' },
  { name: 'SIGAP_INTAKE', subjects: ['sigap.intake.>'], description: 'events of intake' },
  { name: 'SIGAP_VERIFICATION', subjects: ['sigap.verification.>'], description: 'events of verification' },
  { name: 'SIGAP_DISBURSEMENT', subjects: ['sigap.disbursement.>'], description: 'events of disbursement' },
  { name: 'SIGAP_LOGISTICS', subjects: ['sigap.logistics.>'], description: 'events of logistics' },
  { name: 'SIGAP_COMPLAINTS', subjects: ['sigap.complaints.>'], description: 'events of complaints' },
  {
    name: 'SIGAP_REJECTED',
    subjects: [Subjects.rejected],
    description: 'messages that failed validation or exhausted their retries (eventId, subject, errors)',
  },
  {
    name: 'SIGAP_REJECTED_DETAIL',
    subjects: [Subjects.rejectedDetail],
    description: "refused messages with their payload, for the admin's replay (gateway only)",
    retention: 'rejected-payloads',
  },
];

/**
 * Subjects a rejection is published on: a consumer of these never answers a message it cannot
 * handle with another rejection (that would loop).
 */
export const REJECTION_SUBJECTS: readonly string[] = [Subjects.rejected, Subjects.rejectedDetail];

/** The stream that captures a subject. */
export function streamFor(subject: string): StreamSpec {
  const hit = STREAMS.find((s) => s.subjects.some((p) => subjectMatches(p, subject)));
  if (!hit) throw new Error(`no stream captures subject ${subject}`);
  return hit;
}

/** NATS wildcard match: `*` one token, `>` the rest. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

export interface ConsumerSpec {
  /** durable name, unique in its stream: `<service>_<purpose>` */
  durable: string;
  /** the subject it filters on (one stream each); inbound events: `sigap.from.*.…` (fromAnySystem) */
  subject: string;
}

export interface ServiceSpec {
  name: ServiceName;
  /** Postgres schema it owns (and the only one its role reaches) */
  schema: string;
  /** subjects it may publish (its own events); every service may publish the REJECTION_SUBJECTS */
  publishes: string[];
  consumers: ConsumerSpec[];
  /** request-reply subjects it answers: `sigap.rpc.<service>.>` */
  rpc: string;
  /** request-reply subjects of other services it may ask (the gateway may ask them all) */
  requests?: string[];
  /** default HTTP port of its health and metrics endpoints */
  httpPort: number;
}

export const SERVICES: Record<ServiceName, ServiceSpec> = {
  gateway: {
    name: 'gateway',
    schema: 'gateway',
    publishes: [],
    // the detail (with the payload) of every rejection, kept for the admin's list and replay
    consumers: [
      { durable: 'gateway_rejected_detail', subject: Subjects.rejectedDetail },
      // every case decision, the automatic ones too, into the audit trail (issue 11)
      { durable: 'gateway_case_decided_audit', subject: Subjects.verificationCaseDecided },
    ],
    rpc: 'sigap.rpc.gateway.>',
    httpPort: 8080,
  },
  intake: {
    name: 'intake',
    schema: 'intake',
    publishes: ['sigap.intake.>'],
    consumers: [
      { durable: 'intake_ext_application_submitted', subject: fromAnySystem(Subjects.extApplicationSubmitted) },
      { durable: 'intake_verification_case_opened', subject: Subjects.verificationCaseOpened },
      { durable: 'intake_verification_case_decided', subject: Subjects.verificationCaseDecided },
      // disbursement moves the application from VERIFIED to HANDED_OVER (or NOT_PAID); one durable per subject
      { durable: 'intake_disbursement_proposal_submitted', subject: Subjects.disbursementProposalSubmitted },
      { durable: 'intake_disbursement_proposal_returned', subject: Subjects.disbursementProposalReturned },
      { durable: 'intake_disbursement_decree_issued', subject: Subjects.disbursementDecreeIssued },
      { durable: 'intake_disbursement_recipient_paid', subject: Subjects.disbursementRecipientPaid },
      { durable: 'intake_disbursement_recipient_failed', subject: Subjects.disbursementRecipientFailed },
      { durable: 'intake_disbursement_recipient_handed_over', subject: Subjects.disbursementRecipientHandedOver },
    ],
    rpc: 'sigap.rpc.intake.>',
    httpPort: 18081,
  },
  verification: {
    name: 'verification',
    schema: 'verification',
    publishes: ['sigap.verification.>'],
    consumers: [
      { durable: 'verification_application_received', subject: Subjects.intakeApplicationReceived },
      // which recipients disbursement paid: "already paid this fiscal year" duplicates
      { durable: 'verification_recipient_paid', subject: Subjects.disbursementRecipientPaid },
      // an application intake closed (withdrawn, rejected, returned): its case closes, its tasks are cancelled
      { durable: 'verification_application_status_changed', subject: Subjects.intakeApplicationStatusChanged },
      { durable: 'verification_registry_snapshot_published', subject: fromAnySystem(Subjects.extRegistrySnapshotPublished) },
    ],
    rpc: 'sigap.rpc.verification.>',
    // the application's data to assess, when a case opens (application.received carries none)
    requests: [Rpc.intake.applicationDossiers],
    httpPort: 18082,
  },
  disbursement: {
    name: 'disbursement',
    schema: 'disbursement',
    publishes: ['sigap.disbursement.>'],
    consumers: [
      { durable: 'disbursement_finance_settled', subject: fromAnySystem(Subjects.extFinanceDisbursementSettled) },
      // a case decided VERIFIED enters the pool of applications an officer may propose
      { durable: 'disbursement_verification_case_decided', subject: Subjects.verificationCaseDecided },
    ],
    rpc: 'sigap.rpc.disbursement.>',
    // the recipient's data for the decree, the bank file and the request (full NIK: never on a
    // stream but the finance office's), and the standard's benefit amount per target group
    requests: [Rpc.intake.applicationDossiers, Rpc.intake.getStandard],
    httpPort: 18083,
  },
  logistics: {
    name: 'logistics',
    schema: 'logistics',
    publishes: ['sigap.logistics.>'],
    consumers: [
      { durable: 'logistics_disaster_declared', subject: fromAnySystem(Subjects.extDisasterDeclared) },
      { durable: 'logistics_distribution_reported', subject: fromAnySystem(Subjects.extLogisticsDistributionReported) },
      { durable: 'logistics_stock_received', subject: fromAnySystem(Subjects.extLogisticsStockReceived) },
    ],
    rpc: 'sigap.rpc.logistics.>',
    httpPort: 18084,
  },
  complaints: {
    name: 'complaints',
    schema: 'complaints',
    publishes: ['sigap.complaints.>'],
    consumers: [{ durable: 'complaints_complaint_received', subject: fromAnySystem(Subjects.extComplaintReceived) }],
    rpc: 'sigap.rpc.complaints.>',
    httpPort: 18085,
  },
};

/**
 * The durable consumer a service reads `subject` with, found by what it reads (never by its
 * place in the list, which changes when the topology is reordered). Throws at start when the
 * topology has no such consumer, so a handler cannot silently listen on nothing.
 */
export function durableOf(service: ServiceName, subject: string): string {
  const hit = SERVICES[service].consumers.find((c) => c.subject === subject);
  if (!hit) throw new Error(`the topology gives ${service} no durable consumer on ${subject}`);
  return hit.durable;
}

/**
 * NATS Object Store buckets (each a stream `OBJ_<bucket>`, provisioned with the streams) and the
 * services that write or read them; deploy/nats-config.ts grants exactly these.
 */
export interface ObjectBucketSpec {
  bucket: string;
  description: string;
  /** services that put (and delete) objects (outside systems' drop buckets are their own: outside-systems.ts) */
  writers: ServiceName[];
  /** services that get (and delete) objects */
  readers: ServiceName[];
  /** how long an object left behind is kept */
  ttlHours: number;
  /** the most the bucket holds (its stream's max_bytes; a write beyond it fails), unless the installation sets `maxBytesSetting` */
  maxBytes?: number;
  /** the provisioning environment variable that sets maxBytes for an installation */
  maxBytesSetting?: string;
}

/** The Object Store bucket of field visits' photos and documents. */
export const VISIT_ATTACHMENT_BUCKET = 'sigap_visit_attachments';

export const OBJECT_BUCKETS: ObjectBucketSpec[] = [
  // the gateway streams an uploaded registry file (DTSEN/DTKS) in, verification streams it back out
  // four uploads of the largest size (SIGAP_REGISTRY_UPLOAD_MAX_BYTES, 2 GiB) at once
  {
    bucket: 'sigap_registry_uploads',
    description: 'registry files uploaded for import',
    writers: ['gateway'],
    readers: ['verification'],
    ttlHours: 72,
    maxBytes: 8 * 1024 ** 3,
    maxBytesSetting: 'SIGAP_REGISTRY_UPLOADS_BUCKET_MAX_BYTES',
  },
  // a field visit's photos and documents (issue 11): the gateway streams them in and back out to staff who may
  // see the task; verification keeps only their references. Evidence of a decision: kept, never expired.
  {
    bucket: VISIT_ATTACHMENT_BUCKET,
    description: 'photos and documents of field visits',
    writers: ['gateway'],
    readers: ['gateway'],
    ttlHours: 0,
    maxBytes: 20 * 1024 ** 3,
    maxBytesSetting: 'SIGAP_VISIT_ATTACHMENTS_BUCKET_MAX_BYTES',
  },
  // disbursement writes a decree's documents and bank files there, the gateway streams them out
  // and deletes them; the gateway puts an uploaded bank answer there for disbursement to read.
  // Files travel here and not in a request-reply, which max_payload (1 MiB) would cap.
  {
    bucket: 'sigap_disbursement_files',
    description: "disbursement's documents and bank files on their way to or from the gateway",
    writers: ['disbursement', 'gateway'],
    readers: ['gateway', 'disbursement'],
    ttlHours: 1,
    maxBytes: 2 * 1024 ** 3,
  },
];

/** How long a registry drop an outside system put is kept when it is never announced or imported. */
export const DROP_BUCKET_TTL_HOURS = 168;
