import 'reflect-metadata';
import { bootstrapService } from '#platform';
import { DisbursementModule } from './app.module.js';

await bootstrapService(DisbursementModule, { name: 'disbursement' });
