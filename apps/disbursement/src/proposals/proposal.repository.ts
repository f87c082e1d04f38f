import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProposalStatus, ProposalView } from '#contracts';
import { remaining } from '../domain/budget.js';

export interface ProposalRow {
  id: string;
  agency_code: string;
  service_code: string;
  fiscal_year: number;
  budget_line_id: string;
  status: ProposalStatus;
  total: string;
  count: number;
  note: string | null;
  created_by: string;
  created_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  return_reason: string | null;
  line_name: string;
  line_source: string;
  line_ceiling: string;
  line_committed: string;
  decree_id: string | null;
}

const SELECT = `SELECT p."id", p."agency_code", p."service_code", p."fiscal_year", p."budget_line_id", p."status", p."total"::text, p."count", p."note",
    p."created_by", p."created_at", p."submitted_by", p."submitted_at", p."decided_by", p."decided_at", p."return_reason",
    b."name" AS line_name, b."source" AS line_source, b."ceiling"::text AS line_ceiling, b."committed"::text AS line_committed, d."id" AS decree_id
  FROM "proposals" p JOIN "budget_lines" b ON b."id" = p."budget_line_id" LEFT JOIN "decrees" d ON d."proposal_id" = p."id"`;

export function toProposalView(r: ProposalRow): ProposalView {
  const line = { ceiling: BigInt(r.line_ceiling), committed: BigInt(r.line_committed) };
  const left = remaining(line);
  return {
    id: r.id,
    agencyCode: r.agency_code,
    serviceCode: r.service_code,
    fiscalYear: r.fiscal_year,
    budgetLine: {
      id: r.budget_line_id,
      name: r.line_name,
      source: r.line_source,
      ceiling: r.line_ceiling,
      committed: r.line_committed,
      remaining: left.toString(),
    },
    status: r.status,
    total: r.total,
    count: r.count,
    // an approved proposal's money is already in `committed`
    fitsBudget: r.status === 'APPROVED' || r.status === 'DECREED' ? true : BigInt(r.total) <= left,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    returnReason: r.return_reason,
    decreeId: r.decree_id,
  };
}

/** The SQL of proposals (usulan) and their items. */
@Injectable()
export class ProposalRepository {
  async get(m: EntityManager, id: string): Promise<ProposalRow | null> {
    const rows: ProposalRow[] = await m.query(`${SELECT} WHERE p."id" = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the proposal's row: its status moves once, whoever acts at the same time. */
  async lock(m: EntityManager, id: string): Promise<{ id: string; status: ProposalStatus } | null> {
    const rows = await m.query(`SELECT "id", "status" FROM "proposals" WHERE "id" = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async list(m: EntityManager, agencies: string[], f: { status?: string; limit: number; offset: number }) {
    const where = `p."agency_code" = ANY($1::text[]) AND ($2::text IS NULL OR p."status" = $2)`;
    const rows: ProposalRow[] = await m.query(`${SELECT} WHERE ${where} ORDER BY p."created_at" DESC LIMIT ${f.limit} OFFSET ${f.offset}`, [
      agencies,
      f.status ?? null,
    ]);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM "proposals" p WHERE ${where}`, [agencies, f.status ?? null]);
    return { rows, total: n as number };
  }

  async insert(
    m: EntityManager,
    p: {
      id: string;
      agencyCode: string;
      serviceCode: string;
      fiscalYear: number;
      budgetLineId: string;
      total: bigint;
      note: string | null;
      by: string;
    },
    items: Array<{ applicationId: string; targetGroup: string | null; amount: bigint }>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO "proposals" ("id", "agency_code", "service_code", "fiscal_year", "budget_line_id", "status", "total", "count", "note", "created_by")
       VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6::bigint, $7, $8, $9)`,
      [p.id, p.agencyCode, p.serviceCode, p.fiscalYear, p.budgetLineId, p.total.toString(), items.length, p.note, p.by],
    );
    await m.query(
      `INSERT INTO "proposal_items" ("proposal_id", "application_id", "target_group", "amount")
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::bigint[])`,
      [p.id, items.map((i) => i.applicationId), items.map((i) => i.targetGroup), items.map((i) => i.amount.toString())],
    );
  }

  async setStatus(
    m: EntityManager,
    id: string,
    status: ProposalStatus,
    set: { submittedBy?: string; decidedBy?: string; returnReason?: string },
  ): Promise<void> {
    await m.query(
      `UPDATE "proposals" SET "status" = $2,
         "submitted_by" = coalesce($3, "submitted_by"), "submitted_at" = CASE WHEN $3::text IS NULL THEN "submitted_at" ELSE now() END,
         "decided_by" = coalesce($4, "decided_by"), "decided_at" = CASE WHEN $4::text IS NULL THEN "decided_at" ELSE now() END,
         "return_reason" = coalesce($5, "return_reason")
       WHERE "id" = $1`,
      [id, status, set.submittedBy ?? null, set.decidedBy ?? null, set.returnReason ?? null],
    );
  }

  async items(m: EntityManager, id: string) {
    const rows: Array<{
      application_id: string;
      ticket_number: string | null;
      name: string | null;
      target_group: string | null;
      village_code: string | null;
      amount: string;
    }> = await m.query(
      `SELECT i."application_id", p."ticket_number", p."name", i."target_group", p."village_code", i."amount"::text
           FROM "proposal_items" i JOIN "pool" p ON p."application_id" = i."application_id" WHERE i."proposal_id" = $1 ORDER BY p."village_code", p."name", i."application_id"`,
      [id],
    );
    return rows;
  }

  async applicationIds(m: EntityManager, id: string): Promise<string[]> {
    const rows: Array<{ application_id: string }> = await m.query(
      `SELECT "application_id" FROM "proposal_items" WHERE "proposal_id" = $1 ORDER BY "application_id"`,
      [id],
    );
    return rows.map((r) => r.application_id);
  }
}
