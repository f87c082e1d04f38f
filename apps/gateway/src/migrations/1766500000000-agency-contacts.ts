import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 11: whom a citizen contacts at an agency, as data its administrator keeps. */
export class AgencyContacts1766500000000 implements MigrationInterface {
  name = 'AgencyContacts1766500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`
      CREATE TABLE ${s}."agency_contacts" (
        "agency_code" varchar(20) PRIMARY KEY,
        "address" varchar(500) NOT NULL,
        "phone" varchar(40) NOT NULL,
        "email" varchar(200),
        "office_hours" varchar(300) NOT NULL,
        "updated_by" varchar(64) NOT NULL,
        "updated_at" timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`DROP TABLE ${s}."agency_contacts"`);
  }
}
