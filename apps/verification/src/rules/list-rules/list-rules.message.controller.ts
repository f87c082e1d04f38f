import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type EligibilityRulesView } from '#contracts';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { RulesRepository, rulesView } from '../rules.repository.js';

/** The eligibility settings in force for the caller's agency, and every version of them. */
@Controller()
export class ListRulesMessageController {
  constructor(private readonly rules: RulesRepository) {}

  /** Per service standard, the settings the caller's agency's next assessment applies, and whose they are. */
  @MessagePattern(Rpc.verification.listRules)
  async list(@Payload() b: { actor: Actor }): Promise<{ items: EligibilityRulesView[] }> {
    const items: EligibilityRulesView[] = [];
    for (const code of await this.rules.servicesOf(b.actor.agencyCode)) {
      const r = await this.rules.inForce(code, b.actor.agencyCode);
      if (r) items.push(rulesView(r));
    }
    return { items };
  }

  /** Every version of a service's settings that bears on the caller's agency (its own, its province's, the defaults), newest first. */
  @MessagePattern(Rpc.verification.listRuleVersions)
  async versions(@Payload() b: { actor: Actor; serviceCode: string }): Promise<{ items: EligibilityRulesView[] }> {
    const rows = await this.rules.versions(b.serviceCode, b.actor.agencyCode);
    if (!rows.length) throw new VerificationError(VerificationErrorCode.RulesNotFound, `No eligibility settings for ${b.serviceCode}`);
    return { items: rows.map(rulesView) };
  }
}
