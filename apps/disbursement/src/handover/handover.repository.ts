import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DecreeLineStatus, HandoverView } from '#contracts';
import type { HandoverFacts } from '../domain/handover.js';

/** A decree line as the handover needs it. */
export interface HandoverLineRow {
  id: string;
  application_id: string;
  ticket_number: string | null;
  name: string;
  village_code: string | null;
  amount: string;
  status: DecreeLineStatus;
  sp2d_number: string | null;
}

const VIEW = `SELECT h."bast_number" AS "bastNumber", h."decree_id" AS "decreeId", d."decree_number" AS "decreeNumber", h."agency_code" AS "agencyCode",
    h."application_id" AS "applicationId", l."ticket_number" AS "ticketNumber", l."name" AS "recipientName", l."village_code" AS "villageCode",
    l."amount"::text AS "amount", l."sp2d_number" AS "sp2dNumber", h."handed_over_at" AS "handedOverAt", h."place", h."received_by" AS "receivedBy",
    h."representative", h."representative_relation" AS "representativeRelation", h."officer", h."signature_ref" AS "signatureRef",
    h."photo_ref" AS "photoRef", h."note", h."recorded_at" AS "recordedAt"
  FROM "handovers" h JOIN "decree_lines" l ON l."id" = h."decree_line_id" JOIN "decrees" d ON d."id" = h."decree_id"`;

type ViewRow = Omit<HandoverView, 'handedOverAt' | 'recordedAt'> & { handedOverAt: Date; recordedAt: Date };

const toView = (r: ViewRow): HandoverView => ({ ...r, handedOverAt: r.handedOverAt.toISOString(), recordedAt: r.recordedAt.toISOString() });

/** The SQL of handovers (BAST), one per decree line at most. */
@Injectable()
export class HandoverRepository {
  /** The recipient's decree line, locked: two officers recording one handover at once record it one after the other. */
  async lockLine(m: EntityManager, decreeId: string, applicationId: string): Promise<HandoverLineRow | null> {
    const rows: HandoverLineRow[] = await m.query(
      `SELECT "id", "application_id", "ticket_number", "name", "village_code", "amount"::text, "status", "sp2d_number"
         FROM "decree_lines" WHERE "decree_id" = $1 AND "application_id" = $2 FOR UPDATE`,
      [decreeId, applicationId],
    );
    return rows[0] ?? null;
  }

  async ofLine(
    m: EntityManager,
    decreeLineId: string,
  ): Promise<{ id: string; bast_number: string; handed_over_at: Date; digest: string } | null> {
    const rows = await m.query(`SELECT "id", "bast_number", "handed_over_at", "digest" FROM "handovers" WHERE "decree_line_id" = $1`, [
      decreeLineId,
    ]);
    return rows[0] ?? null;
  }

  /** The agency's next BAST count of the year, in the caller's transaction (a rollback gives it back). */
  async nextCount(m: EntityManager, agencyCode: string, year: number): Promise<number> {
    const [row] = await m.query(
      `INSERT INTO "bast_counters" ("agency_code", "year", "last") VALUES ($1, $2, 1)
       ON CONFLICT ("agency_code", "year") DO UPDATE SET "last" = "bast_counters"."last" + 1 RETURNING "last"`,
      [agencyCode, year],
    );
    return row.last as number;
  }

  async insert(
    m: EntityManager,
    h: { id: string; bastNumber: string; decreeId: string; line: HandoverLineRow; agencyCode: string; officer: string; digest: string },
    f: HandoverFacts,
  ): Promise<void> {
    await m.query(
      `INSERT INTO "handovers" ("id", "bast_number", "decree_id", "decree_line_id", "application_id", "agency_code", "handed_over_at", "place", "received_by",
          "representative", "representative_relation", "officer", "signature_ref", "photo_ref", "note", "digest")
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        h.id,
        h.bastNumber,
        h.decreeId,
        h.line.id,
        h.line.application_id,
        h.agencyCode,
        f.handedOverAt,
        f.place,
        f.receivedBy,
        f.representative,
        f.representativeRelation,
        h.officer,
        f.signatureRef,
        f.photoRef,
        f.note,
        h.digest,
      ],
    );
  }

  async get(m: EntityManager, id: string): Promise<HandoverView | null> {
    const rows: ViewRow[] = await m.query(`${VIEW} WHERE h."id" = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** A decree's handovers in the order they happened (the BAST list). */
  async list(m: EntityManager, decreeId: string): Promise<HandoverView[]> {
    const rows: ViewRow[] = await m.query(`${VIEW} WHERE h."decree_id" = $1 ORDER BY h."handed_over_at", h."bast_number"`, [decreeId]);
    return rows.map(toView);
  }

  /** How many of the decree's recipients are paid and not yet handed over (what the BAST list still lacks). */
  async awaiting(m: EntityManager, decreeId: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM "decree_lines" l WHERE l."decree_id" = $1 AND l."status" = 'PAID'
          AND NOT EXISTS (SELECT 1 FROM "handovers" h WHERE h."decree_line_id" = l."id")`,
      [decreeId],
    );
    return n as number;
  }
}
