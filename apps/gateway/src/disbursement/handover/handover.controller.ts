import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordHandoverRequest, Rpc, type Actor, type HandoverListView, type HandoverView } from '#contracts';
import { ServiceClient } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { DISTRIBUTION_READERS, DISTRIBUTION_ROLES } from '../schedule/schedule.controller.js';

/**
 * The handover (BAST, berita acara serah terima) of a decree's paid recipients: recorded once per
 * recipient by the officer (from the token), then intake moves the application to HANDED_OVER.
 */
@ApiTags('disbursement')
@ApiBearerAuth()
@Controller('disbursement/decrees')
export class HandoverController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/recipients/:applicationId/handover')
  @Roles(...DISTRIBUTION_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Record the handover (BAST) of a PAID recipient: when, where, who received it (the recipient or a named representative), the references of the signature and the photo; the officer is the caller. Once: the same body again answers the first BAST, another body is 409 DISBURSEMENT_ALREADY_HANDED_OVER; a recipient not PAID is 409 DISBURSEMENT_RECIPIENT_WRONG_STATUS naming its status',
  })
  @ApiCreatedResponse({ description: 'HandoverView with its BAST number' })
  async record(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() body: RecordHandoverRequest,
    @ClientIp() ip: string,
  ): Promise<HandoverView> {
    const { handover, created } = await this.services.call<{ handover: HandoverView; created: boolean }>(Rpc.disbursement.recordHandover, {
      actor,
      id,
      applicationId,
      body,
    });
    // the same body again changed nothing: one entry per handover
    if (created) {
      await this.audit.record({
        actor,
        action: 'RECIPIENT_HANDED_OVER',
        targetType: 'DECREE',
        targetId: id,
        targetLabel: `${handover.decreeNumber} / ${applicationId}`,
        agencyCode: handover.agencyCode,
        ip,
        after: {
          bastNumber: handover.bastNumber,
          applicationId,
          handedOverAt: handover.handedOverAt,
          place: handover.place,
          receivedBy: handover.receivedBy,
          representative: handover.representative,
          signatureRef: handover.signatureRef,
          photoRef: handover.photoRef,
        },
      });
    }
    return handover;
  }

  @Get(':id/handovers')
  @Roles(...DISTRIBUTION_READERS)
  @ApiOperation({
    summary: 'The decree’s handovers (the BAST list), in the order they happened, and how many paid recipients still await theirs',
  })
  @ApiOkResponse({ description: '{ decreeId, decreeNumber, agencyCode, awaiting, items: HandoverView[] }' })
  list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<HandoverListView> {
    return this.services.call(Rpc.disbursement.listHandovers, { actor, id });
  }
}
