import 'reflect-metadata';
import { bootstrapService } from '#platform';
import { IntakeModule } from './app.module.js';
import { intakeConfig } from './config/intake.config.js';

await bootstrapService(IntakeModule, {
  name: 'intake',
  // intake's own settings are validated at start too: a wrong one stops it with its name
  configure: () => void intakeConfig(),
});
