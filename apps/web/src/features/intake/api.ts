// Intake through the gateway: the service catalog (standar pelayanan), applications (filing,
// the queue, one application, a change of status) and the working-day calendar.
import type {
  AgencyContactView,
  ApplicationList,
  ApplicationView,
  FilingWarningsView,
  CalendarDayView,
  CalendarYearView,
  StandardDefinition,
  StandardVersionView,
  StandardView,
} from '@contracts';
import { api, asPage, seg, type Query } from '../../shared/api/client';

/**
 * What `POST /applications` answers (CONTRACT.md; the gateway's
 * apps/gateway/src/applications/submit-application: not in libs/contracts yet).
 */
export interface ApplicationRegistered {
  applicationId: string;
  ticketNumber: string | null;
  status: string;
  missingRequirements: string[];
  dueAt: string | null;
}

/** The body of a filing: `sigap.ext.application.submitted.v1` without eventId and occurredAt. */
export interface Filing {
  agencyCode: string;
  serviceCode: string;
  channel: string;
  applicant: {
    nik: string;
    kkNumber: string;
    name: string;
    birthDate?: string;
    sex?: 'M' | 'F';
    address: string;
    villageCode: string;
    phone?: string;
  };
  beneficiary?: { nik: string; name: string; birthDate?: string; sex?: 'M' | 'F' };
  targetGroup?: string;
  documents: { type: string }[];
}

export interface QueueQuery extends Query {
  status?: string;
  serviceCode?: string;
  agencyCode?: string;
  dueSoon?: boolean;
  overdue?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

/** A standard's next version: its definition, whether it takes new filings, and why it changed. */
export type StandardUpdate = StandardDefinition & { active?: boolean; changeNote?: string };

export const intakeApi = {
  /** the current standards (of one agency, or every agency's), closed ones too when asked */
  standards: (q: { agencyCode?: string; includeInactive?: boolean }, signal?: AbortSignal) =>
    api.get<unknown>('/services', q, signal).then((d) => asPage<StandardView>(d).items),
  standardVersions: (agencyCode: string, code: string, signal?: AbortSignal) =>
    api.get<unknown>(seg`/services/${agencyCode}/${code}/versions`, undefined, signal).then((d) => asPage<StandardVersionView>(d).items),
  updateStandard: (agencyCode: string, code: string, body: StandardUpdate) =>
    api.put<StandardView>(seg`/services/${agencyCode}/${code}`, body),

  file: (filing: Filing) => api.post<ApplicationRegistered>('/applications', filing),
  queue: (q: QueueQuery, signal?: AbortSignal) => api.get<ApplicationList>('/applications', q, signal),
  application: (id: string, signal?: AbortSignal) => api.get<ApplicationView>(seg`/applications/${id}`, undefined, signal),
  transition: (id: string, body: { to: string; reason?: string; publicReason?: string }) =>
    api.post<void>(seg`/applications/${id}/transitions`, body),

  /** a RETURNED file completed with the documents brought: REGISTERED, or 400 naming what is still missing */
  complete: (id: string, body: { documents: { type: string }[]; note?: string }) =>
    api.post<ApplicationView>(seg`/applications/${id}/completion`, body),
  /** warnings, not refusals, for a filing in progress (NIKs in the body) */
  filingWarnings: (
    body: { agencyCode: string; serviceCode: string; applicantNik?: string; beneficiaryNik?: string },
    signal?: AbortSignal,
  ) => api.post<FilingWarningsView>('/applications/filing-warnings', body, { signal }),
  /** the agency's address, phone and office hours, for the receipt; null while its admin has not set them */
  agencyContact: (agencyCode: string, signal?: AbortSignal) =>
    api.get<AgencyContactView>(seg`/agencies/${agencyCode}/contact`, undefined, signal).catch((e: unknown) => {
      if ((e as { status?: number }).status === 404) return null;
      throw e;
    }),

  calendar: (year: number, agencyCode: string | undefined, signal?: AbortSignal) =>
    api.get<CalendarYearView>(seg`/calendar/${year}/days`, { agencyCode }, signal),
  addDay: (day: { date: string; name: string; kind: CalendarDayView['kind']; agencyCode?: string }) =>
    api.post<void>(seg`/calendar/${Number(day.date.slice(0, 4))}/days`, day),
  removeDay: (date: string, agencyCode: string | undefined) =>
    api.delete<void>(seg`/calendar/${Number(date.slice(0, 4))}/days/${date}`, { agencyCode }),
};
