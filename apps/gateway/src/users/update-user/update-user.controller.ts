import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { UserResponse } from '../user.dto.js';
import type { UserView } from '../user.entity.js';
import { UpdateUserRequest } from './update-user.request.dto.js';
import { UpdateUserService } from './update-user.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UpdateUserController {
  constructor(private readonly service: UpdateUserService) {}

  @Patch(':id')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Change an account: display name, agency, roles, disabled' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: UserResponse })
  handle(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateUserRequest,
    @ClientIp() ip: string,
  ): Promise<UserView> {
    return this.service.update(actor, id, body, ip);
  }
}
