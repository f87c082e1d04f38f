import type { QueryRunner } from 'typeorm';

/** The schema of the DataSource running a migration (each service owns one); refuses a name that is not a plain identifier. */
export function schemaOf(q: QueryRunner): string {
  const s = (q.connection.options as { schema?: string }).schema;
  if (!s || !/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`migration needs a DataSource with a schema, got ${s}`);
  return s;
}
