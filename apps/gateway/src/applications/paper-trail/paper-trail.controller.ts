import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CompleteApplicationRequest,
  FilingWarningsRequest,
  Rpc,
  type Actor,
  type ApplicationView,
  type FilingWarningsView,
} from '#contracts';
import { ServiceClient } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { SearchRequest } from '../../common/idempotency/search-request.decorator.js';

/** The front office's paper trail (issue 11): completing a returned file, and the warnings of the filing form. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class PaperTrailController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post('filing-warnings')
  @HttpCode(200)
  @SearchRequest()
  @Roles('FRONT_OFFICE', 'ADMIN')
  @ApiOperation({
    summary:
      'Warnings (not refusals) for a filing in progress: the same person already has an open application of the service ' +
      'at the agency; ' +
      "the NIK was issued outside the agency's area. NIKs in the body, never the URL",
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['agencyCode', 'serviceCode'],
      properties: {
        agencyCode: { type: 'string', example: '33.04' },
        serviceCode: { type: 'string', example: 'SANTUNAN_ANAK' },
        applicantNik: { type: 'string' },
        beneficiaryNik: { type: 'string' },
      },
    },
  })
  @ApiOkResponse({
    description: '{ warnings: [{ code: OPEN_APPLICATION_SAME_SERVICE | NIK_OUTSIDE_AGENCY, path, application?, district? }] }',
  })
  warnings(@CurrentActor() actor: Actor, @Body() body: FilingWarningsRequest): Promise<FilingWarningsView> {
    return this.services.call(Rpc.intake.filingWarnings, { actor, body });
  }

  @Post(':id/completion')
  @Roles('FRONT_OFFICE')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Complete a RETURNED file: the documents brought are added; when nothing checked at intake is missing any more ' +
      'it is REGISTERED (ticket, deadline counted from now), else 400 INTAKE_APPLICATION_STILL_INCOMPLETE naming what is missing. ' +
      '409 if it is not RETURNED',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['documents'],
      properties: {
        documents: { type: 'array', items: { type: 'object', properties: { type: { type: 'string', example: 'KK' } } } },
        note: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'the ApplicationView after the change' })
  async complete(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CompleteApplicationRequest,
    @ClientIp() ip: string,
  ): Promise<ApplicationView> {
    const view = await this.services.call<ApplicationView>(Rpc.intake.completeApplication, { actor, id, body });
    await this.audit.record({
      actor,
      action: 'APPLICATION_COMPLETED',
      targetType: 'APPLICATION',
      targetId: id,
      targetLabel: view.ticketNumber,
      agencyCode: view.agencyCode,
      ip,
      before: { status: 'RETURNED' },
      after: { status: view.status, ticketNumber: view.ticketNumber, documents: body.documents.map((d) => d.type), dueAt: view.dueAt },
    });
    return view;
  }
}
