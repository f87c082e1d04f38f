import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Rpc, type ApplicationDossier } from '#contracts';
import { ServiceClient } from '#messaging';
import { BackgroundLoop } from '#platform';
import { VerificationConfig } from '../../config/verification.config.js';
import type { CaseSubject } from '../../domain/eligibility.js';
import { CaseRepository } from '../case.repository.js';
import { AssessCaseHandler, subjectOf } from './assess-case.handler.js';

const BATCH = 200;
/** cases assessed per transaction (each behind a savepoint) */
const PER_TRANSACTION = 50;

/**
 * A case opens with no applicant data (intake's `application.received` carries none): this
 * worker asks intake for the dossiers of new cases, many at a time, and assesses each, so the
 * verifier finds the rules, the evidence and the duplicates ready, and the field tasks open.
 * It runs when a case opens and every few seconds: a case opened while intake did not answer
 * is assessed on a later round, after a restart too (its subject is still empty).
 */
@Injectable()
export class AssessOpenedCasesWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('assess-opened-cases');
  private readonly worker = new BackgroundLoop(this.log, 'assessing new cases', () => this.drain());
  /** cases whose assessment failed in this process: retried after a restart, not in a loop */
  private readonly failed = new Set<string>();

  constructor(
    private readonly cases: CaseRepository,
    private readonly intake: ServiceClient,
    private readonly assessment: AssessCaseHandler,
    private readonly config: VerificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start(this.config.SIGAP_ASSESS_POLL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }

  kick(): void {
    void this.worker.kick();
  }

  private async drain(): Promise<void> {
    while (!this.worker.stopping) {
      const cases = await this.cases.awaitingAssessment(BATCH, [...this.failed]);
      if (!cases.length) return;
      const dossiers = await this.intake.call<ApplicationDossier[]>(
        Rpc.intake.applicationDossiers,
        { actor: null, applicationIds: cases.map((c) => c.application_id) },
        { quiet: true },
      );
      const byApp = new Map(dossiers.map((d) => [d.applicationId, d]));
      const items: Array<{ caseId: string; subject: CaseSubject }> = [];
      for (const c of cases) {
        const d = byApp.get(c.application_id);
        if (d) items.push({ caseId: c.id, subject: subjectOf(d) });
        else {
          this.failed.add(c.id);
          this.log.warn(`intake knows no application ${c.application_id} of case ${c.id}: not assessed`);
        }
      }
      for (let k = 0; k < items.length && !this.worker.stopping; k += PER_TRANSACTION) {
        for (const f of await this.assessment.assessMany('system:verification', items.slice(k, k + PER_TRANSACTION))) {
          // a deadlock with another replica's batch is tried again on the next round; anything else waits for a restart
          if ((f.error as { code?: string }).code !== '40P01') this.failed.add(f.caseId);
          this.log.error({ err: f.error }, `assessing case ${f.caseId} failed`);
        }
      }
    }
  }
}
