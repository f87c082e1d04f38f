import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, RegistrySettingsUpdate, type Actor, type RegistrySettingsView } from '#contracts';
import { ServiceClient } from '#messaging';
import { DomainError } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';

function agencyParam(value: string): string {
  if (!/^\d{2}(\.\d{2})?$/.test(value))
    throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode must be an agency code like 33.04' }]);
  return value;
}

/**
 * An agency's registry settings: `maxDropPercent`, the share by which an import's accepted rows
 * may fall from the current snapshot before the import waits for a verifier's confirmation
 * (default 20). Read by the agency's staff, set by its administrator, every change audited.
 */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry/settings/:agencyCode')
export class RegistrySettingsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'An agency’s registry settings: maxDropPercent (the drop guard of imports), whether it is the default' })
  @ApiOkResponse({ description: '{ agencyCode, maxDropPercent, isDefault, updatedBy, updatedAt }' })
  get(@CurrentActor() actor: Actor, @Param('agencyCode') agencyCode: string): Promise<RegistrySettingsView> {
    return this.services.call(Rpc.verification.getRegistrySettings, { actor, agencyCode: agencyParam(agencyCode) });
  }

  @Put()
  @Roles('ADMIN')
  @ApiOperation({
    summary:
      'Set the agency’s drop guard: an import whose accepted rows fall by more than maxDropPercent (0–100) from the current snapshot waits for confirmation. The agency’s own administrator',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['maxDropPercent'],
      properties: { maxDropPercent: { type: 'number', minimum: 0, maximum: 100, example: 20 } },
    },
  })
  @ApiOkResponse({ description: '{ agencyCode, maxDropPercent, isDefault: false, updatedBy, updatedAt }' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('agencyCode') agencyCode: string,
    @Body() body: RegistrySettingsUpdate,
    @ClientIp() ip: string,
  ): Promise<RegistrySettingsView> {
    const { before, after } = await this.services.call<{ before: RegistrySettingsView; after: RegistrySettingsView }>(
      Rpc.verification.updateRegistrySettings,
      {
        actor,
        agencyCode: agencyParam(agencyCode),
        maxDropPercent: body.maxDropPercent,
      },
    );
    await this.audit.record({
      actor,
      action: 'REGISTRY_SETTINGS_UPDATED',
      targetType: 'REGISTRY_SETTINGS',
      targetId: after.agencyCode,
      agencyCode: after.agencyCode,
      ip,
      before: { maxDropPercent: before.maxDropPercent, isDefault: before.isDefault },
      after: { maxDropPercent: after.maxDropPercent },
    });
    return after;
  }
}
