import { Module } from '@nestjs/common';
import { AgencyContactController } from './agency-contact/agency-contact.controller.js';
import { AgencyContactService } from './agency-contact/agency-contact.service.js';
import { ListAgenciesController } from './list-agencies/list-agencies.controller.js';

@Module({
  controllers: [ListAgenciesController, AgencyContactController],
  providers: [AgencyContactService],
  exports: [AgencyContactService],
})
export class AgenciesModule {}
