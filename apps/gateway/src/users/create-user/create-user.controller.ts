import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { UserResponse } from '../user.dto.js';
import type { UserView } from '../user.entity.js';
import { CreateUserRequest } from './create-user.request.dto.js';
import { CreateUserService } from './create-user.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class CreateUserController {
  constructor(private readonly service: CreateUserService) {}

  @Post()
  @Roles('ADMIN', 'OPERATOR')
  @ApiOperation({
    summary: 'Open an account in the admin’s own agency (the user must change the password at first login)',
    description:
      'The installation’s operator (role OPERATOR) also opens the first administrator of another agency, while it has none (409 AGENCY_HAS_ADMIN otherwise).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: UserResponse })
  handle(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest, @ClientIp() ip: string): Promise<UserView> {
    return this.service.create(actor, body, ip);
  }
}
