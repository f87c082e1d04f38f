import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The installation's operator (role OPERATOR) opens agencies' first administrators; before,
 * any admin could. The first administrator, `admin` (created at bootstrap, CONTRACT.md
 * "Running"), takes the role on an existing installation; a fresh one creates it with it.
 */
export class OperatorRole1765100000000 implements MigrationInterface {
  name = 'OperatorRole1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(
      `UPDATE ${s}."users" SET "roles" = array_append("roles", 'OPERATOR') WHERE "username" = 'admin' AND NOT ('OPERATOR' = ANY("roles"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`UPDATE ${s}."users" SET "roles" = array_remove("roles", 'OPERATOR') WHERE 'OPERATOR' = ANY("roles")`);
  }
}
