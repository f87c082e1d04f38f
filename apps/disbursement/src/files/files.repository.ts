import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DecreeLineStatus } from '#contracts';
import { returnedRows } from '../common/validate.js';

/** A decree line with what the documents print and the bank files carry (full NIK: never logged). */
export interface DocumentLineRow {
  seq: number;
  ticket_number: string | null;
  nik: string;
  kk_number: string | null;
  name: string;
  birth_date: string | null;
  sex: string | null;
  address: string | null;
  village_code: string | null;
  phone: string | null;
  amount: string;
  bank_account: string | null;
  bank_account_name: string | null;
  status: DecreeLineStatus;
}

export interface RealisationSqlRow {
  agency_code: string;
  budget_line_id: string;
  budget_line: string;
  source: string;
  programme: string;
  area_code: string;
  month: string;
  committed: string;
  paid: string;
  returned: string;
}

/** The SQL of disbursement's documents: a decree's lines as the files need them, the bank's accounts, the realisation. */
@Injectable()
export class FilesRepository {
  /** The budget line's name (the decree's subject names it). */
  async budgetLineName(m: EntityManager, id: string): Promise<string> {
    const [r] = await m.query(`SELECT "name" FROM "budget_lines" WHERE "id" = $1`, [id]);
    return (r?.name as string) ?? '';
  }

  /** Every line of a decree in its order (`statuses` to keep some only). */
  async lines(m: EntityManager, decreeId: string, statuses?: DecreeLineStatus[]): Promise<DocumentLineRow[]> {
    return m.query(
      `SELECT "seq", "ticket_number", "nik", "kk_number", "name", "birth_date", "sex", "address", "village_code", "phone", "amount"::text,
              "bank_account", "bank_account_name", "status"
         FROM "decree_lines" WHERE "decree_id" = $1 AND ($2::text[] IS NULL OR "status" = ANY($2::text[])) ORDER BY "seq"`,
      [decreeId, statuses ?? null],
    );
  }

  /**
   * Records the bank's accounts on the decree's lines, found by reference (the ticket number).
   * Only a line not yet requested nor paid (PENDING, FAILED) takes an account, and only when it
   * differs from what it has: the same answer imported again changes nothing. Returns how many
   * lines changed, and how many kept their account because it is already requested or paid.
   */
  async recordAccounts(
    m: EntityManager,
    decreeId: string,
    accounts: Array<{ reference: string; accountNumber: string; accountName: string | null }>,
  ): Promise<{ recorded: number; locked: number }> {
    if (!accounts.length) return { recorded: 0, locked: 0 };
    const params = [decreeId, accounts.map((a) => a.reference), accounts.map((a) => a.accountNumber), accounts.map((a) => a.accountName)];
    const changed = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE "decree_lines" l SET "bank_account" = a.acc, "bank_account_name" = coalesce(a.nm, l."bank_account_name"), "updated_at" = now()
           FROM unnest($2::text[], $3::text[], $4::text[]) AS a(ref, acc, nm)
          WHERE l."decree_id" = $1 AND l."ticket_number" = a.ref AND l."status" IN ('PENDING', 'FAILED')
            AND (l."bank_account" IS DISTINCT FROM a.acc OR (a.nm IS NOT NULL AND l."bank_account_name" IS DISTINCT FROM a.nm))
          RETURNING l."id"`,
        params,
      ),
    );
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM "decree_lines" l JOIN unnest($2::text[], $3::text[], $4::text[]) AS a(ref, acc, nm) ON l."ticket_number" = a.ref
        WHERE l."decree_id" = $1 AND l."status" NOT IN ('PENDING', 'FAILED') AND l."bank_account" IS DISTINCT FROM a.acc`,
      params,
    );
    return { recorded: changed.length, locked: n as number };
  }

  async recordImport(
    m: EntityManager,
    i: {
      decreeId: string;
      sha256: string;
      fileName: string;
      rows: number;
      accounts: number;
      recorded: number;
      refused: number;
      errors: number;
      by: string;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO "bank_answer_imports" ("id", "decree_id", "sha256", "file_name", "rows", "accounts", "recorded", "refused", "errors", "imported_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [randomUUID(), i.decreeId, i.sha256, i.fileName, i.rows, i.accounts, i.recorded, i.refused, i.errors, i.by],
    );
  }

  /** Today in Indonesia's western time (the report's "keadaan per"), by the database's clock like every other time of disbursement. */
  async today(m: EntityManager): Promise<string> {
    const [r] = await m.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS d`);
    return r.d as string;
  }

  /**
   * The realisation of a fiscal year for `agencies`: per agency, budget line, programme, village
   * and month of the decree, the amount decreed (committed), paid, and given up (returned).
   */
  async realisation(m: EntityManager, fiscalYear: number, agencies: string[]): Promise<RealisationSqlRow[]> {
    return m.query(
      `SELECT d."agency_code", b."id" AS budget_line_id, b."name" AS budget_line, b."source", d."service_code" AS programme,
              coalesce(l."village_code", '') AS area_code, to_char(d."decree_date", 'YYYY-MM') AS month,
              sum(l."amount")::text AS committed,
              coalesce(sum(l."amount") FILTER (WHERE l."status" = 'PAID'), 0)::text AS paid,
              coalesce(sum(l."amount") FILTER (WHERE l."status" = 'NOT_PAID'), 0)::text AS returned
         FROM "decree_lines" l JOIN "decrees" d ON d."id" = l."decree_id" JOIN "budget_lines" b ON b."id" = d."budget_line_id"
        WHERE d."fiscal_year" = $1 AND d."agency_code" = ANY($2::text[])
        GROUP BY d."agency_code", b."id", b."name", b."source", d."service_code", coalesce(l."village_code", ''), to_char(d."decree_date", 'YYYY-MM')
        ORDER BY d."agency_code", b."name", b."id", d."service_code", 6, 7`,
      [fiscalYear, agencies],
    );
  }
}
