import type { ApplicationStatusChangedEvent, EventEnvelope } from '#contracts';

/** One accepted status change as intake records it in the application's history. */
export interface StatusChange {
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  from: string | null;
  to: string;
  /** the citizen's reason (the public status page's); the staff reason never leaves intake */
  publicReason: string | null;
  /** who made it, as the history keeps it: a staff username or `system:<name>` */
  actorName: string;
  dueAt: string | null;
  standardVersion: number;
}

export type StatusChangedPayload = Omit<ApplicationStatusChangedEvent, keyof EventEnvelope>;

/**
 * Who made a change, as outside systems may read it: a system keeps its name (`system:verification`,
 * `system:<filing system>`), a member of staff is only `staff` — their username stays in the
 * history that the authenticated API shows.
 */
export function publicActor(actorName: string): string {
  return actorName.startsWith('system:') ? actorName : 'staff';
}

/**
 * The `sigap.intake.application.status-changed.v1` of a change. Any outside system may read it
 * (CONTRACT.md: "anyone"), so it carries what the public status page shows and nothing more:
 * `reason` is the public reason (the field stays for consumers of v1 that read it), never the
 * officer's note or a field visit's findings, and `actor` names no member of staff.
 */
export function statusChangedPayload(c: StatusChange): StatusChangedPayload {
  return {
    applicationId: c.applicationId,
    ticketNumber: c.ticketNumber,
    agencyCode: c.agencyCode,
    serviceCode: c.serviceCode,
    from: c.from,
    to: c.to,
    reason: c.publicReason,
    publicReason: c.publicReason,
    actor: publicActor(c.actorName),
    dueAt: c.dueAt,
    standardVersion: c.standardVersion,
  };
}
