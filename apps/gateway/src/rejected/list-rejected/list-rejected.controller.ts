import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { fromAnySystem, type Actor } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { RejectedMessageEntity } from '../rejected-message.entity.js';
import { toRejectedView, type RejectedMessageView } from '../rejected-message.view.js';
import { rejectedScope } from '../rejected-scope.js';
import { ListRejectedQuery } from './list-rejected.query.dto.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/rejected')
export class ListRejectedController {
  constructor(@InjectRepository(RejectedMessageEntity) private readonly repo: Repository<RejectedMessageEntity>) {}

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Messages a consumer refused (sigap.rejected), newest first' })
  async list(@CurrentActor() actor: Actor, @Query() q: ListRejectedQuery): Promise<{ items: RejectedMessageView[]; total: number }> {
    const scope = rejectedScope(actor);
    const qb = this.repo.createQueryBuilder('r').where(scope.sql, scope.params);
    if (q.subject) {
      // a contract subject (`sigap.ext.…`) finds what any outside system published on it: Sigap stores those as `sigap.from.<system>.…`
      const stored = q.subject.startsWith('sigap.ext.') ? fromAnySystem(q.subject).replace('*', '%') : null;
      qb.andWhere(stored ? '(r.subject = :subject OR r.subject LIKE :stored)' : 'r.subject = :subject', { subject: q.subject, stored });
    }
    if (q.eventId) qb.andWhere('r.eventId = :eventId', { eventId: q.eventId });
    const [rows, total] = await qb.orderBy('r.rejectedAt', 'DESC').addOrderBy('r.id', 'ASC').take(q.limit).skip(q.offset).getManyAndCount();
    return { items: rows.map(toRejectedView), total };
  }
}
