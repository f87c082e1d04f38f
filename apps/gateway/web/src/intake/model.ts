// What intake answers through the gateway, as the dashboard reads it. The source of truth is
// libs/contracts/src/intake/{views,standard-definition}.ts (class-validator classes the
// browser cannot import); these mirror the fields the pages use.
import { AGENCIES, agencyCovers } from '../../../../../libs/domain/src/agencies.ts';
import type { Lang } from '../i18n';

export { AGENCIES, agencyCovers };

export interface LocalizedText {
  id: string;
  en: string;
}

/** The text in the user's language, falling back to the other one. */
export function loc(text: LocalizedText | null | undefined, lang: Lang, fallback = '—'): string {
  if (!text) return fallback;
  return (lang === 'en' ? text.en || text.id : text.id || text.en) || fallback;
}

/** The channels of `sigap.ext.application.submitted.v1` (CONTRACT.md). */
export const CHANNELS = ['FRONT_OFFICE', 'SLRT', 'KELURAHAN', 'WEB', 'LETTER', 'WALK_IN'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DOCUMENT_TYPES = [
  'KTP', 'KK', 'SKTM', 'SURAT_PERMOHONAN', 'SURAT_TUGAS', 'BUKU_TAMU', 'FORMULIR_PERMOHONAN', 'SURAT_KETERANGAN_DOMISILI',
  'AKTA_KELAHIRAN', 'SURAT_KETERANGAN_KEMATIAN', 'SURAT_KETERANGAN_DISABILITAS', 'FOTO', 'LAINNYA',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DEADLINE_UNITS = ['MINUTES', 'HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS', 'MONTHS'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface RequirementSpec {
  code: string;
  name: LocalizedText;
  documentTypes: DocumentType[];
  checkedBy: 'INTAKE' | 'VERIFICATION';
  channels?: Channel[];
}

export interface TargetGroupSpec {
  code: string;
  name: LocalizedText;
  minAge?: number;
  ageUnder?: number;
  sex?: 'M' | 'F';
}

export interface LifecycleStatus {
  code: string;
  name: LocalizedText;
  terminal: boolean;
}

/** A standard as `StandardDefinition` says it: the dashboard edits some fields and sends the rest back unchanged. */
export interface StandardDefinition {
  code: string;
  name: LocalizedText;
  description?: LocalizedText;
  decreeNumber?: string | null;
  requirements: RequirementSpec[];
  targetGroups: TargetGroupSpec[];
  targetGroupRequired: boolean;
  applicant: { minAge?: number; residency: 'AGENCY_AREA' | 'ANY' };
  beneficiary: { required: boolean; minAge?: number; ageUnder?: number };
  procedure: Array<{ text: LocalizedText; status?: string }>;
  deadline: { amount: number; unit: DeadlineUnit };
  deadlineNote?: LocalizedText;
  deadlineRules: Array<{ channels: Channel[]; deadline: { amount: number; unit: DeadlineUnit }; label: LocalizedText }>;
  fee: { amount: string; label: LocalizedText };
  products: LocalizedText[];
  complaintChannels: Array<{ channel: string; contact?: string }>;
  lifecycle: {
    initial: string;
    statuses: LifecycleStatus[];
    transitions: Array<{ from: string[]; to: string; roles: string[]; systems?: string[]; channels?: Channel[]; reasonRequired?: boolean }>;
    deadlineMetAt: string[];
  };
  eligibility: Record<string, unknown>;
}

export type StandardView = StandardDefinition & {
  agencyCode: string;
  agencyName: string;
  version: number;
  active: boolean;
  deadlineLabel: LocalizedText;
  publishedAt: string;
};

export interface StandardVersionView {
  version: number;
  createdAt: string;
  createdBy: string;
  changeNote: string | null;
  active: boolean;
  definition: StandardDefinition;
}

export interface TimeLeftView {
  milliseconds: number;
  workingDays: number;
}

export interface AppliedDeadline {
  amount: number;
  unit: DeadlineUnit;
  label: LocalizedText;
}

export interface HistoryEntryView {
  from: string | null;
  to: string;
  reason: string | null;
  publicReason: string | null;
  actor: string;
  at: string;
}

export interface NextTransitionView {
  to: string;
  name: LocalizedText;
  reasonRequired: boolean;
}

export interface ApplicationView {
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  serviceName: LocalizedText | null;
  standardVersion: number | null;
  channel: string;
  source: string | null;
  status: string;
  statusName: LocalizedText | null;
  open: boolean;
  applicant: Record<string, unknown>;
  beneficiary: Record<string, unknown> | null;
  targetGroup: string | null;
  documents: Array<{ type: string; ref?: string }>;
  missingRequirements: string[];
  filedAt: string;
  dueAt: string | null;
  deadline: AppliedDeadline | null;
  timeLeft: TimeLeftView | null;
  overdue: boolean;
  overdueFlaggedAt: string | null;
  clockStoppedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntryView[];
  nextTransitions: NextTransitionView[];
}

export interface ApplicationListItem {
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  serviceName: LocalizedText | null;
  status: string;
  statusName: LocalizedText | null;
  channel: string;
  applicantName: string;
  applicantNik: string;
  beneficiaryName: string | null;
  villageCode: string;
  targetGroup: string | null;
  filedAt: string;
  dueAt: string | null;
  open: boolean;
  overdue: boolean;
  overdueFlaggedAt: string | null;
  timeLeft: TimeLeftView | null;
  updatedAt: string;
}

export interface ApplicationList {
  items: ApplicationListItem[];
  total: number;
  limit: number;
  offset: number;
}

/** `POST /api/v1/applications` answers this (CONTRACT.md). */
export interface ApplicationRegistered {
  applicationId: string;
  ticketNumber: string | null;
  status: string;
  missingRequirements: string[];
  dueAt: string | null;
}

export interface PublicStatusView {
  ticketNumber: string;
  service: { code: string; name: LocalizedText };
  agency: { code: string; name: string };
  status: string;
  statusName: LocalizedText;
  open: boolean;
  filedAt: string;
  dueAt: string | null;
  deadline: AppliedDeadline | null;
  timeLeft: TimeLeftView | null;
  overdue: boolean;
  timeline: Array<{ status: string; name: LocalizedText; at: string; note: string | null }>;
}

export interface CalendarDayView {
  agencyCode: string;
  date: string;
  kind: 'NATIONAL_HOLIDAY' | 'CUTI_BERSAMA';
  name: string;
  source: 'SEED' | 'ADMIN';
  createdBy: string | null;
  createdAt: string;
}

export interface CalendarYearView {
  agencyCode: string;
  year: number;
  timeZone: string;
  days: CalendarDayView[];
  workingDayCount: number;
}

export interface CalendarChangeView {
  at: string;
  actor: string;
  action: 'ADDED' | 'REMOVED';
  agencyCode: string;
  date: string;
  kind: string;
  name: string;
}

/** Agencies a user of `agencyCode` works for: its own, and a province's regencies. */
export function coveredAgencies(agencyCode: string | undefined) {
  return agencyCode ? AGENCIES.filter((a) => agencyCovers(agencyCode, a.code)) : [];
}

/** Statuses that close an application; a colour for each family of status. */
export function statusColor(status: string): string {
  switch (status) {
    case 'RETURNED':
      return 'orange';
    case 'REJECTED':
      return 'red';
    case 'WITHDRAWN':
      return 'default';
    case 'REGISTERED':
      return 'blue';
    case 'HANDED_OVER':
    case 'DATA_HANDED_OVER':
    case 'REPORTED':
    case 'COMPLETED':
      return 'green';
    default:
      return 'geekblue';
  }
}

/** The ticket number's shape (`SANTUNAN_ANAK-33.04-2026-000123`), as intake checks it. */
export const TICKET = /^[A-Z][A-Z0-9_]{1,39}-[0-9A-Z.]{2,12}-\d{4}-\d{6}$/;
