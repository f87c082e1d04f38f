import { Module } from '@nestjs/common';
import { GetApplicationController } from './get-application/get-application.controller.js';
import { SubmitApplicationController } from './submit-application/submit-application.controller.js';

@Module({ controllers: [SubmitApplicationController, GetApplicationController] })
export class ApplicationsModule {}
