import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type PublicStatusView } from '#contracts';
import { Public } from '../../common/auth/public.decorator.js';
import { ServiceClient } from '#messaging';
import { ticketParam } from '../../common/http/params.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';
import { AgencyContactService, type PublicAgencyContact } from '../../agencies/agency-contact/agency-contact.service.js';

/** The citizen's status page asks here: status, timeline and deadline of a ticket, with no personal data. */
@ApiTags('public')
@Controller('public/status')
export class PublicStatusController {
  constructor(
    private readonly services: ServiceClient,
    private readonly contacts: AgencyContactService,
  ) {}

  @Get(':ticketNumber')
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({
    summary: 'Status, timeline and deadline of an application by its ticket number (no personal data; 60 lookups a minute per address)',
  })
  @ApiOkResponse({
    description: "PublicStatusView, with `contact`: the agency's address, phone, e-mail and office hours (null until its admin sets them)",
  })
  async get(
    @Param('ticketNumber', ticketParam()) ticketNumber: string,
  ): Promise<PublicStatusView & { contact: PublicAgencyContact | null }> {
    const view = await this.services.call<PublicStatusView>(Rpc.intake.publicStatus, { actor: null, ticketNumber });
    return { ...view, contact: await this.contacts.forPublic(view.agency.code) };
  }
}
