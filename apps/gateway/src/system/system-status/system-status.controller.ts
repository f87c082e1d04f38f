import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { SystemStatusService } from './system-status.service.js';

@ApiTags('system')
@ApiBearerAuth()
@Controller('system')
export class SystemStatusController {
  constructor(private readonly status: SystemStatusService) {}

  @Get('status')
  @ApiOperation({ summary: 'Health of every service (a service that does not answer within 2 s shows as unhealthy)' })
  get(@CurrentActor() actor: Actor) {
    return this.status.status(actor);
  }
}
