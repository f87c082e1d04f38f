// decorators read design-time metadata: load the polyfill before any decorated class
import 'reflect-metadata';
export * from './subjects.js';
export * from './topology.js';
export * from './envelope.js';
export * from './validation.js';
export * from './rpc.js';
export * from './events/application-submitted.event.js';
export * from './events/application-received.event.js';
export * from './events/verification-case-opened.event.js';
export * from './events/external.events.js';
export * from './asyncapi.js';
export * from './events/verification-case-decided.event.js';
export * from './events/application-overdue.event.js';
export * from './intake/standard-definition.js';
export * from './intake/requests.js';
export * from './intake/views.js';
export * from './verification/registry.js';
export * from './verification/cases.js';
