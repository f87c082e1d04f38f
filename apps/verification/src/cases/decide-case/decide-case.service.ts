import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects } from '#contracts';
import { OutboxService } from '#messaging';
import { decide, type Decision, type StageState } from '../../domain/decision.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository } from '../case.repository.js';

/**
 * Applies the decision (domain/decision.ts) to a case in the caller's transaction: opens the
 * next stage, or decides VERIFIED / REJECTED and tells intake through the outbox, or waits.
 */
@Injectable()
export class DecideCaseService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns the case's status afterwards. `answered` adds what the stage's visit said beyond its row (the public reason). */
  async proceed(m: EntityManager, actor: string, caseId: string, answered?: Partial<StageState> & { taskId: string }): Promise<string> {
    const stages = (await this.cases.stages(m, caseId)).map((s) => (s.taskId === answered?.taskId ? { ...s, ...answered } : s));
    const rules = await this.cases.rules(m, caseId);
    const d = decide({ rules, stages });
    return this.apply(m, actor, caseId, d);
  }

  private async apply(m: EntityManager, actor: string, caseId: string, d: Decision): Promise<string> {
    switch (d.kind) {
      case 'OPEN_STAGE':
        await this.cases.openTask(m, d.taskId);
        return 'IN_FIELD_VERIFICATION';
      case 'WAIT':
        return 'IN_FIELD_VERIFICATION';
      case 'REJECT':
        await this.cases.cancelOpenTasks(m, caseId);
        return this.decided(m, actor, caseId, 'REJECTED', d.reason, d.publicReason.id);
      case 'VERIFY':
        return this.decided(m, actor, caseId, 'VERIFIED', d.reason, null);
    }
  }

  private async decided(
    m: EntityManager,
    actor: string,
    caseId: string,
    outcome: 'VERIFIED' | 'REJECTED',
    reason: string,
    publicReason: string | null,
  ): Promise<string> {
    const c = await this.cases.close(m, caseId, outcome, outcome, reason);
    if (!c) throw new VerificationError(VerificationErrorCode.CaseClosed, `Case ${caseId} is already decided`);
    await this.cases.history(m, caseId, actor, 'DECIDED', { outcome, reason, publicReason });
    await this.outbox.enqueue(m, Subjects.verificationCaseDecided, {
      caseId,
      applicationId: c.application_id,
      agencyCode: c.agency_code,
      outcome,
      reason: reason.slice(0, 2000),
      publicReason: publicReason?.slice(0, 500) ?? null,
      // what disbursement needs to begin (the person it asks of intake's dossier)
      serviceCode: c.service_code,
      targetGroup: c.subject?.targetGroup ?? null,
      ticketNumber: c.ticket_number,
    });
    return outcome;
  }
}
