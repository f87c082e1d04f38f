import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { BackgroundLoop } from '#platform';
import { registryAgencies } from '../../domain/agencies.js';
import { RegistryRepository } from '../../registry/registry.repository.js';
import { SnapshotEvents } from '../../registry/snapshot-events.js';
import { CaseRepository } from '../case.repository.js';
import { AssessCaseHandler } from './assess-case.handler.js';

/**
 * Re-checks every open case that was assessed against other registry snapshots than the ones
 * now current for its agency (a new national programme is flagged). Each case remembers the
 * snapshots it was checked against, so this finds what a snapshot made stale wherever and
 * whenever it landed: at once on the replica that imported it, on the others' next start.
 */
@Injectable()
export class RecheckCasesWorker implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('case-assessment');
  private readonly rechecks = new BackgroundLoop(this.log, 're-checking open cases against the registry', () => this.recheckStaleNow());

  constructor(
    private readonly cases: CaseRepository,
    private readonly registry: RegistryRepository,
    private readonly snapshots: SnapshotEvents,
    private readonly assessment: AssessCaseHandler,
  ) {}

  onModuleInit(): void {
    this.snapshots.on(async () => this.recheckStale());
  }

  onApplicationBootstrap(): void {
    // snapshots that became current while this process was down, or on another replica
    this.rechecks.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.rechecks.stop();
  }

  recheckStale(): Promise<void> {
    return this.rechecks.kick();
  }

  private async recheckStaleNow(): Promise<void> {
    const currentOf = await this.registry.allCurrent();
    let n = 0;
    for (const c of await this.cases.assessedOpenCases()) {
      if (this.rechecks.stopping) return;
      // in the order the assessment keeps them: the regency's own before the province's
      const now = registryAgencies(c.agency_code)
        .map((a) => currentOf.get(a))
        .filter((id): id is string => !!id);
      const was = c.registry_snapshot_ids ?? [];
      if (now.length === was.length && now.every((id, i) => id === was[i])) continue;
      const fresh = now.find((id) => !was.includes(id)) ?? now[0] ?? 'none';
      try {
        await this.assessment.assess(`system:registry-snapshot:${fresh}`, c.id);
        n++;
      } catch (e) {
        this.log.warn(`re-checking case ${c.id} against snapshot ${fresh} failed: ${(e as Error).message}`);
      }
    }
    if (n) this.log.log(`re-checked ${n} open cases against the current registry snapshots`);
  }
}
