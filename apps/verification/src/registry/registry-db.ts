import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { VerificationConfig } from '../config/verification.config.js';

/**
 * Plain pg connections of the service's own role, beside TypeORM's pool: COPY streams
 * (pg-copy-streams) and session advisory locks need a connection held for a whole import.
 */
@Injectable()
export class RegistryDb implements OnApplicationShutdown {
  readonly pool: pg.Pool;

  private readonly log = new Logger('registry-db');

  constructor(config: VerificationConfig) {
    this.pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: 4,
      application_name: 'sigap-verification-registry',
      options: '-c search_path=verification',
    });
    // an idle connection cut by a database restart errors on the pool: without a listener
    // that error would end the process; the pool replaces the connection on the next use
    this.pool.on('error', (e) => this.log.warn(`idle registry connection lost: ${e.message}`));
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

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
