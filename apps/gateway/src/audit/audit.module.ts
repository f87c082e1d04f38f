import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { ListAuditController } from './list-audit/list-audit.controller.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  controllers: [ListAuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
