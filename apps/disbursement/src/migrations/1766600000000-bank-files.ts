import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * What the bank's files need (issue 12): the recipient's family card, birth date and sex for the
 * collective account-opening list, kept in the pool from intake's dossier and copied into the
 * decree's lines as the decree was signed; the account holder's name the bank answered with (the
 * payment file's NAMA_REKENING); and each import of the bank's answer, by the file's SHA-256, so
 * the trail names who imported which file and what it changed.
 */
export class BankFiles1766600000000 implements MigrationInterface {
  name = 'BankFiles1766600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of ['pool', 'decree_lines']) {
      await q.query(`ALTER TABLE "${s}"."${t}" ADD COLUMN "kk_number" text, ADD COLUMN "birth_date" text, ADD COLUMN "sex" text`);
    }
    await q.query(`ALTER TABLE "${s}"."decree_lines" ADD COLUMN "phone" text, ADD COLUMN "bank_account_name" text`);
    await q.query(`
      CREATE TABLE "${s}"."bank_answer_imports" (
        "id" uuid PRIMARY KEY,
        "decree_id" uuid NOT NULL REFERENCES "${s}"."decrees" ("id"),
        "sha256" text NOT NULL,
        "file_name" text NOT NULL,
        "rows" integer NOT NULL,
        "accounts" integer NOT NULL,
        "recorded" integer NOT NULL,
        "refused" integer NOT NULL,
        "errors" integer NOT NULL,
        "imported_by" text NOT NULL,
        "imported_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_bank_answer_imports_decree" ON "${s}"."bank_answer_imports" ("decree_id", "imported_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}"."bank_answer_imports"`);
    await q.query(`ALTER TABLE "${s}"."decree_lines" DROP COLUMN "phone", DROP COLUMN "bank_account_name"`);
    for (const t of ['pool', 'decree_lines']) {
      await q.query(`ALTER TABLE "${s}"."${t}" DROP COLUMN "kk_number", DROP COLUMN "birth_date", DROP COLUMN "sex"`);
    }
  }
}
