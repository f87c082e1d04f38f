import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { ResetPasswordRequest } from './reset-password.request.dto.js';
import { ResetPasswordService } from './reset-password.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class ResetPasswordController {
  constructor(private readonly service: ResetPasswordService) {}

  @Post(':id/reset-password')
  @Roles('ADMIN')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a temporary password; the user must change it at the next login' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiNoContentResponse()
  async handle(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ResetPasswordRequest,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.service.reset(actor, id, body.password, ip);
  }
}
