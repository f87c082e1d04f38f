import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Rpc, type ApplicationDossier } from '#contracts';
import { ServiceClient } from '#messaging';
import { BackgroundLoop } from '#platform';
import { disbursementConfig } from '../config/disbursement.config.js';
import { PoolRepository } from './pool.repository.js';

const BATCH = 500;

/**
 * Asks intake for the dossiers of newly verified applications, many at a time (the request only
 * services granted it may send: full NIKs never go on a stream), and keeps the recipient's data
 * for the decree, the bank file and the finance office's request. It runs when a decision
 * arrives and on a timer, so an application verified while intake did not answer is filled later.
 */
@Injectable()
export class DossierFetcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('dossier-fetcher');
  private readonly worker = new BackgroundLoop(this.log, 'fetching dossiers', () => this.drain());
  private readonly missing = new Set<string>();

  constructor(
    private readonly ds: DataSource,
    private readonly intake: ServiceClient,
    private readonly pool: PoolRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start(disbursementConfig().DISBURSEMENT_DOSSIER_POLL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }

  kick(): void {
    void this.worker.kick();
  }

  private async drain(): Promise<void> {
    while (!this.worker.stopping) {
      const ids = await this.pool.awaitingDossier(this.ds.manager, BATCH, [...this.missing]);
      if (!ids.length) return;
      const dossiers = await this.intake.call<ApplicationDossier[]>(
        Rpc.intake.applicationDossiers,
        { actor: null, applicationIds: ids },
        { quiet: true, timeoutMs: 15000 },
      );
      const found = new Set(dossiers.map((d) => d.applicationId));
      const unknown = ids.filter((id) => !found.has(id));
      await this.ds.transaction(async (m) => {
        await this.pool.fill(
          m,
          dossiers.filter((d) => ids.includes(d.applicationId)),
        );
        // intake knows no such application: kept out of the pool's proposals, named in the log
        await this.pool.markDossierMissing(m, unknown);
      });
      for (const id of unknown) this.log.warn(`intake knows no application ${id}: it stays out of proposals`);
      unknown.forEach((id) => this.missing.add(id));
    }
  }
}
