import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { ListAuditController } from './list-audit/list-audit.controller.js';
import { RecordCaseDecidedHandler } from './record-case-decided/record-case-decided.handler.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  controllers: [ListAuditController],
  providers: [AuditService, RecordCaseDecidedHandler],
  exports: [AuditService],
})
export class AuditModule {}
