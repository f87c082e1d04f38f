import { describe, expect, it } from '@jest/globals';
import { isTransient } from './consumer-host.service.js';

describe('which failures are the infrastructure’s', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ driverError: { code: '08006' }, message: 'connection failure' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [new Error('Connection terminated unexpectedly')],
    [{ code: '40P01', message: 'deadlock detected' }],
    [new Error('no PubAck within 10000 ms')],
  ])('retries %o without end', (e) => expect(isTransient(e)).toBe(true));

  it.each([
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '22P02', message: 'invalid input syntax for type uuid' }],
    [new TypeError("Cannot read properties of undefined (reading 'nik')")],
  ])('rejects %o after its attempts', (e) => expect(isTransient(e)).toBe(false));
});
