import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '#contracts';
import { findAgency } from '#domain';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { UserEntity } from '../../users/user.entity.js';
import { SessionUser } from '../login/login.request.dto.js';
import { sessionUser } from '../login/login.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class MeController {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  @Get('me')
  @ApiOkResponse({ type: SessionUser, description: 'the logged-in user, with the name of their agency' })
  async me(@CurrentActor() actor: Actor): Promise<SessionUser & { agencyName: string | null }> {
    const user = await this.users.findOneByOrFail({ id: actor.userId });
    return { ...sessionUser(user), agencyName: findAgency(user.agencyCode)?.name ?? null };
  }
}
