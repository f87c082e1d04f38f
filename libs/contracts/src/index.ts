// decorators read design-time metadata: load the polyfill before any decorated class
import 'reflect-metadata';
export * from './subjects.js';
export * from './topology.js';
export * from './envelope.js';
export * from './validation.js';
export * from './rpc.js';
export * from './event-map.js';
export * from './events/index.js';
export * from './asyncapi.js';
export * from './intake/standard-definition.js';
export * from './intake/benefit.js';
export * from './intake/requests.js';
export * from './intake/views.js';
export * from './intake/paper-trail.js';
export * from './verification/registry.js';
export * from './verification/cases.js';
export * from './outside-systems.js';
export * from './disbursement/disbursement.js';
