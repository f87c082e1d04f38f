import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Causation } from '#messaging';
import { Clock } from '../../config/clock.js';
import { TransitionHandler, type TransitionRequest } from '../transition-application/transition.handler.js';
import { progressTarget, stepReason, stepsTo } from './disbursement-progress.js';
import { DisbursementProgressRepository, type NewFact } from './disbursement-progress.repository.js';

/**
 * Follows disbursement: records what an event says about each application, then moves each
 * application that learnt something to where all its facts put it (disbursement-progress.ts),
 * one lifecycle step at a time, as `system:disbursement`. All in the consumer's transaction,
 * with the inbox row: a crash leaves neither the fact nor the move.
 */
@Injectable()
export class DisbursementProgressService {
  private readonly log = new Logger('disbursement-progress');

  constructor(
    private readonly repo: DisbursementProgressRepository,
    private readonly transitions: TransitionHandler,
    private readonly clock: Clock,
  ) {}

  /** Records the facts (an application of another agency, or unknown, is logged and left) and moves their applications. */
  async follow(manager: EntityManager, facts: NewFact[], causes: Map<string, Causation>, source: string): Promise<void> {
    const learnt = await this.repo.record(manager, facts);
    const known = new Set(learnt);
    const ignored = [...new Set(facts.map((f) => f.applicationId))].filter((id) => !known.has(id));
    if (ignored.length) {
      this.log.log(`${source}: nothing new for ${ignored.length} application(s) (heard before, unknown, or of another agency)`);
    }
    await this.reconcile(manager, learnt, causes, source);
  }

  /**
   * Moves these applications to where their facts put them. Also called when verification's
   * decision arrives: a proposal heard while the application was still in verification takes
   * effect once it is VERIFIED.
   */
  async reconcile(manager: EntityManager, applicationIds: string[], causes: Map<string, Causation>, source: string): Promise<void> {
    if (!applicationIds.length) return;
    const ids = [...new Set(applicationIds)].sort();
    // the same lock order as TransitionHandler: the status read here is the one the steps start from
    const rows: Array<{ id: string; status: string }> = await manager.query(
      `SELECT "id", "status" FROM "intake"."applications" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR UPDATE`,
      [ids],
    );
    const facts = await this.repo.load(manager, ids);
    const requests: TransitionRequest[] = [];
    for (const row of rows) {
      const mine = facts.get(row.id) ?? [];
      const target = progressTarget(mine);
      if (!target) continue;
      for (const step of stepsTo(row.status, target)) {
        const why = stepReason(step, mine, target);
        requests.push({
          applicationId: row.id,
          to: step,
          actor: { kind: 'system', system: 'disbursement' },
          actorName: 'system:disbursement',
          reason: why.reason,
          publicReason: why.publicReason,
          cause: causes.get(row.id),
        });
      }
    }
    const outcomes = await this.transitions.applyMany(manager, requests, this.clock.now());
    this.transitions.logSkipped(source, outcomes);
  }
}
