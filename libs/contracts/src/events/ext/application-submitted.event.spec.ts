import { describe, expect, it } from '@jest/globals';
import { asyncApiDocument } from '../../asyncapi.js';
import { validatePayload } from '../../validation.js';
import { ApplicationSubmission, ApplicationSubmittedEvent } from './application-submitted.event.js';

const filing = () => ({
  agencyCode: '33.04',
  serviceCode: 'SANTUNAN_ANAK',
  channel: 'SLRT',
  applicant: {
    nik: '3304011201900001',
    name: 'Siti Aminah',
    birthDate: '1990-01-12',
    sex: 'F',
    kkNumber: '3304010101900001',
    address: 'Jl. Merdeka 1',
    villageCode: '33.04.01.2001',
  },
  documents: [{ type: 'KTP' }],
});
const envelope = { eventId: '0b7f8a4e-5d1c-4a57-9c1e-2f6a1b0c9d11', occurredAt: '2026-12-02T08:00:00+07:00' };

describe('one submission class for the front office and the bus', () => {
  it('accepts the same filing both ways, the event with its envelope', async () => {
    expect(await validatePayload(ApplicationSubmission, filing())).toMatchObject({ ok: true });
    expect(await validatePayload(ApplicationSubmittedEvent, { ...filing(), ...envelope })).toMatchObject({ ok: true });
  });

  it('refuses a broken filing with the same errors both ways', async () => {
    const broken = { ...filing(), agencyCode: 'x', channel: 'FAX', applicant: { ...filing().applicant, nik: '12' }, documents: 'none' };
    const http = await validatePayload(ApplicationSubmission, broken);
    const bus = await validatePayload(ApplicationSubmittedEvent, { ...broken, ...envelope });
    expect(http.ok).toBe(false);
    expect(bus).toEqual(http);
    expect(http.ok === false && [...new Set(http.errors.map((e) => e.path))].sort()).toEqual([
      'agencyCode',
      'applicant.nik',
      'channel',
      'documents',
    ]);
  });

  it('asks the event for its envelope', async () => {
    const result = await validatePayload(ApplicationSubmittedEvent, { ...filing(), occurredAt: 'yesterday' });
    expect(result.ok === false && result.errors.map((e) => e.path).sort()).toEqual(['eventId', 'occurredAt']);
  });

  it('documents the event with every field of the filing and of the envelope', () => {
    const schemas = (asyncApiDocument().components as { schemas: Record<string, { properties: object; required: string[] }> }).schemas;
    const event = schemas.ApplicationSubmittedEvent;
    expect(Object.keys(event.properties).sort()).toEqual([
      'agencyCode',
      'applicant',
      'beneficiary',
      'causationId',
      'channel',
      'correlationId',
      'documents',
      'eventId',
      'occurredAt',
      'serviceCode',
      'source',
      'targetGroup',
    ]);
    expect(event.required.sort()).toEqual(['agencyCode', 'applicant', 'channel', 'documents', 'eventId', 'occurredAt', 'serviceCode']);
  });
});
