import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FactKind, ProgressFact } from './disbursement-progress.js';

/** One fact as a consumer hands it in: `ref` makes a repeated event (even under a new eventId) add nothing. */
export interface NewFact {
  applicationId: string;
  /** the application's agency as the event names it: a fact for another agency's application is not recorded */
  agencyCode: string;
  serviceCode: string;
  kind: FactKind;
  ref: string;
  at: string;
  detail: Record<string, string | null>;
  eventId: string;
}

/**
 * SQL of `intake.disbursement_progress`: what intake heard from disbursement, one row per fact.
 *
 * record: INSERT … SELECT FROM unnest(…) JOIN applications ON id, agency_code, service_code
 *         ON CONFLICT (application_id, kind, ref) DO NOTHING RETURNING application_id
 * load:   SELECT … WHERE application_id = ANY($1) ORDER BY at
 */
@Injectable()
export class DisbursementProgressRepository {
  /** Records the facts of existing applications of the agency the event names; returns the ids that learnt something new. */
  async record(manager: EntityManager, facts: NewFact[]): Promise<string[]> {
    if (!facts.length) return [];
    const rows: Array<{ application_id: string }> = await manager.query(
      `INSERT INTO "intake"."disbursement_progress" ("application_id", "kind", "ref", "at", "detail", "event_id")
       SELECT f.id, f.kind, f.ref, f.at, f.detail, f.event_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[], $8::text[])
              AS f(id, agency, kind, ref, at, detail, event_id, service)
         JOIN "intake"."applications" a ON a."id" = f.id AND a."agency_code" = f.agency AND a."service_code" = f.service
       ON CONFLICT ("application_id", "kind", "ref") DO NOTHING
       RETURNING "application_id"`,
      [
        facts.map((f) => f.applicationId),
        facts.map((f) => f.agencyCode),
        facts.map((f) => f.kind),
        facts.map((f) => f.ref),
        facts.map((f) => f.at),
        facts.map((f) => JSON.stringify(f.detail)),
        facts.map((f) => f.eventId),
        facts.map((f) => f.serviceCode),
      ],
    );
    return [...new Set(rows.map((r) => r.application_id))];
  }

  /** Every fact of these applications, by application. */
  async load(manager: EntityManager, applicationIds: string[]): Promise<Map<string, ProgressFact[]>> {
    const out = new Map<string, ProgressFact[]>();
    if (!applicationIds.length) return out;
    const rows: Array<{ application_id: string; kind: FactKind; at: Date; detail: Record<string, string | null> }> = await manager.query(
      `SELECT "application_id", "kind", "at", "detail" FROM "intake"."disbursement_progress"
        WHERE "application_id" = ANY($1::uuid[]) ORDER BY "at", "kind"`,
      [applicationIds],
    );
    for (const r of rows) {
      const list = out.get(r.application_id) ?? [];
      list.push({ kind: r.kind, at: r.at, detail: r.detail });
      out.set(r.application_id, list);
    }
    return out;
  }
}
