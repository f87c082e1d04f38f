import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../common/validate.js';

export interface RequestRow {
  id: string;
  decree_id: string;
  agency_code: string;
  total: string;
  count: number;
  parts: number;
  status: 'REQUESTED' | 'PARTLY_SETTLED' | 'SETTLED';
  created_by: string;
  created_at: Date;
}

export interface RequestLineRow {
  application_id: string;
  decree_line_id: string;
  amount: string;
  status: 'REQUESTED' | 'PAID' | 'REJECTED';
}

/** The SQL of requests to the finance office and their lines (one per recipient). */
@Injectable()
export class RequestRepository {
  async get(m: EntityManager, id: string, lock = false): Promise<RequestRow | null> {
    const rows: RequestRow[] = await m.query(
      `SELECT "id", "decree_id", "agency_code", "total"::text, "count", "parts", "status", "created_by", "created_at" FROM "requests" WHERE "id" = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A request for the decree lines named: their lines, the decree lines marked REQUESTED. The
   * partial unique index UQ_request_lines_open refuses a line already in flight or paid, so
   * no line is ever requested (nor paid) twice, whatever runs at the same time.
   */
  async insert(
    m: EntityManager,
    r: { id: string; decreeId: string; agencyCode: string; total: bigint; parts: number; by: string },
    lines: Array<{ id: string; applicationId: string; amount: string }>,
  ) {
    await m.query(
      `INSERT INTO "requests" ("id", "decree_id", "agency_code", "total", "count", "parts", "created_by") VALUES ($1, $2, $3, $4::bigint, $5, $6, $7)`,
      [r.id, r.decreeId, r.agencyCode, r.total.toString(), lines.length, r.parts, r.by],
    );
    await m.query(
      `INSERT INTO "request_lines" ("request_id", "application_id", "decree_line_id", "amount") SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::bigint[])`,
      [r.id, lines.map((l) => l.applicationId), lines.map((l) => l.id), lines.map((l) => l.amount)],
    );
    await m.query(`UPDATE "decree_lines" SET "status" = 'REQUESTED', "reason" = NULL, "updated_at" = now() WHERE "id" = ANY($1::uuid[])`, [
      lines.map((l) => l.id),
    ]);
  }

  /** The request's lines; with `applicationIds`, only those (a settlement naming 1,000 of 20,000 reads 1,000). */
  async lines(m: EntityManager, requestId: string, applicationIds?: string[]): Promise<RequestLineRow[]> {
    const cols = `"application_id", "decree_line_id", "amount"::text, "status"`;
    return applicationIds
      ? m.query(`SELECT ${cols} FROM "request_lines" WHERE "request_id" = $1 AND "application_id" = ANY($2::uuid[])`, [
          requestId,
          applicationIds,
        ])
      : m.query(`SELECT ${cols} FROM "request_lines" WHERE "request_id" = $1`, [requestId]);
  }

  /** Writes a settlement's outcome on the request's lines and their decree lines; the guards keep a settled line as it is. */
  async settle(
    m: EntityManager,
    requestId: string,
    eventId: string,
    changes: Array<{ applicationId: string; to: 'PAID' | 'REJECTED'; sp2dNumber: string | null; reason: string | null }>,
    paidAt: string,
  ): Promise<Array<{ application_id: string; status: 'PAID' | 'REJECTED'; amount: string }>> {
    if (!changes.length) return [];
    type Settled = {
      application_id: string;
      decree_line_id: string;
      status: 'PAID' | 'REJECTED';
      amount: string;
      sp2d_number: string | null;
      reason: string | null;
    };
    const settled = returnedRows<Settled>(
      await m.query(
        `UPDATE "request_lines" l SET "status" = c.st, "sp2d_number" = c.sp, "reason" = c.rs, "settled_at" = $3::timestamptz, "settlement_event_id" = $2
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) AS c(app, st, sp, rs)
        WHERE l."request_id" = $1 AND l."application_id" = c.app AND l."status" = 'REQUESTED'
       RETURNING l."application_id", l."decree_line_id", l."status", l."amount"::text, l."sp2d_number", l."reason"`,
        [
          requestId,
          eventId,
          paidAt,
          changes.map((c) => c.applicationId),
          changes.map((c) => c.to),
          changes.map((c) => c.sp2dNumber),
          changes.map((c) => c.reason),
        ],
      ),
    );
    await m.query(
      `UPDATE "decree_lines" d SET "status" = CASE WHEN c.st = 'PAID' THEN 'PAID' ELSE 'FAILED' END, "sp2d_number" = c.sp, "reason" = c.rs,
          "paid_at" = CASE WHEN c.st = 'PAID' THEN $1::timestamptz ELSE NULL END, "updated_at" = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS c(id, st, sp, rs)
        WHERE d."id" = c.id AND d."status" = 'REQUESTED'`,
      [
        paidAt,
        settled.map((s) => s.decree_line_id),
        settled.map((s) => s.status),
        settled.map((s) => s.sp2d_number),
        settled.map((s) => s.reason),
      ],
    );
    return settled;
  }

  /**
   * After a settlement that settled lines: SETTLED when no line waits, PARTLY_SETTLED otherwise.
   * Asks only whether one line still waits (IDX_request_lines_waiting), never counts the request's
   * 20,000 lines once per settlement.
   */
  async refreshStatusAfterSettling(m: EntityManager, requestId: string): Promise<void> {
    await m.query(
      `UPDATE "requests" r SET "status" = CASE WHEN w.waiting THEN 'PARTLY_SETTLED' ELSE 'SETTLED' END,
          "settled_at" = CASE WHEN w.waiting THEN NULL ELSE now() END
         FROM (SELECT EXISTS (SELECT 1 FROM "request_lines" WHERE "request_id" = $1 AND "status" = 'REQUESTED') AS waiting) w
        WHERE r."id" = $1`,
      [requestId],
    );
  }

  /** The settlements received for a request, in the order they came. */
  async settlements(m: EntityManager, requestId: string) {
    return m.query(
      `SELECT "event_id" AS "eventId", "system", "status", "sp2d_number" AS "sp2dNumber", "reason", "lines_settled" AS "linesSettled",
              "lines_unchanged" AS "linesUnchanged", "received_at" AS "receivedAt"
         FROM "settlements" WHERE "request_id" = $1 ORDER BY "received_at"`,
      [requestId],
    );
  }

  async recordSettlement(
    m: EntityManager,
    s: {
      eventId: string;
      requestId: string;
      system: string;
      status: string;
      sp2dNumber: string | null;
      reason: string | null;
      settled: number;
      unchanged: number;
    },
  ) {
    await m.query(
      `INSERT INTO "settlements" ("event_id", "request_id", "system", "status", "sp2d_number", "reason", "lines_settled", "lines_unchanged")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("event_id") DO NOTHING`,
      [s.eventId, s.requestId, s.system, s.status, s.sp2dNumber, s.reason, s.settled, s.unchanged],
    );
  }
}
