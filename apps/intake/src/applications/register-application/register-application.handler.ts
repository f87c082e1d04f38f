import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Subjects, type ApplicationSubmission, type PayloadOf } from '#contracts';
import { OutboxService, type Causation, type OutgoingEvent } from '#messaging';
import { CalendarService } from '../../calendar/calendar.service.js';
import type { StandardRecord } from '../../catalog/catalog.service.js';
import { appliedDeadline, missingRequirements, requirementsForVerification, type AppliedDeadline } from '../../catalog/standard.js';
import { statusChangedPayload } from '../status-changed/status-changed.payload.js';

export interface RegisterInput {
  submission: ApplicationSubmission;
  /** the current version of the standard, as SubmissionChecker found it */
  standard: StandardRecord;
  /** the `…application.submitted.v1` event it came from, if any */
  sourceEventId?: string;
  /** who filed it: a staff username, or `system:<source>` */
  actor: string;
  /** when the applicant filed, if earlier than receipt (see `filedAt` of #contracts) */
  filedAt?: Date;
  /** the front office's Idempotency-Key and the submission's hash (FilingBatcher) */
  idempotencyKey?: string;
  submissionHash?: string;
  cause?: Causation;
}

export interface RegisterResult {
  applicationId: string;
  ticketNumber: string | null;
  status: string;
  missingRequirements: string[];
  dueAt: string | null;
}

/**
 * Registers applications that passed SubmissionChecker: a complete file gets the initial
 * status of its standard's lifecycle (REGISTERED), a ticket number
 * `<SERVICE>-<agency>-<year>-<serial>` and its due time on the agency's working-day calendar;
 * an incomplete one is RETURNED with what is missing. Serials are per agency and (local)
 * year, from a counter row updated in the same transaction: no gaps (a rollback gives its
 * numbers back), no repeats, and concurrent filings of one agency wait for each other.
 */
@Injectable()
export class RegisterApplicationHandler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
  ) {}

  async registerMany(manager: EntityManager, inputs: RegisterInput[], now: Date): Promise<RegisterResult[]> {
    const calendars = await this.calendars.calendarsFor(
      inputs.map((i) => i.submission.agencyCode),
      manager,
    );
    const rows = inputs.map((input) => {
      const def = input.standard.definition;
      const s = input.submission;
      const calendar = calendars.get(s.agencyCode)!;
      const missing = missingRequirements(def, s.documents, s.channel);
      const registered = missing.length === 0;
      const deadline: AppliedDeadline | null = registered ? appliedDeadline(def, s.channel) : null;
      return {
        id: randomUUID(),
        // a standard's initial status is REGISTERED (checkStandard refuses any other): what received.v1 announces
        status: registered ? ('REGISTERED' as const) : ('RETURNED' as const),
        missing,
        deadline,
        dueAt: deadline ? calendar.addDeadline(now, deadline) : null,
        year: Number(calendar.localDate(now).slice(0, 4)),
        ticketNumber: null as string | null,
      };
    });

    // serials: one counter update per (agency, year) in this batch, in a fixed order (no deadlock)
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      if (!r.deadline) return;
      const k = `${inputs[i].submission.agencyCode}|${r.year}`;
      groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    for (const k of [...groups.keys()].sort()) {
      const idx = groups.get(k)!;
      const [agency, year] = k.split('|');
      const [{ value }]: Array<{ value: number }> = await manager.query(
        `INSERT INTO "intake"."ticket_serials" ("agency_code", "year", "value") VALUES ($1, $2, $3)
         ON CONFLICT ("agency_code", "year") DO UPDATE SET "value" = "ticket_serials"."value" + EXCLUDED."value"
         RETURNING "value"`,
        [agency, Number(year), idx.length],
      );
      let serial = value - idx.length;
      for (const i of idx)
        rows[i].ticketNumber = `${inputs[i].submission.serviceCode}-${agency}-${year}-${String(++serial).padStart(6, '0')}`;
    }

    const at = now.toISOString();
    await manager.query(
      `INSERT INTO "intake"."applications" ("id", "ticket_number", "agency_code", "service_code", "standard_version", "channel", "source",
         "source_event_id", "status", "applicant", "beneficiary", "target_group", "documents", "missing_requirements", "deadline", "due_at",
         "clock_stopped_at", "created_by", "created_at", "updated_at", "filed_at", "idempotency_key", "submission_hash")
       SELECT id, tn, ag, sv, ver, ch, src, sev, st, ap, bn, tg, docs, miss, dl, due,
              CASE WHEN due IS NULL THEN $17::timestamptz END, cb, $17::timestamptz, $17::timestamptz, fa, ik, sh
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[],
                     $11::jsonb[], $12::text[], $13::jsonb[], $14::jsonb[], $15::jsonb[], $16::timestamptz[], $18::text[],
                     $19::timestamptz[], $20::text[], $21::text[])
           AS t(id, tn, ag, sv, ver, ch, src, sev, st, ap, bn, tg, docs, miss, dl, due, cb, fa, ik, sh)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.ticketNumber),
        inputs.map((i) => i.submission.agencyCode),
        inputs.map((i) => i.submission.serviceCode),
        inputs.map((i) => i.standard.version),
        inputs.map((i) => i.submission.channel),
        inputs.map((i) => i.submission.source ?? null),
        inputs.map((i) => i.sourceEventId ?? null),
        rows.map((r) => r.status),
        inputs.map((i) => JSON.stringify(i.submission.applicant)),
        inputs.map((i) => (i.submission.beneficiary ? JSON.stringify(i.submission.beneficiary) : null)),
        inputs.map((i) => i.submission.targetGroup ?? null),
        inputs.map((i) => JSON.stringify(i.submission.documents)),
        rows.map((r) => JSON.stringify(r.missing)),
        rows.map((r) => (r.deadline ? JSON.stringify(r.deadline) : null)),
        rows.map((r) => r.dueAt?.toISOString() ?? null),
        at,
        inputs.map((i) => i.actor),
        inputs.map((i) => (i.filedAt && i.filedAt.getTime() < now.getTime() ? i.filedAt.toISOString() : null)),
        inputs.map((i) => i.idempotencyKey ?? null),
        inputs.map((i) => i.submissionHash ?? null),
      ],
    );
    const reasons = rows.map((r) => (r.missing.length ? `missing: ${r.missing.join(', ')}` : null));
    await manager.query(
      `INSERT INTO "intake"."application_history" ("application_id", "from_status", "to_status", "reason", "public_reason", "actor", "at")
       SELECT id, NULL, st, rs, rs, ac, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, st, rs, ac)`,
      [rows.map((r) => r.id), rows.map((r) => r.status), reasons, inputs.map((i) => i.actor), at],
    );

    const events: OutgoingEvent[] = [];
    rows.forEach((r, i) => {
      const { submission: s, standard, cause, sourceEventId, actor } = inputs[i];
      const dueAt = r.dueAt?.toISOString() ?? null;
      const received: PayloadOf<typeof Subjects.intakeApplicationReceived> = {
        sourceEventId: sourceEventId ?? null,
        applicationId: r.id,
        ticketNumber: r.ticketNumber,
        status: r.status,
        missingRequirements: r.missing,
        dueAt,
        agencyCode: s.agencyCode,
        serviceCode: s.serviceCode,
        standardVersion: standard.version,
        requiresVerification: standard.definition.lifecycle.statuses.some((x) => x.code === 'IN_VERIFICATION'),
        eligibility: standard.definition.eligibility,
        requirementsForVerification: requirementsForVerification(standard.definition),
      };
      events.push({ subject: Subjects.intakeApplicationReceived, cause, payload: received });
      events.push({
        subject: Subjects.intakeApplicationStatusChanged,
        cause,
        payload: statusChangedPayload({
          applicationId: r.id,
          ticketNumber: r.ticketNumber,
          agencyCode: s.agencyCode,
          serviceCode: s.serviceCode,
          from: null,
          to: r.status,
          publicReason: reasons[i],
          actorName: actor,
          dueAt,
          standardVersion: standard.version,
        }),
      });
    });
    await this.outbox.enqueueMany(manager, events);
    return rows.map((r) => ({
      applicationId: r.id,
      ticketNumber: r.ticketNumber,
      status: r.status,
      missingRequirements: r.missing,
      dueAt: r.dueAt?.toISOString() ?? null,
    }));
  }
}
