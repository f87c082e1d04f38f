import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { AllowsTemporaryPassword } from '../../common/auth/public.decorator.js';
import { ChangePasswordRequest } from './change-password.request.dto.js';
import { ChangePasswordService } from './change-password.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class ChangePasswordController {
  constructor(private readonly service: ChangePasswordService) {}

  @Post('change-password')
  @HttpCode(204)
  @AllowsTemporaryPassword()
  @ApiOperation({ summary: 'Change my password; tokens issued before it stop working, so log in again' })
  @ApiNoContentResponse()
  async handle(@CurrentActor() actor: Actor, @Body() body: ChangePasswordRequest, @ClientIp() ip: string): Promise<void> {
    await this.service.change(actor, body.currentPassword, body.newPassword, ip);
  }
}
