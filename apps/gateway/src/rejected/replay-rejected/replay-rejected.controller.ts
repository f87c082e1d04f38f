import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { ReplayRejectedRequest } from './replay-rejected.request.dto.js';
import { ReplayRejectedService, type ReplayResult } from './replay-rejected.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/rejected')
export class ReplayRejectedController {
  constructor(private readonly service: ReplayRejectedService) {}

  @Post(':id/replay')
  @Roles('ADMIN')
  @HttpCode(202)
  @ApiOperation({ summary: 'Publish a rejected message again on its subject, as stored or corrected' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({ description: '{ id, subject, eventId, replayCount }' })
  handle(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReplayRejectedRequest,
    @ClientIp() ip: string,
  ): Promise<ReplayResult> {
    return this.service.replay(actor, id, body?.payload, ip);
  }
}
