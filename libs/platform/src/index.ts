// decorators read design-time metadata: load the polyfill before any decorated class
import 'reflect-metadata';
export * from './config.js';
export * from './masking.js';
export * from './logging.js';
export * from './errors.js';
export * from './scope.js';
export * from './metrics.js';
export * from './health.js';
export * from './platform.module.js';
export * from './rpc-reply.interceptor.js';
export * from './bootstrap.js';
export * from './background-loop.js';
export * from './uuid.js';
