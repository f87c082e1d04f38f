import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { ServiceClient } from '#messaging';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class GetApplicationController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':id')
  @ApiOperation({ summary: 'An application of an agency the caller covers: its status and history' })
  @ApiOkResponse({ description: 'the application as intake keeps it' })
  handle(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<unknown> {
    return this.services.call<unknown>(Rpc.intake.getApplication, { actor, id });
  }
}
