// decorators read design-time metadata: load the polyfill before any decorated class
import 'reflect-metadata';
export * from './nats.service.js';
export * from './envelope.js';
export * from './outbox.service.js';
export * from './event-size.js';
export * from './split-payload.js';
export * from './inbound-limits.js';
export * from './rejection.js';
export * from './jetstream-publisher.js';
export * from './outbox-relay.service.js';
export * from './after-commit.js';
export * from './consume.decorator.js';
export * from './consumer-host.service.js';
export * from './messaging.migration.js';
export * from './provision.js';
export * from './messaging.module.js';
export * from './rpc-client.js';
export * from './publisher-check.js';
