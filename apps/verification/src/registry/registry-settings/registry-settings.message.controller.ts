import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type RegistrySettingsView } from '#contracts';
import { findAgency } from '#domain';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { requireCanChange, requireCovers, requireRole } from '#platform';
import { RegistrySettingsRepository } from './registry-settings.repository.js';

function registryAgency(agencyCode: string): string {
  const agency = findAgency(agencyCode);
  if (!agency || agency.code.includes('.BKS')) {
    throw new VerificationError(VerificationErrorCode.UnknownAgency, `No agency ${agencyCode} keeps a registry`, [
      { path: 'agencyCode', message: `agencyCode ${agencyCode} is not an agency of this installation that keeps a registry` },
    ]);
  }
  return agency.code;
}

/** An agency's registry settings: read by its staff (and its province's), set by its own administrator. */
@Controller()
export class RegistrySettingsMessageController {
  constructor(private readonly settings: RegistrySettingsRepository) {}

  @MessagePattern(Rpc.verification.getRegistrySettings)
  get(@Payload() body: { actor: Actor; agencyCode: string }): Promise<RegistrySettingsView> {
    const agency = registryAgency(body.agencyCode);
    requireCovers(body.actor, agency);
    return this.settings.get(agency);
  }

  @MessagePattern(Rpc.verification.updateRegistrySettings)
  update(
    @Payload() body: { actor: Actor; agencyCode: string; maxDropPercent: number },
  ): Promise<{ before: RegistrySettingsView; after: RegistrySettingsView }> {
    requireRole(body.actor, 'ADMIN');
    const agency = registryAgency(body.agencyCode);
    // the agency's own administrator: a province's does not set its regencies' guard
    requireCanChange(body.actor, agency, 'its registry settings');
    const v = body.maxDropPercent;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100 || Math.round(v * 100) !== v * 100) {
      throw new VerificationError(
        VerificationErrorCode.InvalidRegistrySettings,
        'maxDropPercent must be a number from 0 to 100 (at most 2 decimals)',
        [{ path: 'maxDropPercent', message: 'maxDropPercent must be from 0 to 100' }],
      );
    }
    return this.settings.setMaxDropPercent(agency, v, body.actor.username);
  }
}
