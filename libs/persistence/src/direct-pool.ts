import { Logger } from '@nestjs/common';
import pg from 'pg';

export interface DirectPoolOptions {
  /** the service's own role (its DATABASE_URL) */
  url: string | undefined;
  /** the service's schema: the connections' search_path */
  schema: string;
  /** shown in pg_stat_activity, e.g. `sigap-verification-registry` */
  applicationName: string;
  max?: number;
}

/**
 * Plain pg connections of the service's own role, beside TypeORM's pool: COPY streams
 * (pg-copy-streams) and session advisory locks need a connection held for a whole job.
 */
export class DirectPool {
  readonly pool: pg.Pool;
  private readonly log: Logger;

  constructor(opts: DirectPoolOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`not a schema name: ${opts.schema}`);
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.max ?? 4,
      application_name: opts.applicationName,
      options: `-c search_path=${opts.schema}`,
    });
    this.log = new Logger(opts.applicationName);
    // an idle connection cut by a database restart errors on the pool: without a listener
    // that error would end the process; the pool replaces the connection on the next use
    this.pool.on('error', (e) => this.log.warn(`idle connection lost: ${e.message}`));
  }

  /** Runs `fn` in a transaction on a connection of its own; a connection whose transaction failed is closed, not reused. */
  async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn(c);
      await c.query('COMMIT');
      c.release();
      return result;
    } catch (e) {
      c.release(true);
      throw e;
    }
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}
