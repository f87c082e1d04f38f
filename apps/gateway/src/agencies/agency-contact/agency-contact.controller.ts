import { Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { findAgency } from '#domain';
import { DomainError, requireCanChange, requireCovers } from '#platform';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { AgencyContactRequest } from './agency-contact.request.dto.js';
import { AgencyContactService, type AgencyContactView } from './agency-contact.service.js';

function agencyParam(value: string): string {
  if (!findAgency(value)) {
    throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode is not an agency of this installation' }]);
  }
  return value;
}

/**
 * An agency's contact data (address, phone, e-mail, office hours): read by its staff (a province's
 * too), set by its own administrator (audited); the public status page shows it to the citizen.
 */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies/:agencyCode/contact')
export class AgencyContactController {
  constructor(private readonly contacts: AgencyContactService) {}

  @Get()
  @ApiOperation({ summary: 'The agency’s contact data; 404 while its administrator has not set it' })
  @ApiOkResponse({ description: '{ agencyCode, address, phone, email, officeHours, updatedBy, updatedAt }' })
  async get(@CurrentActor() actor: Actor, @Param('agencyCode') code: string): Promise<AgencyContactView> {
    requireCovers(actor, agencyParam(code));
    const c = await this.contacts.get(code);
    if (!c) throw new NotFoundException(`Agency ${code} has no contact data yet`);
    return c;
  }

  @Put()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Set the agency’s contact data, shown on the public status page (its own administrator; audited)' })
  @ApiOkResponse({ description: '{ agencyCode, address, phone, email, officeHours, updatedBy, updatedAt }' })
  set(
    @CurrentActor() actor: Actor,
    @Param('agencyCode') code: string,
    @Body() body: AgencyContactRequest,
    @ClientIp() ip: string,
  ): Promise<AgencyContactView> {
    requireCanChange(actor, agencyParam(code), "this agency's contact data");
    return this.contacts.set(actor, code, body, ip);
  }
}
