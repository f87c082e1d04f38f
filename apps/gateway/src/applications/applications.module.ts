import { Module } from '@nestjs/common';
import { GetApplicationController } from './get-application/get-application.controller.js';
import { PaperTrailController } from './paper-trail/paper-trail.controller.js';
import { ListApplicationsController } from './list-applications/list-applications.controller.js';
import { SubmitApplicationController } from './submit-application/submit-application.controller.js';
import { TransitionApplicationController } from './transition-application/transition-application.controller.js';

/** `/applications`: filing at the front office, the staff's queue, one application, its transitions, completing a returned file and the filing form's warnings (all answered by intake). */
@Module({
  controllers: [
    SubmitApplicationController,
    ListApplicationsController,
    GetApplicationController,
    TransitionApplicationController,
    PaperTrailController,
  ],
})
export class ApplicationsModule {}
