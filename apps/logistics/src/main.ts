import 'reflect-metadata';
import { bootstrapService } from '#platform';
import { LogisticsModule } from './app.module.js';

await bootstrapService(LogisticsModule, { name: 'logistics' });
