import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { BudgetLineRevisionView, BudgetLineView } from '#contracts';
import { returnedRows } from '../common/validate.js';
import { remaining } from '../domain/budget.js';

export interface BudgetLineRow {
  id: string;
  agency_code: string;
  fiscal_year: number;
  source: string;
  service_code: string;
  name: string;
  ceiling: string;
  committed: string;
  requested: string;
  paid: string;
  returned: string;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export function toBudgetLineView(r: BudgetLineRow): BudgetLineView {
  return {
    id: r.id,
    agencyCode: r.agency_code,
    fiscalYear: r.fiscal_year,
    source: r.source,
    serviceCode: r.service_code,
    name: r.name,
    ceiling: r.ceiling,
    committed: r.committed,
    requested: r.requested,
    paid: r.paid,
    returned: r.returned,
    remaining: remaining({ ceiling: BigInt(r.ceiling), committed: BigInt(r.committed) }).toString(),
    version: r.version,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const COLUMNS = `"id", "agency_code", "fiscal_year", "source", "service_code", "name", "ceiling"::text, "committed"::text, "requested"::text,
  "paid"::text, "returned"::text, "version", "created_by", "created_at", "updated_at"`;

/**
 * The SQL of budget lines. Amounts leave Postgres as text and enter it as text cast to bigint:
 * no JS number ever holds a Rupiah amount. The commitment is one guarded statement, so two
 * commitments at once can never together pass the ceiling (the CHECK constraint backs it).
 */
@Injectable()
export class BudgetLineRepository {
  async list(m: EntityManager, agencies: string[], f: { fiscalYear?: number; serviceCode?: string }): Promise<BudgetLineRow[]> {
    return m.query(
      `SELECT ${COLUMNS} FROM "budget_lines" WHERE "agency_code" = ANY($1::text[])
         AND ($2::int IS NULL OR "fiscal_year" = $2) AND ($3::text IS NULL OR "service_code" = $3)
       ORDER BY "fiscal_year" DESC, "agency_code", "service_code", "source"`,
      [agencies, f.fiscalYear ?? null, f.serviceCode ?? null],
    );
  }

  async get(m: EntityManager, id: string, lock = false): Promise<BudgetLineRow | null> {
    const rows: BudgetLineRow[] = await m.query(`SELECT ${COLUMNS} FROM "budget_lines" WHERE "id" = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** Opens a line (version 1) and its first history entry; null when the agency has that programme's line already. */
  async open(
    m: EntityManager,
    l: {
      agencyCode: string;
      fiscalYear: number;
      source: string;
      serviceCode: string;
      name: string;
      ceiling: string;
      note: string | null;
      by: string;
    },
  ): Promise<BudgetLineRow | null> {
    const id = randomUUID();
    const rows: BudgetLineRow[] = await m.query(
      `INSERT INTO "budget_lines" ("id", "agency_code", "fiscal_year", "source", "service_code", "name", "ceiling", "created_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, $8)
       ON CONFLICT ON CONSTRAINT "UQ_budget_lines_programme" DO NOTHING RETURNING ${COLUMNS}`,
      [id, l.agencyCode, l.fiscalYear, l.source, l.serviceCode, l.name, l.ceiling, l.by],
    );
    if (!rows.length) return null;
    await this.addRevision(m, rows[0], l.note ?? 'opened', l.by);
    return rows[0];
  }

  /** A new version with a new ceiling (and name); the history keeps every version. */
  async revise(m: EntityManager, id: string, r: { ceiling: string; name: string; reason: string; by: string }): Promise<BudgetLineRow> {
    const rows = returnedRows<BudgetLineRow>(
      await m.query(
        `UPDATE "budget_lines" SET "ceiling" = $2::bigint, "name" = $3, "version" = "version" + 1, "updated_at" = now() WHERE "id" = $1 RETURNING ${COLUMNS}`,
        [id, r.ceiling, r.name],
      ),
    );
    await this.addRevision(m, rows[0], r.reason, r.by);
    return rows[0];
  }

  async revisions(m: EntityManager, id: string): Promise<BudgetLineRevisionView[]> {
    const rows: Array<{ version: number; ceiling: string; name: string; reason: string | null; changed_by: string; changed_at: Date }> =
      await m.query(
        `SELECT "version", "ceiling"::text, "name", "reason", "changed_by", "changed_at" FROM "budget_line_revisions" WHERE "budget_line_id" = $1 ORDER BY "version" DESC`,
        [id],
      );
    return rows.map((r) => ({
      version: r.version,
      ceiling: r.ceiling,
      name: r.name,
      reason: r.reason,
      changedBy: r.changed_by,
      changedAt: r.changed_at.toISOString(),
    }));
  }

  /**
   * Commits `amount` on the line if it fits what is left, in one statement: Postgres takes the
   * row lock for the UPDATE and re-checks the condition on the newest row, so of two commitments
   * racing for the last rupiah exactly one matches. Returns the line after, or null when it does not fit.
   */
  async commit(m: EntityManager, id: string, amount: bigint): Promise<BudgetLineRow | null> {
    const rows = returnedRows<BudgetLineRow>(
      await m.query(
        `UPDATE "budget_lines" SET "committed" = "committed" + $2::bigint, "updated_at" = now()
        WHERE "id" = $1 AND "committed" + $2::bigint <= "ceiling" RETURNING ${COLUMNS}`,
        [id, amount.toString()],
      ),
    );
    return rows[0] ?? null;
  }

  /** Moves amounts between the line's counters (requested, paid, returned, committed), exactly. */
  async adjust(
    m: EntityManager,
    id: string,
    d: { committed?: bigint; requested?: bigint; paid?: bigint; returned?: bigint },
  ): Promise<void> {
    await m.query(
      `UPDATE "budget_lines" SET "committed" = "committed" + $2::bigint, "requested" = "requested" + $3::bigint, "paid" = "paid" + $4::bigint,
         "returned" = "returned" + $5::bigint, "updated_at" = now() WHERE "id" = $1`,
      [id, (d.committed ?? 0n).toString(), (d.requested ?? 0n).toString(), (d.paid ?? 0n).toString(), (d.returned ?? 0n).toString()],
    );
  }

  private async addRevision(m: EntityManager, row: BudgetLineRow, reason: string, by: string): Promise<void> {
    await m.query(
      `INSERT INTO "budget_line_revisions" ("budget_line_id", "version", "ceiling", "name", "reason", "changed_by") VALUES ($1, $2, $3::bigint, $4, $5, $6)`,
      [row.id, row.version, row.ceiling, row.name, reason, by],
    );
  }
}
