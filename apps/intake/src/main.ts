import 'reflect-metadata';
import { bootstrapService } from '#platform';
import { IntakeModule } from './app.module.js';

await bootstrapService(IntakeModule, { name: 'intake' });
