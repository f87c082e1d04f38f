import { Module } from '@nestjs/common';
import { RegisterApplicationHandler } from './register-application/register-application.handler.js';
import { RegisterApplicationMessageController } from './register-application/register-application.message.controller.js';
import { ApplicationSubmittedConsumer } from './register-application/application-submitted.consumer.js';
import { GetApplicationMessageController } from './get-application/get-application.message.controller.js';
import { CaseOpenedConsumer } from './start-verification/case-opened.consumer.js';

@Module({
  controllers: [RegisterApplicationMessageController, GetApplicationMessageController],
  providers: [RegisterApplicationHandler, ApplicationSubmittedConsumer, CaseOpenedConsumer],
})
export class ApplicationsModule {}
