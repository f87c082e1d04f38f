import pg from 'pg';

export interface ServiceRole {
  /** service name; its role is `sigap_<name>` */
  name: string;
  schema: string;
  password: string;
}

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`unsafe SQL identifier: ${s}`);
  return `"${s}"`;
};
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function roleName(service: string): string {
  return `sigap_${service}`;
}

/**
 * Creates, idempotently, one login role and one schema per service: the role owns its schema
 * and can reach nothing else (no rights on `public`, none on the other services' schemas).
 * Returns each service's own connection URL.
 */
export async function provisionDatabase(adminUrl: string, roles: ServiceRole[]): Promise<{ urls: Record<string, string> }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const urls: Record<string, string> = {};
  try {
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    // serialize concurrent provisioners (two `npm start` at once, test workers)
    await client.query('SELECT pg_advisory_lock(7291001)');
    await client.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${ident(db)} FROM PUBLIC`);
    for (const r of roles) {
      const role = roleName(r.name);
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${ident(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${literal(r.password)}`,
      );
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db)} TO ${ident(role)}`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(r.schema)} AUTHORIZATION ${ident(role)}`);
      await client.query(`ALTER SCHEMA ${ident(r.schema)} OWNER TO ${ident(role)}`);
      await client.query(`ALTER ROLE ${ident(role)} SET search_path = ${ident(r.schema)}`);
      const u = new URL(adminUrl);
      u.username = role;
      u.password = r.password;
      urls[r.name] = u.toString();
    }
    await client.query('SELECT pg_advisory_unlock(7291001)');
  } finally {
    await client.end();
  }
  return { urls };
}
