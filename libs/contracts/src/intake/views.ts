/**
 * What intake answers the gateway (and the gateway answers over HTTP): the shapes the
 * dashboard and the public status page read. Times are ISO-8601 instants.
 */
import type { FieldError } from '../envelope.js';
import type { BenefitAmountView } from './benefit.js';
import type { DeadlineUnitCode, LocalizedText, StandardDefinition } from './standard-definition.js';
import type { PublicAgencyContact } from './paper-trail.js';
import type { PublicDistributionView } from '../disbursement/handover.js';

/** Time left until a due time: on the clock, and in working days of the agency's calendar (negative when overdue). */
export interface TimeLeftView {
  milliseconds: number;
  workingDays: number;
}

/** A standard's current (or a named) version, as `GET /api/v1/services` lists it. */
export type StandardView = StandardDefinition & {
  agencyCode: string;
  agencyName: string;
  version: number;
  active: boolean;
  /** the deadline in words ("5 hari kerja" / "5 working days") */
  deadlineLabel: LocalizedText;
  /** when this version was published */
  publishedAt: string;
  /** the benefit amount of this version: set or not, per target group (`benefitAmountFor` gives one recipient's) */
  benefitAmount: BenefitAmountView;
};

/** One version in a standard's history (admins only). */
export interface StandardVersionView {
  version: number;
  createdAt: string;
  createdBy: string;
  changeNote: string | null;
  active: boolean;
  definition: StandardDefinition;
}

export interface AppliedDeadline {
  amount: number;
  unit: DeadlineUnitCode;
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

/** `GET /api/v1/applications/{id}`. */
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
  /** the deadline's clock still runs (not closed, deadline not met) */
  open: boolean;
  /** in a terminal status of its lifecycle (HANDED_OVER, REPORTED, RETURNED, REJECTED, WITHDRAWN…) */
  closed: boolean;
  applicant: Record<string, unknown>;
  beneficiary: Record<string, unknown> | null;
  targetGroup: string | null;
  documents: Array<{ type: string; ref?: string }>;
  missingRequirements: string[];
  /** when the applicant filed: the submission's `occurredAt` when earlier than receipt, else `receivedAt` */
  filedAt: string;
  /** when Sigap received it (the deadline counts from here) */
  receivedAt: string;
  dueAt: string | null;
  deadline: AppliedDeadline | null;
  timeLeft: TimeLeftView | null;
  overdue: boolean;
  overdueFlaggedAt: string | null;
  /** when the deadline's clock stopped (met, or closed) */
  clockStoppedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  history: HistoryEntryView[];
  /** the transitions the caller may make now */
  nextTransitions: NextTransitionView[];
}

/** One row of `GET /api/v1/applications`. */
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
  /** `************1234` */
  applicantNik: string;
  beneficiaryName: string | null;
  villageCode: string;
  targetGroup: string | null;
  filedAt: string;
  dueAt: string | null;
  /** the deadline's clock still runs */
  open: boolean;
  /** in a terminal status */
  closed: boolean;
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

/** `GET /api/v1/public/status/{ticketNumber}`: no personal data, no staff names. */
export interface PublicStatusView {
  ticketNumber: string;
  service: { code: string; name: LocalizedText };
  agency: { code: string; name: string };
  status: string;
  statusName: LocalizedText;
  /** the deadline's clock still runs */
  open: boolean;
  /** in a terminal status: nothing more will happen */
  closed: boolean;
  filedAt: string;
  dueAt: string | null;
  deadline: AppliedDeadline | null;
  timeLeft: TimeLeftView | null;
  overdue: boolean;
  timeline: Array<{ status: string; name: LocalizedText; at: string; note: string | null }>;
  /** added by the gateway (issue 11): whom to contact at the agency; null until its admin sets it */
  contact?: PublicAgencyContact | null;
  /**
   * added by the gateway (issue 12): where and when the recipient's village is scheduled for the
   * handover, while the application is DECREED or DISBURSING and has no BAST yet; null otherwise
   */
  distribution?: PublicDistributionView | null;
  /**
   * The standard's steps in order (its lifecycle's statuses without the ends the procedure does
   * not lead to: returned, rejected, withdrawn, not paid), each done, current, to come, or not
   * reached (the application ended elsewhere). Steps after the one that ends the deadline are
   * `afterDeadline`: Pasuruan's decree and payout follow its 5 working days as their own steps.
   */
  steps: PublicStepView[];
  /** the step with which the deadline's clock stops (its product), null when only the end stops it */
  deadlineEndsWith: { status: string; name: LocalizedText } | null;
}

export interface PublicStepView {
  status: string;
  name: LocalizedText;
  state: 'DONE' | 'CURRENT' | 'UPCOMING' | 'NOT_REACHED';
  /** when the application last reached it */
  at: string | null;
  afterDeadline: boolean;
}

export interface CalendarDayView {
  agencyCode: string;
  date: string;
  kind: 'NATIONAL_HOLIDAY' | 'CUTI_BERSAMA';
  name: string;
  /** SEED: from the national list (date-holidays, corrected); ADMIN: added by an admin */
  source: 'SEED' | 'ADMIN';
  createdBy: string | null;
  createdAt: string;
}

export interface CalendarYearView {
  agencyCode: string;
  year: number;
  timeZone: string;
  days: CalendarDayView[];
  /** Monday–Friday minus the days above */
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

/** A rule a submission breaks, as in a 400's details. */
export type SubmissionError = FieldError;

/**
 * An application's data for the services that act on it (`Rpc.intake.applicationDossiers`,
 * between services only: verification assesses it; disbursement prints the decree's attachment,
 * the bank's account-opening and payment files and the BAST): the people with their full NIK,
 * address and phone, never published on a stream.
 */
export interface ApplicationDossier {
  applicationId: string;
  /** the citizen's ticket (null only for an application returned at filing) */
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  /** the version of the standard it was filed under (its benefit amount: `Rpc.intake.getStandard` with this version) */
  standardVersion: number | null;
  /** its status now: disbursement proposes only VERIFIED applications */
  status: string;
  applicant: {
    nik: string;
    kkNumber: string;
    name: string;
    birthDate: string;
    sex: 'M' | 'F';
    villageCode: string;
    /** the street address as filed (RT/RW), empty when none was given */
    address: string;
    /** the phone number as filed, null when none was given */
    phone: string | null;
  };
  beneficiary: { nik: string; name: string; birthDate: string; sex: 'M' | 'F' } | null;
  targetGroup: string | null;
  documents: Array<{ type: string }>;
  filedAt: string;
}
