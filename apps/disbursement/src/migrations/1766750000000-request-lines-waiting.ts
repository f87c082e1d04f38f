import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * The lines of a request still waiting for the finance office, indexed by request: a settlement
 * asks whether one still waits (SETTLED or PARTLY_SETTLED) without reading the request's other
 * lines, and the index shrinks as the request is settled.
 */
export class RequestLinesWaiting1766750000000 implements MigrationInterface {
  name = 'RequestLinesWaiting1766750000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE INDEX "IDX_request_lines_waiting" ON "${s}"."request_lines" ("request_id") WHERE "status" = 'REQUESTED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${schemaOf(q)}"."IDX_request_lines_waiting"`);
  }
}
