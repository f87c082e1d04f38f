import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ELIGIBILITY, evaluate, fromStandard, type CaseSubject, type EvaluationInput, type RegistryHit } from './eligibility.js';

const on = new Date('2026-11-20T03:00:00Z');
const child: CaseSubject = {
  applicant: {
    nik: '3304015102880001',
    kkNumber: '3304010101200001',
    name: 'Siti',
    birthDate: '1988-02-11',
    sex: 'F',
    villageCode: '33.04.01.2001',
  },
  beneficiary: { nik: '3304010205190001', name: 'Budi', birthDate: '2019-05-02', sex: 'M' },
  targetGroup: 'ANAK_TERLANTAR',
  documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
  filedAt: on.toISOString(),
};
const hit = (over: Partial<RegistryHit> = {}): RegistryHit => ({
  nik: child.beneficiary!.nik,
  kk: child.applicant.kkNumber,
  name: 'Budi',
  birthDate: '2019-05-02',
  villageCode: '33.04.01.2001',
  decile: 2,
  programs: [],
  snapshotId: '00000000-0000-4000-8000-000000000001',
  row: 17,
  ...over,
});
const santunan = (over: Partial<EvaluationInput> = {}) =>
  evaluate({
    settings: DEFAULT_ELIGIBILITY.SANTUNAN_ANAK,
    subject: child,
    areaCode: '33.04',
    registry: { beneficiary: hit() },
    duplicates: [],
    on,
    ...over,
  });
const rule = (rs: ReturnType<typeof evaluate>, code: string) => rs.find((r) => r.rule === code)!;

describe('SANTUNAN_ANAK rules', () => {
  it('passes every rule for a child under 18 in the registry, domiciled in the area, on no programme', () => {
    const rs = santunan();
    expect(rs.map((r) => [r.rule, r.outcome])).toEqual([
      ['REGISTRY_OR_SKTM', 'PASSED'],
      ['BENEFICIARY_AGE', 'PASSED'],
      ['DOMICILE_IN_AREA', 'PASSED'],
      ['NO_NATIONAL_PROGRAMME', 'PASSED'],
      ['NO_DUPLICATE', 'PASSED'],
    ]);
    expect(rule(rs, 'REGISTRY_OR_SKTM').evidence).toEqual([
      { source: 'REGISTRY', snapshotId: '00000000-0000-4000-8000-000000000001', row: 17, nik: '************0001' },
    ]);
  });

  it('registry or SKTM: passes on an SKTM outside the registry, fails without either, fails above the decile limit', () => {
    const withSktm = { ...child, documents: [...child.documents, { type: 'SKTM' }] };
    expect(rule(santunan({ subject: withSktm, registry: {} }), 'REGISTRY_OR_SKTM')).toMatchObject({
      outcome: 'PASSED',
      evidence: [{ source: 'DOCUMENT', document: 'SKTM' }],
    });
    expect(rule(santunan({ registry: {} }), 'REGISTRY_OR_SKTM')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/Not in DTSEN .* no SKTM/),
    });
    const strict = { ...DEFAULT_ELIGIBILITY.SANTUNAN_ANAK, maxDecile: 1 };
    expect(rule(santunan({ settings: strict }), 'REGISTRY_OR_SKTM')).toMatchObject({
      outcome: 'FAILED',
      evidence: [{ source: 'REGISTRY', row: 17 }],
    });
  });

  it('beneficiary age: fails at 18, and at 5 for the toddler variant', () => {
    const adult = { ...child, beneficiary: { ...child.beneficiary!, birthDate: '2008-01-01' } };
    expect(rule(santunan({ subject: adult, registry: {} }), 'BENEFICIARY_AGE')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/18, not under 18/),
    });
    const toddler = { ...child, targetGroup: 'ANAK_BALITA_TERLANTAR' };
    expect(rule(santunan({ subject: toddler }), 'BENEFICIARY_AGE')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/not under 5 \(toddler variant\)/),
    });
    const baby = { ...toddler, beneficiary: { ...child.beneficiary!, birthDate: '2023-01-01' } };
    expect(rule(santunan({ subject: baby, registry: {} }), 'BENEFICIARY_AGE').outcome).toBe('PASSED');
    expect(rule(santunan({ subject: { ...child, beneficiary: null }, registry: {} }), 'BENEFICIARY_AGE').outcome).toBe('FAILED');
  });

  it('domicile: fails outside the agency area, needs review when the registry places the person elsewhere', () => {
    const away = { ...child, applicant: { ...child.applicant, villageCode: '35.75.01.1001' } };
    expect(rule(santunan({ subject: away }), 'DOMICILE_IN_AREA').outcome).toBe('FAILED');
    const elsewhere = { applicant: hit({ nik: child.applicant.nik, villageCode: '33.05.01.2001' }) };
    expect(rule(santunan({ registry: elsewhere }), 'DOMICILE_IN_AREA').outcome).toBe('NEEDS_REVIEW');
  });

  it('no national programme: fails for a beneficiary (or applicant) on PKH, naming the row', () => {
    const rs = santunan({ registry: { beneficiary: hit({ programs: ['BPNT', 'PKH'] }) } });
    expect(rule(rs, 'NO_NATIONAL_PROGRAMME')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/BPNT, PKH/),
      evidence: [
        { row: 17, value: 'BPNT' },
        { row: 17, value: 'PKH' },
      ],
    });
  });

  it('duplicates: an open case needs review, a payment this year fails', () => {
    const other = { caseId: 'c1', applicationId: 'a1', ticketNumber: 'SANTUNAN_ANAK-33.04-2026-000001' };
    expect(rule(santunan({ duplicates: [{ kind: 'OPEN_CASE_SAME_SERVICE', other, message: 'open' }] }), 'NO_DUPLICATE')).toMatchObject({
      outcome: 'NEEDS_REVIEW',
      evidence: [{ source: 'CASE', caseId: 'c1' }],
    });
    expect(rule(santunan({ duplicates: [{ kind: 'PAID_THIS_YEAR', other, message: 'paid' }] }), 'NO_DUPLICATE').outcome).toBe('FAILED');
  });
});

describe('BANSOS_REHSOS rules', () => {
  const elder: CaseSubject = {
    applicant: {
      nik: '3575015003500001',
      kkNumber: '3575010101200001',
      name: 'Mbah Sarni',
      birthDate: '1950-03-10',
      sex: 'F',
      villageCode: '35.75.01.1001',
    },
    beneficiary: null,
    targetGroup: 'LANSIA',
    documents: [{ type: 'KTP' }, { type: 'KK' }],
    filedAt: on.toISOString(),
  };
  const rehsos = (over: Partial<EvaluationInput> = {}) =>
    evaluate({ settings: DEFAULT_ELIGIBILITY.BANSOS_REHSOS, subject: elder, areaCode: '35.75', registry: {}, duplicates: [], on, ...over });

  it('passes a potential elder resident and domiciled in the city; registry or PMKS needs review outside the registry', () => {
    const rs = rehsos();
    expect(rs.map((r) => [r.rule, r.outcome])).toEqual([
      ['REGISTRY_OR_PMKS', 'NEEDS_REVIEW'],
      ['TARGET_GROUP', 'PASSED'],
      ['RESIDENCE_AND_DOMICILE', 'PASSED'],
      ['NO_DUPLICATE', 'PASSED'],
    ]);
    const inRegistry = rehsos({ registry: { applicant: hit({ nik: elder.applicant.nik, villageCode: '35.75.01.1001' }) } });
    expect(rule(inRegistry, 'REGISTRY_OR_PMKS').outcome).toBe('PASSED');
  });

  it('target group: fails outside the groups and when age or sex do not fit', () => {
    expect(rule(rehsos({ subject: { ...elder, targetGroup: 'ANAK_TERLANTAR' } }), 'TARGET_GROUP').outcome).toBe('FAILED');
    expect(rule(rehsos({ subject: { ...elder, targetGroup: null } }), 'TARGET_GROUP').outcome).toBe('FAILED');
    const young = { ...elder, applicant: { ...elder.applicant, birthDate: '1990-01-01' } };
    expect(rule(rehsos({ subject: young }), 'TARGET_GROUP')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/under 60/),
    });
    const man = { ...elder, targetGroup: 'WRSE', applicant: { ...elder.applicant, sex: 'M' as const } };
    expect(rule(rehsos({ subject: man }), 'TARGET_GROUP')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/not a woman/),
    });
  });

  it('residence and domicile: fails outside the city, needs review for a NIK issued elsewhere', () => {
    expect(
      rule(rehsos({ subject: { ...elder, applicant: { ...elder.applicant, villageCode: '33.04.01.2001' } } }), 'RESIDENCE_AND_DOMICILE')
        .outcome,
    ).toBe('FAILED');
    expect(
      rule(rehsos({ subject: { ...elder, applicant: { ...elder.applicant, nik: '3304015003500001' } } }), 'RESIDENCE_AND_DOMICILE').outcome,
    ).toBe('NEEDS_REVIEW');
  });

  it('one per household: a household duplicate fails', () => {
    const other = { caseId: 'c2', applicationId: 'a2', ticketNumber: 'T2' };
    expect(rule(rehsos({ duplicates: [{ kind: 'SAME_HOUSEHOLD', other, message: 'household' }] }), 'NO_DUPLICATE').outcome).toBe('FAILED');
  });
});

describe('settings from the standard', () => {
  it('reads the seeds’ eligibility words', () => {
    expect(fromStandard({ registryOrSktm: true, notInPrograms: ['PKH'], fieldVerificationBy: 'TRC' })).toEqual({
      registryOrSktm: true,
      notInPrograms: ['PKH'],
      fieldStages: ['TRC'],
    });
    expect(fromStandard({ sources: ['DTKS', 'PMKS'], kelurahanValidation: true })).toEqual({
      registryOrPmks: true,
      fieldStages: ['DINSOS', 'KELURAHAN'],
    });
  });
});
