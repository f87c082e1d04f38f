import { describe, expect, it } from '@jest/globals';
import { RULES } from './eligibility.js';
import { PUBLIC_RULE_REASONS, publicRejection, stageName } from './public-reasons.js';

describe('public reasons', () => {
  it('names every rule the evaluation can give, in Bahasa Indonesia and in English, differently', () => {
    for (const rule of RULES) {
      const r = PUBLIC_RULE_REASONS[rule];
      expect(r?.id).toBeTruthy();
      expect(r?.en).toBeTruthy();
      expect(r!.id).not.toEqual(r!.en);
    }
  });

  it('joins the reasons of several failed rules into one sentence for each language', () => {
    expect(publicRejection(['TARGET_GROUP', 'DOMICILE_IN_AREA'])).toEqual({
      id: 'Permohonan belum memenuhi syarat: bukan kelompok sasaran layanan ini; domisili di luar wilayah layanan.',
      en: 'The application does not meet the requirements: not in a target group of this service; domiciled outside the service area.',
    });
  });

  it('never shows a rule code to the citizen, even for a rule it does not know', () => {
    expect(publicRejection(['SOME_NEW_RULE']).id).not.toContain('SOME_NEW_RULE');
  });

  it('names the field stages', () => {
    expect(stageName('TRC')).toEqual({ id: 'Tim Reaksi Cepat (TRC)', en: 'rapid response team (TRC)' });
    expect(stageName('KELURAHAN').id).toBe('Validasi kelurahan');
  });
});
