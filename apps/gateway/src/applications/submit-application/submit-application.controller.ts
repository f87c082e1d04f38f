import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationSubmission, Rpc, type Actor } from '#contracts';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ServiceClient } from '#messaging';
import { requireCanChange } from '#platform';

/** What intake answers when it registers or returns an application (CONTRACT.md). */
export interface ApplicationRegistered {
  applicationId: string;
  ticketNumber: string | null;
  status: string;
  missingRequirements: string[];
  dueAt: string | null;
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class SubmitApplicationController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('FRONT_OFFICE', 'ADMIN')
  @ApiOperation({ summary: 'File an application at the front office: registered with a ticket, or returned with what is missing' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body answer the first answer, filing once' })
  @ApiBody({ description: 'the body of sigap.ext.application.submitted.v1 without eventId and occurredAt', schema: { type: 'object' } })
  @ApiCreatedResponse({ description: '{ applicationId, ticketNumber, status, missingRequirements, dueAt }' })
  async handle(@CurrentActor() actor: Actor, @Body() submission: ApplicationSubmission, @ClientIp() ip: string): Promise<ApplicationRegistered> {
    // intake checks the scope too; refusing here spares it a request that cannot succeed
    requireCanChange(actor, submission.agencyCode);
    const r = await this.services.call<ApplicationRegistered>(Rpc.intake.registerApplication, { actor, submission });
    await this.audit.record({
      actor, action: 'APPLICATION_FILED', targetType: 'APPLICATION', targetId: r.applicationId, targetLabel: r.ticketNumber, agencyCode: submission.agencyCode, ip,
      after: { serviceCode: submission.serviceCode, status: r.status, missingRequirements: r.missingRequirements },
    });
    return r;
  }
}
