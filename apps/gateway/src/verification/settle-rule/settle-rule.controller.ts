import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, SettleRuleRequest, type Actor, type CaseView } from '#contracts';
import { DomainError } from '#platform';
import { ServiceClient } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';

const RULE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * A verifier settles a rule of a case that came out NEEDS_REVIEW (a case with no field stage
 * could otherwise never be decided): PASSED or FAILED, with a reason. Verification keeps it,
 * says so on its stream and lets the case proceed to its decision; the audit trail keeps who.
 */
@ApiTags('verification')
@ApiBearerAuth()
@Controller('verification/cases/:caseId/rules/:rule/settlement')
export class SettleRuleController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('VERIFIER', 'HEAD')
  @ApiOperation({ summary: 'Settle a rule that needs review (PASSED or FAILED, with a reason); the case then proceeds to its decision' })
  @ApiOkResponse({
    description: 'the case afterwards (CaseView): the rule with its settlement, the status (decided when nothing else was pending)',
  })
  @ApiConflictResponse({ description: 'VERIFICATION_RULE_NOT_IN_REVIEW, or VERIFICATION_CASE_CLOSED' })
  async settle(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('rule') rule: string,
    @Body() body: SettleRuleRequest,
    @ClientIp() ip: string,
  ): Promise<CaseView> {
    if (!RULE.test(rule)) throw DomainError.validation([{ path: 'rule', message: 'rule must be a rule code like REGISTRY_OR_PMKS' }]);
    const view = await this.services.call<CaseView>(Rpc.verification.settleRule, { actor, caseId, rule, settlement: body });
    await this.audit.record({
      actor,
      action: 'VERIFICATION_RULE_SETTLED',
      targetType: 'VERIFICATION_CASE',
      targetId: caseId,
      targetLabel: view.ticketNumber,
      agencyCode: view.agencyCode,
      ip,
      before: { rule, outcome: 'NEEDS_REVIEW' },
      after: { rule, outcome: body.outcome, reason: body.reason, caseStatus: view.status },
    });
    return view;
  }
}
