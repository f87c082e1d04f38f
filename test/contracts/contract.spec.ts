// The contract classes against CONTRACT.md: every subject has a class, its examples validate,
// and the AsyncAPI document generated from the classes names every subject.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  ApplicationSubmittedEvent,
  asyncApiDocument,
  CONTRACT_MESSAGES,
  ComplaintReceivedEvent,
  DisasterDeclaredEvent,
  DisbursementSettledEvent,
  DistributionReportedEvent,
  StockReceivedEvent,
  Subjects,
  validatePayload,
} from '#contracts';

const envelope = () => ({ eventId: randomUUID(), occurredAt: '2026-11-20T10:15:00+07:00' });

describe('the contract', () => {
  it('has a payload class for every subject', () => {
    const covered = new Set(CONTRACT_MESSAGES.map((m) => m.subject));
    for (const s of Object.values(Subjects)) expect(covered).toContain(s);
  });

  it('publishes an AsyncAPI 3 document naming every subject with its schema', () => {
    const doc = asyncApiDocument() as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
      components: { schemas: Record<string, { properties: object; required?: string[] }> };
    };
    expect(doc.asyncapi).toBe('3.0.0');
    const addresses = Object.values(doc.channels).map((c) => c.address);
    for (const s of Object.values(Subjects)) expect(addresses).toContain(s);
    expect(doc.components.schemas.ApplicationSubmittedEvent.required).toEqual(
      expect.arrayContaining(['eventId', 'occurredAt', 'agencyCode', 'serviceCode', 'applicant', 'documents']),
    );
    expect(Object.keys(doc.components.schemas.ApplicantDto.properties)).toEqual(expect.arrayContaining(['nik', 'kkNumber', 'villageCode']));
  });

  it.each([
    [
      'sigap.ext.application.submitted.v1',
      ApplicationSubmittedEvent,
      {
        source: 'slrt-puskesmas-bawang',
        agencyCode: '33.04',
        serviceCode: 'SANTUNAN_ANAK',
        channel: 'SLRT',
        applicant: {
          nik: '3304015102880001',
          kkNumber: '3304010101200001',
          name: 'Siti',
          birthDate: '1988-02-11',
          sex: 'F',
          address: 'Jl. Letjend Karjono',
          villageCode: '33.04.01.2001',
          phone: '0812345678',
        },
        beneficiary: { nik: '3304010205190001', name: 'Budi', birthDate: '2019-05-02', sex: 'M' },
        targetGroup: 'ANAK_TERLANTAR',
        documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SKTM' }, { type: 'SURAT_PERMOHONAN' }],
      },
    ],
    [
      'sigap.ext.disaster.declared.v1',
      DisasterDeclaredEvent,
      {
        disasterId: 'BPBD-6171-2026-0042',
        kind: 'FLOOD',
        regencyCode: '61.71',
        districtCode: '61.71.01',
        postName: 'Posko Banjir Sungai Bangkong',
        affectedHouseholds: 120,
        affectedPeople: 430,
        emergencyStatus: true,
      },
    ],
    [
      'sigap.ext.finance.disbursement.settled.v1',
      DisbursementSettledEvent,
      {
        requestId: randomUUID(),
        status: 'PAID',
        sp2dNumber: 'SP2D-0912/2026',
        paidAt: '2026-11-20T10:15:00+07:00',
        reason: null,
        recipients: [{ applicationId: randomUUID(), status: 'PAID' }],
      },
    ],
    [
      'sigap.ext.logistics.distribution.reported.v1',
      DistributionReportedEvent,
      {
        reportId: 'R-1',
        level: 'REGENCY',
        regencyCode: '61.71',
        postName: null,
        shipmentId: 'S-1',
        lines: [{ itemCode: 'FOOD_PACK', quantity: 100, households: 100 }],
      },
    ],
    [
      'sigap.ext.complaint.received.v1',
      ComplaintReceivedEvent,
      {
        agencyCode: '33.04',
        channel: 'LAPOR',
        externalRef: 'LAPOR-8812734',
        complainant: { name: 'Warga', contact: '0812' },
        subject: 'Bantuan',
        body: 'Belum cair',
        ticketNumber: null,
      },
    ],
    [
      'sigap.ext.logistics.stock.received.v1',
      StockReceivedEvent,
      {
        receiptId: 'BAST-KEMENSOS-2026-117',
        agencyCode: '61',
        warehouseCode: null,
        source: 'APBN',
        documentNumber: 'X',
        lines: [{ itemCode: 'FOOD_PACK', quantity: 500, batch: 'FP-2026-11', expiresAt: '2027-05-31' }],
      },
    ],
  ])('accepts the example of %s from CONTRACT.md', async (_subject, cls, body) => {
    const v = await validatePayload(cls as never, { ...envelope(), ...body });
    expect(v).toMatchObject({ ok: true });
  });

  it('names the field and the rule of a bad payload', async () => {
    const v = await validatePayload(DisasterDeclaredEvent, {
      ...envelope(),
      disasterId: 'X',
      kind: 'METEOR',
      regencyCode: '6171',
      affectedHouseholds: -1,
      affectedPeople: 1,
      emergencyStatus: true,
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const paths = v.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'regencyCode', 'affectedHouseholds']));
    expect(v.errors.find((e) => e.path === 'regencyCode')!.message).toBe('regencyCode must be a regency code like 61.71');
  });

  it('refuses properties the contract does not know', async () => {
    const v = await validatePayload(DisasterDeclaredEvent, {
      ...envelope(),
      disasterId: 'X',
      kind: 'FLOOD',
      regencyCode: '61.71',
      affectedHouseholds: 1,
      affectedPeople: 1,
      emergencyStatus: true,
      extra: 1,
    });
    expect(v.ok).toBe(false);
  });
});
