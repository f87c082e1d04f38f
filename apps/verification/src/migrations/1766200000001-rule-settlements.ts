import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * A verifier's settlement of a rule that came out NEEDS_REVIEW (issue 10): kept per case and
 * rule, so that a re-assessment (a new registry snapshot) applies it again while the rule still
 * needs review. And a case that intake closed says so in its own status (CLOSED).
 */
export class RuleSettlements1766200000001 implements MigrationInterface {
  name = 'RuleSettlements1766200000001';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."case_rule_settlements" (
        "case_id" uuid NOT NULL REFERENCES "${s}"."cases" ("id") ON DELETE CASCADE,
        "rule" text NOT NULL,
        "outcome" text NOT NULL CHECK ("outcome" IN ('PASSED', 'FAILED')),
        "reason" text NOT NULL,
        "settled_by" text NOT NULL,
        "settled_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_rule_settlements" PRIMARY KEY ("case_id", "rule")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}"."case_rule_settlements"`);
  }
}
