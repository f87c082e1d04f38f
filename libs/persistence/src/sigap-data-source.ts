import { DataSource, type DataSourceOptions, type Migration } from 'typeorm';

/** A stable 64-bit key per schema for `pg_advisory_lock`, so each service's migrations serialize. */
export function advisoryKey(schema: string): string {
  let h = 1469598103934665603n; // FNV-1a 64
  for (const ch of Buffer.from(`sigap-migrations:${schema}`)) {
    h ^= BigInt(ch);
    h = (h * 1099511628211n) & 0xffffffffffffffffn;
  }
  return BigInt.asIntN(64, h).toString();
}

/**
 * A DataSource whose migrations run under a session advisory lock and create their schema
 * first. TypeORM has no migration lock (replicas started together would run a migration
 * twice), and with `schema` set it creates its migrations table inside that schema before
 * the first migration runs, which fails on an empty database (STACK.md, "Gotchas").
 */
export class SigapDataSource extends DataSource {
  constructor(options: DataSourceOptions & { schema: string }) {
    super(options);
  }

  get schemaName(): string {
    return (this.options as { schema: string }).schema;
  }

  override async runMigrations(options?: Parameters<DataSource['runMigrations']>[0]): Promise<Migration[]> {
    const runner = this.createQueryRunner();
    await runner.connect();
    const key = advisoryKey(this.schemaName);
    try {
      await runner.query(`SELECT pg_advisory_lock(${key})`);
      // the provisioner creates the schema for the service's role, which may not create schemas
      // itself (`CREATE SCHEMA IF NOT EXISTS` checks that right even when the schema exists)
      const exists = await runner.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [this.schemaName]);
      if (!exists.length) await runner.query(`CREATE SCHEMA "${this.schemaName}"`);
      return await super.runMigrations({ transaction: 'each', ...options });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${key})`).catch(() => undefined);
      await runner.release();
    }
  }
}
