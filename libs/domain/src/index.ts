export * from './nik.js';
export * from './roles.js';
export * from './agencies.js';
export * from './calendar/calendar.js';
export { localDateIn } from './calendar/local-date.js';
export * from './area/area-codes.js';
export * from './money/rupiah.js';
export * from './scope/actor-scope.js';
