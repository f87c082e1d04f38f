import { Module } from '@nestjs/common';
import { SystemStatusController } from './system-status/system-status.controller.js';
import { SystemStatusService } from './system-status/system-status.service.js';

@Module({ controllers: [SystemStatusController], providers: [SystemStatusService] })
export class SystemModule {}
