import 'reflect-metadata';
import { bootstrapService } from '#platform';
import { VerificationModule } from './app.module.js';

await bootstrapService(VerificationModule, { name: 'verification' });
