import { Global, Module } from '@nestjs/common';
import { RateLimitStore } from './rate-limit.store.js';

/** The request-rate counters every replica shares (Postgres). */
@Global()
@Module({ providers: [RateLimitStore], exports: [RateLimitStore] })
export class RateLimitModule {}
