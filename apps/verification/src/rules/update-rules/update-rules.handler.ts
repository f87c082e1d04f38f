import { Injectable } from '@nestjs/common';
import { EligibilitySettingsDto, validatePayload, type Actor, type EligibilityRulesView } from '#contracts';
import { requireRole } from '#platform';
import type { EligibilitySettings } from '../../domain/eligibility.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { RulesRepository, rulesView } from '../rules.repository.js';

/** An admin sets their agency's settings of a service: a new version, in force for assessments from now on. */
@Injectable()
export class UpdateRulesHandler {
  constructor(private readonly rules: RulesRepository) {}

  async execute(actor: Actor, serviceCode: string, settings: unknown): Promise<EligibilityRulesView> {
    requireRole(actor, 'ADMIN');
    const checked = await validatePayload(EligibilitySettingsDto, settings);
    if (!checked.ok) {
      const details = checked.errors.map((e) => ({ path: `settings.${e.path}`.replace(/\.$/, ''), message: e.message }));
      throw new VerificationError(VerificationErrorCode.InvalidRules, 'The eligibility settings are invalid', details);
    }
    if (!(await this.rules.inForce(serviceCode, actor.agencyCode))) {
      throw new VerificationError(
        VerificationErrorCode.RulesNotFound,
        `${serviceCode} has no eligibility rules to set (it is not verified)`,
      );
    }
    return rulesView(await this.rules.addVersion(actor.agencyCode, serviceCode, checked.value as EligibilitySettings, actor.username));
  }
}
