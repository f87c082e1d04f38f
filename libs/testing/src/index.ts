export * from './system.js';
export * from './eventually.js';
