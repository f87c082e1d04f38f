import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Subjects, type ApplicationSubmission, type FieldError } from '#contracts';
import { parseNik } from '#domain';
import { OutboxService, type Causation, type OutgoingEvent } from '#messaging';
import { STANDARDS, dueAt } from '../../catalog/catalog.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';

export interface RegisterInput {
  submission: ApplicationSubmission;
  /** the `…application.submitted.v1` event it came from, if any */
  sourceEventId?: string;
  /** who filed it: a staff username, or the submitting system */
  actor: string;
  cause?: Causation;
}

export interface RegisterResult {
  applicationId: string;
  ticketNumber: string | null;
  status: 'REGISTERED' | 'RETURNED';
  missingRequirements: string[];
  dueAt: string | null;
}

/** Rules a submission must meet beyond its shape; each broken rule names its field. */
export function checkSubmission(s: ApplicationSubmission): FieldError[] {
  const errors: FieldError[] = [];
  if (!STANDARDS[s.serviceCode]) errors.push({ path: 'serviceCode', message: `serviceCode ${s.serviceCode} is not a service of the catalog` });
  const nik = parseNik(s.applicant.nik);
  if (!nik.ok) errors.push({ path: 'applicant.nik', message: `nik ${nik.message}` });
  if (s.beneficiary) {
    const b = parseNik(s.beneficiary.nik);
    if (!b.ok) errors.push({ path: 'beneficiary.nik', message: `nik ${b.message}` });
  }
  return errors;
}

/**
 * Registers applications: a complete file is REGISTERED with a ticket number
 * (`<SERVICE>-<agency>-<year>-<serial>`) and its due time, an incomplete one is RETURNED with
 * what is missing. Serials come from a counter row updated in the same transaction, so they
 * have no gaps (a rollback gives its numbers back) and concurrent filings wait for each other.
 */
@Injectable()
export class RegisterApplicationHandler {
  constructor(private readonly outbox: OutboxService) {}

  async registerMany(manager: EntityManager, inputs: RegisterInput[], now = new Date()): Promise<RegisterResult[]> {
    const year = now.getUTCFullYear();
    const results: RegisterResult[] = inputs.map((input) => {
      const standard = STANDARDS[input.submission.serviceCode];
      if (!standard) throw new IntakeError(IntakeErrorCode.UnknownService, `Unknown service ${input.submission.serviceCode}`, [{ path: 'serviceCode', message: 'serviceCode is not a service of the catalog' }]);
      const have = new Set(input.submission.documents.map((d) => d.type));
      const missing = standard.requirements.filter((r) => !have.has(r as never));
      return {
        applicationId: randomUUID(),
        ticketNumber: null,
        status: missing.length ? 'RETURNED' : 'REGISTERED',
        missingRequirements: missing,
        dueAt: missing.length ? null : dueAt(now, standard.deadline).toISOString(),
      };
    });

    // serials: one counter update per (agency, service, year) in this batch, in a fixed order (no deadlock)
    const groups = new Map<string, number[]>();
    results.forEach((r, i) => {
      if (r.status !== 'REGISTERED') return;
      const s = inputs[i].submission;
      const key = `${s.agencyCode}|${s.serviceCode}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const key of [...groups.keys()].sort()) {
      const idx = groups.get(key)!;
      const [agency, service] = key.split('|');
      const [{ value }] = await manager.query(
        `INSERT INTO "ticket_counters" ("agency_code", "service_code", "year", "value") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("agency_code", "service_code", "year") DO UPDATE SET "value" = "ticket_counters"."value" + EXCLUDED."value"
         RETURNING "value"`,
        [agency, service, year, idx.length],
      );
      let serial = (value as number) - idx.length;
      for (const i of idx) results[i].ticketNumber = `${service}-${agency}-${year}-${String(++serial).padStart(6, '0')}`;
    }

    await manager.query(
      `INSERT INTO "applications" ("id", "ticket_number", "agency_code", "service_code", "channel", "source", "source_event_id",
         "status", "applicant", "beneficiary", "target_group", "documents", "missing_requirements", "due_at", "created_by", "created_at", "updated_at")
       SELECT * , $15::timestamptz, $15::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::jsonb[], $10::jsonb[], $11::text[], $12::jsonb[], $13::jsonb[], $14::timestamptz[], $16::text[])`,
      [
        results.map((r) => r.applicationId),
        results.map((r) => r.ticketNumber),
        inputs.map((i) => i.submission.agencyCode),
        inputs.map((i) => i.submission.serviceCode),
        inputs.map((i) => i.submission.channel),
        inputs.map((i) => i.submission.source ?? null),
        inputs.map((i) => i.sourceEventId ?? null),
        results.map((r) => r.status),
        inputs.map((i) => JSON.stringify(i.submission.applicant)),
        inputs.map((i) => (i.submission.beneficiary ? JSON.stringify(i.submission.beneficiary) : null)),
        inputs.map((i) => i.submission.targetGroup ?? null),
        inputs.map((i) => JSON.stringify(i.submission.documents)),
        results.map((r) => JSON.stringify(r.missingRequirements)),
        results.map((r) => r.dueAt),
        now.toISOString(),
        inputs.map((i) => i.actor),
      ],
    );
    await manager.query(
      `INSERT INTO "application_history" ("application_id", "from_status", "to_status", "reason", "actor", "at")
       SELECT id, NULL, st, rs, ac, $4::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $5::text[]) AS t(id, st, rs, ac)`,
      [
        results.map((r) => r.applicationId),
        results.map((r) => r.status),
        results.map((r) => (r.missingRequirements.length ? `missing: ${r.missingRequirements.join(', ')}` : null)),
        now.toISOString(),
        inputs.map((i) => i.actor),
      ],
    );
    const events: OutgoingEvent[] = results.map((r, i) => ({
      subject: Subjects.intakeApplicationReceived,
      cause: inputs[i].cause,
      payload: {
        sourceEventId: inputs[i].sourceEventId ?? null,
        applicationId: r.applicationId,
        ticketNumber: r.ticketNumber,
        status: r.status,
        missingRequirements: r.missingRequirements,
        dueAt: r.dueAt,
        agencyCode: inputs[i].submission.agencyCode,
        serviceCode: inputs[i].submission.serviceCode,
      },
    }));
    await this.outbox.enqueueMany(manager, events);
    return results;
  }
}
