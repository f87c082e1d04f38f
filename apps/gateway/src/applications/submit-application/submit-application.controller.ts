import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FrontOfficeFiling, Rpc, type Actor } from '#contracts';
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
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'the same key and body answer the first answer, filing once. The key travels to intake and is kept with the application ' +
      '(unique per agency): a retry after a 503 or a lost connection answers the first application, never a second one; ' +
      'the same key with another body is refused (422 INTAKE_IDEMPOTENCY_KEY_REUSED, or IDEMPOTENCY_KEY_REUSED from the gateway).',
  })
  @ApiBody({
    description:
      'the body of sigap.ext.application.submitted.v1 without eventId (CONTRACT.md). `source`: the system the application was filed in, ' +
      "kept as the application's source. `occurredAt` (ISO-8601 with offset, optional): when the applicant filed. An earlier time than " +
      'receipt is kept as the filing time (`filedAt`; the deadline still counts from receipt, `receivedAt`); a time up to 5 minutes ' +
      'after receipt (a clock a little ahead) counts as receipt; later than that is refused (400 naming occurredAt).',
    schema: { type: 'object' },
  })
  @ApiCreatedResponse({ description: '{ applicationId, ticketNumber, status, missingRequirements, dueAt }' })
  async handle(
    @CurrentActor() actor: Actor,
    @Body() submission: FrontOfficeFiling,
    @ClientIp() ip: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ApplicationRegistered> {
    // intake checks the scope too; refusing here spares it a request that cannot succeed
    requireCanChange(actor, submission.agencyCode);
    const r = await this.services.call<ApplicationRegistered>(Rpc.intake.registerApplication, { actor, submission, idempotencyKey });
    await this.audit.record({
      actor,
      action: 'APPLICATION_FILED',
      targetType: 'APPLICATION',
      targetId: r.applicationId,
      targetLabel: r.ticketNumber,
      agencyCode: submission.agencyCode,
      ip,
      after: { serviceCode: submission.serviceCode, status: r.status, missingRequirements: r.missingRequirements },
    });
    return r;
  }
}
