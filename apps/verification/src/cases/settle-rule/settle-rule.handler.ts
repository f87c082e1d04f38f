import { Injectable } from '@nestjs/common';
import { Subjects, type Actor, type SettleRuleRequest } from '#contracts';
import { covers } from '#domain';
import { OutboxService } from '#messaging';
import { requireCanChange, requireRole } from '#platform';
import { OPEN_STATUSES } from '../../domain/duplicates.js';
import { settledMessage } from '../../domain/settlement.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository } from '../case.repository.js';
import { DecideCaseService } from '../decide-case/decide-case.service.js';

/**
 * A verifier settles a rule that came out NEEDS_REVIEW, PASSED or FAILED, with a reason: kept on
 * the case (a re-assessment applies it again while the rule still needs review), in its history,
 * and told on `sigap.verification.case.rule-settled.v1`; then the case proceeds to its decision
 * (domain/decision.ts), all in one transaction.
 */
@Injectable()
export class SettleRuleHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly decision: DecideCaseService,
    private readonly outbox: OutboxService,
  ) {}

  async execute(actor: Actor, caseId: string, rule: string, req: SettleRuleRequest): Promise<{ caseStatus: string }> {
    requireRole(actor, 'VERIFIER', 'HEAD');
    return this.cases.ds.transaction(async (m) => {
      const c = await this.cases.find(m, { caseId }, { forUpdate: true });
      if (!c || !covers(actor, c.agency_code))
        throw new VerificationError(VerificationErrorCode.CaseNotFound, `No verification case ${caseId}`);
      requireCanChange(actor, c.agency_code, 'this case');
      if (!OPEN_STATUSES.includes(c.status)) {
        throw new VerificationError(VerificationErrorCode.CaseClosed, `Case ${caseId} is ${c.status}: its rules are no longer settled`);
      }
      const r = (await this.cases.rules(m, c.id)).find((x) => x.rule === rule);
      if (!r || r.outcome !== 'NEEDS_REVIEW') {
        throw new VerificationError(
          VerificationErrorCode.RuleNotInReview,
          r ? `Rule ${rule} is ${r.outcome}: only a rule that needs review is settled` : `Case ${caseId} has no rule ${rule}`,
          [{ path: 'rule', message: r ? `${rule} does not need review` : `${rule} is not a rule of this case` }],
        );
      }
      const settlement = { rule, outcome: req.outcome, reason: req.reason.trim(), settledBy: actor.username };
      await this.cases.settle(m, c.id, settlement, settledMessage(r.message, settlement));
      await this.cases.history(m, c.id, actor.username, 'RULE_SETTLED', {
        rule,
        from: 'NEEDS_REVIEW',
        to: req.outcome,
        reason: settlement.reason,
      });
      const caseStatus = await this.decision.proceed(m, actor.username, c.id);
      await this.outbox.enqueue(m, Subjects.verificationCaseRuleSettled, {
        caseId: c.id,
        applicationId: c.application_id,
        agencyCode: c.agency_code,
        rule,
        outcome: req.outcome,
        caseStatus,
      });
      return { caseStatus };
    });
  }
}
