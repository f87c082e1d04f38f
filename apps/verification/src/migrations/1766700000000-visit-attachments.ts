import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * A field visit's photos and documents (issue 11): the bytes live in the Object Store bucket
 * `sigap_visit_attachments` (the gateway streams them in and out), never in a table; a row here
 * is the reference, the task it belongs to, who stored it and, once a visit names it, that visit.
 */
export class VisitAttachments1766700000000 implements MigrationInterface {
  name = 'VisitAttachments1766700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."visit_attachments" (
        "id" uuid PRIMARY KEY,
        "task_id" uuid NOT NULL REFERENCES "${s}"."field_tasks" ("id"),
        "visit_id" uuid REFERENCES "${s}"."field_visits" ("id"),
        "object_name" text NOT NULL,
        "file_name" text NOT NULL,
        "content_type" text NOT NULL CHECK ("content_type" IN ('image/jpeg', 'image/png', 'application/pdf')),
        "size" bigint NOT NULL,
        "uploaded_by" text NOT NULL,
        "uploaded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_visit_attachments_object" UNIQUE ("object_name")
      )`);
    await q.query(`CREATE INDEX "IDX_visit_attachments_task" ON "${s}"."visit_attachments" ("task_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}"."visit_attachments"`);
  }
}
