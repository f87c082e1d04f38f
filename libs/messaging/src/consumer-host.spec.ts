import { describe, expect, it } from '@jest/globals';
import { isTransient } from './consumer-host.service.js';
import { isRefusedForGood } from './outbox-relay.service.js';

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

describe('which refusals of the server are for good', () => {
  it.each([
    ["NATS refused the message on sigap.x: 'payload' max_payload size exceeded (max_payload 1048576 bytes)"],
    ['JetStream refused the message: 400 message size exceeds maximum allowed (err_code 10054)'],
  ])('sets %s aside', (m) => expect(isRefusedForGood(m)).toBe(true));

  it.each([
    ['JetStream refused the message: 400 maximum bytes exceeded (err_code 10077)'],
    ['no PubAck within 10000 ms'],
    ['JetStream did not store the message: 503 No Responders'],
  ])('retries %s', (m) => expect(isRefusedForGood(m)).toBe(false));
});
