import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects, type Actor, type CompleteApplicationRequest } from '#contracts';
import { OutboxService } from '#messaging';
import { CalendarService } from '../../calendar/calendar.service.js';
import { CatalogService } from '../../catalog/catalog.service.js';
import { appliedDeadline, missingRequirements, requirementsForVerification } from '../../catalog/standard.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';
import { statusChangedPayload } from '../status-changed/status-changed.payload.js';

interface ReturnedRow {
  id: string;
  agency_code: string;
  service_code: string;
  standard_version: number | null;
  channel: string;
  status: string;
  documents: Array<{ type: string; ref?: string }>;
  missing_requirements: string[];
  source_event_id: string | null;
}

/** The documents on file after a completion: those already there, then the new ones, each type once. */
export function mergeDocuments(had: ReadonlyArray<{ type: string; ref?: string }>, added: ReadonlyArray<{ type: string; ref?: string }>) {
  const out = [...had];
  for (const d of added) if (!out.some((x) => x.type === d.type)) out.push(d.ref ? { type: d.type, ref: d.ref } : { type: d.type });
  return out;
}

/**
 * A RETURNED file completed at the front office (issue 11): the lifecycle's one way out of
 * RETURNED, which is final for every other transition. The documents brought are added to those on
 * file; the standard the application was filed under decides what intake checks. Complete: it gets
 * the lifecycle's initial status (REGISTERED), a ticket number from the agency's counter and its
 * deadline counted from now (the days it spent returned never count: the clock starts when the file
 * is complete, as at a first filing); history `RETURNED → REGISTERED` with who and what was brought;
 * and, in the same transaction, `…application.received.v1` (REGISTERED, so verification opens its
 * case as for any registration) and `…status-changed.v1`. Still incomplete: 400 naming what is still
 * missing, and nothing changes.
 */
@Injectable()
export class CompleteReturnedHandler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarService,
  ) {}

  async complete(m: EntityManager, actor: Actor, id: string, req: CompleteApplicationRequest, now: Date): Promise<void> {
    const [app]: ReturnedRow[] = await m.query(
      `SELECT "id", "agency_code", "service_code", "standard_version", "channel", "status", "documents", "missing_requirements",
              "source_event_id"
         FROM "intake"."applications" WHERE "id" = $1 FOR UPDATE`,
      [id],
    );
    if (!app) throw new IntakeError(IntakeErrorCode.ApplicationNotFound, `No application ${id}`);
    if (app.status !== 'RETURNED') {
      const message = `only a RETURNED application can be completed; this one is ${app.status}`;
      throw new IntakeError(IntakeErrorCode.NotReturned, message, [{ path: 'status', message }]);
    }
    const filedUnder = { agencyCode: app.agency_code, serviceCode: app.service_code, standardVersion: app.standard_version };
    const std = await this.catalog.forApplication(filedUnder, m);
    if (!std) throw new IntakeError(IntakeErrorCode.StandardNotFound, `No standard ${app.service_code} of agency ${app.agency_code}`);
    const def = std.definition;
    const documents = mergeDocuments(app.documents, req.documents);
    const missing = missingRequirements(def, documents, app.channel);
    if (missing.length) {
      const message = `the file still misses ${missing.join(', ')}`;
      throw new IntakeError(IntakeErrorCode.StillIncomplete, message, [{ path: 'documents', message }]);
    }

    const calendar = (await this.calendars.calendarsFor([app.agency_code], m)).get(app.agency_code)!;
    const deadline = appliedDeadline(def, app.channel);
    const dueAt = calendar.addDeadline(now, deadline);
    const year = Number(calendar.localDate(now).slice(0, 4));
    // the same counter as a first filing: no gaps, no repeats (see RegisterApplicationHandler)
    const [{ value }]: Array<{ value: number }> = await m.query(
      `INSERT INTO "intake"."ticket_serials" ("agency_code", "year", "value") VALUES ($1, $2, 1)
       ON CONFLICT ("agency_code", "year") DO UPDATE SET "value" = "ticket_serials"."value" + 1 RETURNING "value"`,
      [app.agency_code, year],
    );
    const ticketNumber = `${app.service_code}-${app.agency_code}-${year}-${String(value).padStart(6, '0')}`;
    const to = def.lifecycle.initial;
    const at = now.toISOString();
    await m.query(
      `UPDATE "intake"."applications" SET "status" = $2, "ticket_number" = $3, "documents" = $4::jsonb,
              "missing_requirements" = '[]'::jsonb, "deadline" = $5::jsonb, "due_at" = $6, "clock_stopped_at" = NULL, "overdue_at" = NULL, "updated_at" = $7
        WHERE "id" = $1`,
      [id, to, ticketNumber, JSON.stringify(documents), JSON.stringify(deadline), dueAt.toISOString(), at],
    );
    const added = req.documents.map((d) => d.type).filter((t) => !app.documents.some((x) => x.type === t));
    const brought = [...new Set(added)].join(', ') || 'no new document type';
    const reason =
      `completed: ${brought} (was missing ${app.missing_requirements.join(', ') || 'nothing'})` + (req.note ? `; ${req.note}` : '');
    const publicReason = 'Berkas sudah lengkap dan terdaftar';
    await m.query(
      `INSERT INTO "intake"."application_history" ("application_id", "from_status", "to_status", "reason", "public_reason", "actor", "at")
       VALUES ($1, 'RETURNED', $2, $3, $4, $5, $6)`,
      [id, to, reason, publicReason, actor.username, at],
    );
    await this.outbox.enqueueMany(m, [
      {
        subject: Subjects.intakeApplicationReceived,
        payload: {
          sourceEventId: app.source_event_id,
          applicationId: id,
          ticketNumber,
          status: to as 'REGISTERED',
          missingRequirements: [],
          dueAt: dueAt.toISOString(),
          agencyCode: app.agency_code,
          serviceCode: app.service_code,
          standardVersion: std.version,
          requiresVerification: def.lifecycle.statuses.some((x) => x.code === 'IN_VERIFICATION'),
          eligibility: def.eligibility,
          requirementsForVerification: requirementsForVerification(def),
        },
      },
      {
        subject: Subjects.intakeApplicationStatusChanged,
        payload: statusChangedPayload({
          applicationId: id,
          ticketNumber,
          agencyCode: app.agency_code,
          serviceCode: app.service_code,
          from: 'RETURNED',
          to,
          publicReason,
          actorName: actor.username,
          dueAt: dueAt.toISOString(),
          standardVersion: std.version,
        }),
      },
    ]);
  }
}
