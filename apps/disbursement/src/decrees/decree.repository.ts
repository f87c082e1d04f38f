import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DECREE_LINE_STATUSES, type DecreeLineStatus, type DecreeView } from '#contracts';

export interface DecreeRow {
  id: string;
  proposal_id: string;
  agency_code: string;
  service_code: string;
  fiscal_year: number;
  budget_line_id: string;
  budget_line_source: string;
  decree_number: string;
  decree_date: string;
  signatory: string;
  total: string;
  count: number;
  scan_ref: string | null;
  issued_by: string;
  issued_at: Date;
}

export interface DecreeLineRow {
  id: string;
  application_id: string;
  ticket_number: string | null;
  nik: string;
  name: string;
  amount: string;
  bank_account: string | null;
  bank_name: string | null;
  status: DecreeLineStatus;
  sp2d_number: string | null;
  reason: string | null;
}

const SELECT = `SELECT d."id", d."proposal_id", d."agency_code", d."service_code", d."fiscal_year", d."budget_line_id", b."source" AS budget_line_source,
    d."decree_number", to_char(d."decree_date", 'YYYY-MM-DD') AS decree_date, d."signatory", d."total"::text, d."count", d."scan_ref", d."issued_by", d."issued_at"
  FROM "decrees" d JOIN "budget_lines" b ON b."id" = d."budget_line_id"`;

/** The SQL of decrees (SK) and their lines, one per recipient. */
@Injectable()
export class DecreeRepository {
  async get(m: EntityManager, id: string, lock = false): Promise<DecreeRow | null> {
    if (lock) await m.query(`SELECT 1 FROM "decrees" WHERE "id" = $1 FOR UPDATE`, [id]);
    const rows: DecreeRow[] = await m.query(`${SELECT} WHERE d."id" = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(m: EntityManager, agencies: string[], f: { limit: number; offset: number }) {
    const rows: DecreeRow[] = await m.query(
      `${SELECT} WHERE d."agency_code" = ANY($1::text[]) ORDER BY d."issued_at" DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
      [agencies],
    );
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM "decrees" WHERE "agency_code" = ANY($1::text[])`, [agencies]);
    return { rows, total: n as number };
  }

  /**
   * The decree and one line per recipient, copied from the approved proposal's items and the
   * recipients' data (the decree says who receives what, as signed: later changes of the pool
   * do not change it). Returns the lines as (application, amount), in the decree's order.
   */
  async insert(
    m: EntityManager,
    d: {
      proposalId: string;
      agencyCode: string;
      serviceCode: string;
      fiscalYear: number;
      budgetLineId: string;
      decreeNumber: string;
      decreeDate: string;
      signatory: string;
      by: string;
    },
  ): Promise<{ id: string; total: bigint; lines: Array<{ applicationId: string; amount: string }> }> {
    const id = randomUUID();
    const lines: Array<{ application_id: string; amount: string }> = await m.query(
      `WITH items AS (
         SELECT i."application_id", i."amount", i."target_group", p."ticket_number", p."nik", p."name", p."village_code", p."address", p."bank_account", p."bank_name",
                p."kk_number", p."birth_date", p."sex", p."phone",
                row_number() OVER (ORDER BY p."village_code", p."name", i."application_id") AS seq
           FROM "proposal_items" i JOIN "pool" p ON p."application_id" = i."application_id" WHERE i."proposal_id" = $1
       ), decree AS (
         INSERT INTO "decrees" ("id", "proposal_id", "agency_code", "service_code", "fiscal_year", "budget_line_id", "decree_number", "decree_date", "signatory", "total", "count", "issued_by")
         SELECT $2, $1, $3, $4, $5, $6, $7, $8::date, $9, coalesce(sum("amount"), 0), count(*), $10 FROM items
         RETURNING "id"
       )
       INSERT INTO "decree_lines" ("id", "decree_id", "seq", "application_id", "ticket_number", "nik", "name", "village_code", "address", "target_group", "amount", "bank_account", "bank_name",
                                   "kk_number", "birth_date", "sex", "phone")
       SELECT gen_random_uuid(), (SELECT "id" FROM decree), seq, "application_id", "ticket_number", "nik", "name", "village_code", "address", "target_group", "amount", "bank_account", "bank_name",
              "kk_number", "birth_date", "sex", "phone"
         FROM items ORDER BY seq
       RETURNING "application_id", "amount"::text, "seq"`,
      [d.proposalId, id, d.agencyCode, d.serviceCode, d.fiscalYear, d.budgetLineId, d.decreeNumber, d.decreeDate, d.signatory, d.by],
    );
    let total = 0n;
    for (const l of lines) total += BigInt(l.amount);
    return { id, total, lines: lines.map((l) => ({ applicationId: l.application_id, amount: l.amount })) };
  }

  async numberTaken(m: EntityManager, agencyCode: string, decreeNumber: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM "decrees" WHERE "agency_code" = $1 AND "decree_number" = $2`, [agencyCode, decreeNumber]);
    return rows.length > 0;
  }

  /** A failed recipient's corrected account, on the decree line and in the pool (the next decree of the person starts from it). */
  async correctAccount(
    m: EntityManager,
    lineId: string,
    applicationId: string,
    bankAccount: string,
    bankName: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE "decree_lines" SET "bank_account" = $2, "bank_name" = coalesce($3, "bank_name"), "updated_at" = now() WHERE "id" = $1`,
      [lineId, bankAccount, bankName],
    );
    await m.query(`UPDATE "pool" SET "bank_account" = $2, "bank_name" = coalesce($3, "bank_name") WHERE "application_id" = $1`, [
      applicationId,
      bankAccount,
      bankName,
    ]);
  }

  /** A recipient who can never be paid: NOT_PAID, with the reason. */
  async giveUp(m: EntityManager, lineId: string, reason: string): Promise<void> {
    await m.query(`UPDATE "decree_lines" SET "status" = 'NOT_PAID', "reason" = $2, "updated_at" = now() WHERE "id" = $1`, [lineId, reason]);
  }

  async setScan(m: EntityManager, id: string, scanRef: string, by: string): Promise<void> {
    await m.query(`UPDATE "decrees" SET "scan_ref" = $2, "scan_recorded_by" = $3, "scan_recorded_at" = now() WHERE "id" = $1`, [
      id,
      scanRef,
      by,
    ]);
  }

  async lines(m: EntityManager, decreeId: string, statuses?: DecreeLineStatus[]): Promise<DecreeLineRow[]> {
    return m.query(
      `SELECT "id", "application_id", "ticket_number", "nik", "name", "amount"::text, "bank_account", "bank_name", "status", "sp2d_number", "reason"
         FROM "decree_lines" WHERE "decree_id" = $1 AND ($2::text[] IS NULL OR "status" = ANY($2::text[])) ORDER BY "seq"`,
      [decreeId, statuses ?? null],
    );
  }

  async line(m: EntityManager, decreeId: string, applicationId: string): Promise<DecreeLineRow | null> {
    const rows = await m.query(
      `SELECT "id", "application_id", "ticket_number", "nik", "name", "amount"::text, "bank_account", "bank_name", "status", "sp2d_number", "reason"
         FROM "decree_lines" WHERE "decree_id" = $1 AND "application_id" = $2 FOR UPDATE`,
      [decreeId, applicationId],
    );
    return rows[0] ?? null;
  }

  async summary(m: EntityManager, decreeId: string): Promise<DecreeView['lines']> {
    const rows: Array<{ status: DecreeLineStatus; n: number; amount: string }> = await m.query(
      `SELECT "status", count(*)::int AS n, sum("amount")::text AS amount FROM "decree_lines" WHERE "decree_id" = $1 GROUP BY "status"`,
      [decreeId],
    );
    const out = Object.fromEntries(DECREE_LINE_STATUSES.map((s) => [s, { count: 0, amount: '0' }])) as DecreeView['lines'];
    for (const r of rows) out[r.status] = { count: r.n, amount: r.amount };
    return out;
  }

  async requests(m: EntityManager, decreeId: string): Promise<DecreeView['requests']> {
    const rows: Array<{ id: string; total: string; count: number; parts: number; status: string; created_at: Date; created_by: string }> =
      await m.query(
        `SELECT "id", "total"::text, "count", "parts", "status", "created_at", "created_by" FROM "requests" WHERE "decree_id" = $1 ORDER BY "created_at"`,
        [decreeId],
      );
    return rows.map((r) => ({
      requestId: r.id,
      total: r.total,
      count: r.count,
      parts: r.parts,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by,
    }));
  }
}

export function newId(): string {
  return randomUUID();
}
