export * from './nik.js';
export * from './roles.js';
export * from './agencies.js';
