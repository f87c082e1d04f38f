import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DirectPool } from '#persistence';

/** Verification's plain pg connections for registry imports (COPY, advisory locks): #persistence's DirectPool. */
@Injectable()
export class RegistryDb extends DirectPool implements OnApplicationShutdown {
  constructor() {
    super({ url: process.env.DATABASE_URL, schema: 'verification', applicationName: 'sigap-verification-registry', max: 4 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.end();
  }
}
