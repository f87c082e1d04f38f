export * from './system.js';
export * from './eventually.js';
export * from './clients.js';
