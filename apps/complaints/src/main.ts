import 'reflect-metadata';
import { bootstrapService } from '#platform';
import { ComplaintsModule } from './app.module.js';

await bootstrapService(ComplaintsModule, { name: 'complaints' });
