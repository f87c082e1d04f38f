import { describe, expect, it } from '@jest/globals';
import { decide, type RuleState, type StageState } from './decision.js';

const passed = (rule: string): RuleState => ({ rule, outcome: 'PASSED', message: `${rule} ok` });
const failed = (rule: string): RuleState => ({ rule, outcome: 'FAILED', message: `${rule} failed` });
const review = (rule: string): RuleState => ({ rule, outcome: 'NEEDS_REVIEW', message: `${rule} to review` });
const stage = (position: number, status: StageState['status'], extra: Partial<StageState> = {}): StageState => ({
  taskId: `t${position}`,
  stage: ['DINSOS', 'KELURAHAN'][position] ?? 'TRC',
  position,
  status,
  ...extra,
});

describe('the decision on a case', () => {
  it('rejects at the first stage that finds the applicant not eligible, with its findings and a public reason', () => {
    const d = decide({
      rules: [passed('TARGET_GROUP')],
      stages: [stage(0, 'DONE', { recommendation: 'NOT_ELIGIBLE', findings: 'Tidak tinggal di alamat' }), stage(1, 'WAITING')],
    });
    expect(d).toEqual({
      kind: 'REJECT',
      reason: 'Verifikasi Dinas Sosial: Tidak tinggal di alamat',
      publicReason: {
        id: 'Hasil Verifikasi Dinas Sosial menyatakan permohonan belum memenuhi syarat.',
        en: expect.stringContaining('social affairs'),
      },
    });
  });

  it("keeps the officer's own public reason when one was written", () => {
    const d = decide({
      rules: [],
      stages: [stage(0, 'DONE', { recommendation: 'NOT_ELIGIBLE', findings: 'x', publicReason: 'Sudah pindah domisili.' })],
    });
    expect(d).toMatchObject({ kind: 'REJECT', publicReason: { id: 'Sudah pindah domisili.' } });
  });

  it('opens the next waiting stage once the one before it found the applicant eligible', () => {
    expect(decide({ rules: [passed('A')], stages: [stage(0, 'DONE', { recommendation: 'ELIGIBLE' }), stage(1, 'WAITING')] })).toEqual({
      kind: 'OPEN_STAGE',
      taskId: 't1',
      stage: 'KELURAHAN',
    });
  });

  it('waits while a stage is open, whatever the rules say', () => {
    expect(decide({ rules: [failed('A')], stages: [stage(0, 'OPEN')] })).toEqual({ kind: 'WAIT', for: 'FIELD_STAGE' });
  });

  it('verifies once every stage found the applicant eligible and no rule failed', () => {
    const d = decide({ rules: [passed('A'), review('B')], stages: [stage(0, 'DONE', { recommendation: 'ELIGIBLE' })] });
    expect(d).toMatchObject({ kind: 'VERIFY', reason: expect.stringContaining('reviewed in the field: B') });
  });

  it('rejects after the stages when a rule failed, naming the rule in public words', () => {
    const d = decide({ rules: [failed('NO_NATIONAL_PROGRAMME')], stages: [stage(0, 'DONE', { recommendation: 'ELIGIBLE' })] });
    expect(d).toEqual({
      kind: 'REJECT',
      reason: 'NO_NATIONAL_PROGRAMME failed',
      publicReason: {
        id: 'Permohonan belum memenuhi syarat: sudah menerima bantuan sosial lain dari APBN/APBD.',
        en: 'The application does not meet the requirements: already receives other APBN/APBD social assistance.',
      },
    });
  });

  it('waits for a settlement when a rule needs review and no field stage looks at the applicant', () => {
    expect(decide({ rules: [passed('A'), review('B')], stages: [] })).toEqual({ kind: 'WAIT', for: 'NEEDS_REVIEW', rules: ['B'] });
  });

  it('verifies a case without field stages once nothing needs review', () => {
    expect(decide({ rules: [passed('A'), passed('B')], stages: [] })).toMatchObject({ kind: 'VERIFY' });
  });

  it('rejects a case without field stages when a rule failed, even if another still needs review', () => {
    expect(decide({ rules: [failed('A'), review('B')], stages: [] })).toMatchObject({ kind: 'REJECT' });
  });

  it('ignores cancelled stages', () => {
    expect(
      decide({ rules: [passed('A')], stages: [stage(0, 'CANCELLED'), stage(1, 'DONE', { recommendation: 'ELIGIBLE' })] }),
    ).toMatchObject({ kind: 'VERIFY' });
  });
});
