import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '#contracts';
import { visibleAgencies } from '#domain';
import { requireCovers } from '#platform';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { toUserView, UserEntity, type UserView } from '../user.entity.js';
import { ListUsersQuery } from './list-users.query.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class ListUsersController {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Accounts of the agencies the admin sees (a province: its regencies too)' })
  async list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery): Promise<{ items: UserView[]; total: number }> {
    if (query.agencyCode) requireCovers(actor, query.agencyCode);
    const agencies = query.agencyCode ? [query.agencyCode] : visibleAgencies(actor);
    const qb = this.users.createQueryBuilder('u').where('u.agencyCode IN (:...agencies)', { agencies });
    if (query.q) {
      qb.andWhere('(u.username ILIKE :q OR u.displayName ILIKE :q)', { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    const [rows, total] = await qb.orderBy('u.username', 'ASC').take(query.limit).skip(query.offset).getManyAndCount();
    return { items: rows.map(toUserView), total };
  }
}
