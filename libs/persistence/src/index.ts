// decorators read design-time metadata: load the polyfill before any decorated class
import 'reflect-metadata';
export * from './sigap-data-source.js';
export * from './data-source-options.js';
export * from './transformers.js';
export * from './provision.js';
export * from './schema-of.js';
export * from './direct-pool.js';
export * from './database.module.js';
