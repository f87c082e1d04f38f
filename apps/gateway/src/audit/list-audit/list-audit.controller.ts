import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { AuditService, type AuditView } from '../audit.service.js';
import { ListAuditQuery } from './list-audit.query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ListAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'The audit trail of accounts and logins of the agencies the admin covers, newest first' })
  list(@CurrentActor() actor: Actor, @Query() q: ListAuditQuery): Promise<{ items: AuditView[]; total: number }> {
    return this.audit.list(actor, q);
  }
}
