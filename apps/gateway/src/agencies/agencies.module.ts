import { Module } from '@nestjs/common';
import { ListAgenciesController } from './list-agencies/list-agencies.controller.js';

@Module({ controllers: [ListAgenciesController] })
export class AgenciesModule {}
