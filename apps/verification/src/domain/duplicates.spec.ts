import { describe, expect, it } from '@jest/globals';
import { findDuplicates, type DuplicateInput, type OtherCase } from './duplicates.js';

const FY = new Date('2026-01-01T00:00:00+07:00');
const other = (o: Partial<OtherCase>): OtherCase => ({
  id: 'c2',
  applicationId: 'a2',
  ticketNumber: 'T-2',
  status: 'IN_FIELD_VERIFICATION',
  paidAt: null,
  person: '3304010101010001',
  kk: 'KK1',
  openedAt: new Date('2026-03-01T00:00:00Z'),
  ...o,
});
const input = (o: Partial<DuplicateInput>): DuplicateInput => ({
  serviceCode: 'SANTUNAN_ANAK',
  person: '3304010101010001',
  kk: 'KK1',
  settings: { onePerHousehold: false, notInPrograms: ['PKH'] },
  others: [],
  registry: {},
  fiscalYearStart: FY,
  ...o,
});

describe('duplicate detection', () => {
  it('names another open case of the same person for the same service', () => {
    expect(findDuplicates(input({ others: [other({})] }))).toEqual([
      {
        kind: 'OPEN_CASE_SAME_SERVICE',
        other: { caseId: 'c2', applicationId: 'a2', ticketNumber: 'T-2' },
        message: 'Another open application for SANTUNAN_ANAK: T-2',
      },
    ]);
  });

  it('names a payment to the same person this fiscal year, and not one of last year', () => {
    const paid = other({ status: 'VERIFIED', paidAt: new Date('2026-02-01T00:00:00Z') });
    expect(findDuplicates(input({ others: [paid] })).map((d) => d.kind)).toEqual(['PAID_THIS_YEAR']);
    const lastYear = other({ status: 'VERIFIED', paidAt: new Date('2025-12-31T16:00:00Z') });
    expect(findDuplicates(input({ others: [lastYear] }))).toEqual([]);
  });

  it('does not count a rejected or closed case of the same person', () => {
    expect(findDuplicates(input({ others: [other({ status: 'REJECTED' }), other({ id: 'c3', status: 'CLOSED' })] }))).toEqual([]);
  });

  it('names the same household only where the standard allows one per household', () => {
    const sibling = other({ person: '3304010101010002' });
    expect(findDuplicates(input({ others: [sibling] }))).toEqual([]);
    expect(findDuplicates(input({ others: [sibling], settings: { onePerHousehold: true } })).map((d) => d.kind)).toEqual([
      'SAME_HOUSEHOLD',
    ]);
    expect(findDuplicates(input({ others: [{ ...sibling, status: 'REJECTED' }], settings: { onePerHousehold: true } }))).toEqual([]);
  });

  it('names an excluding national programme once, with the registry row', () => {
    const hit = {
      nik: 'n',
      kk: 'k',
      name: 'x',
      birthDate: '2019-01-01',
      villageCode: '33.04.01.2001',
      decile: 2,
      programs: ['PKH', 'BPNT'],
      snapshotId: 's1',
      row: 7,
    };
    const out = findDuplicates(input({ registry: { applicant: hit, beneficiary: hit } }));
    expect(out).toEqual([
      {
        kind: 'NATIONAL_PROGRAMME',
        other: { programme: 'PKH', snapshotId: 's1', row: 7 },
        message: expect.stringContaining('DTSEN row 7'),
      },
    ]);
  });
});
