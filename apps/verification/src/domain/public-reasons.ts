/**
 * What the citizen reads on the public status page when a case is rejected: no names, no
 * numbers of people, no officer's note. Bahasa Indonesia first, English beside it.
 */
export interface Bilingual {
  id: string;
  en: string;
}

/** Every rule the evaluation names (eligibility.ts RULES), in words for the applicant. */
export const PUBLIC_RULE_REASONS: Record<string, Bilingual> = {
  REGISTRY_OR_SKTM: {
    id: 'tidak terdaftar di DTSEN (dahulu DTKS) dan tidak melampirkan SKTM',
    en: 'not in DTSEN (formerly DTKS) and no SKTM attached',
  },
  REGISTRY_OR_PMKS: {
    id: 'tidak terdaftar di DTSEN (dahulu DTKS) maupun data PMKS',
    en: 'neither in DTSEN (formerly DTKS) nor in the PMKS data',
  },
  BENEFICIARY_AGE: { id: 'usia penerima manfaat di luar ketentuan layanan', en: "the beneficiary's age is outside the service's terms" },
  TARGET_GROUP: { id: 'bukan kelompok sasaran layanan ini', en: 'not in a target group of this service' },
  DOMICILE_IN_AREA: { id: 'domisili di luar wilayah layanan', en: 'domiciled outside the service area' },
  RESIDENCE_AND_DOMICILE: {
    id: 'tempat tinggal atau domisili di luar wilayah layanan',
    en: 'residence or domicile outside the service area',
  },
  NO_NATIONAL_PROGRAMME: {
    id: 'sudah menerima bantuan sosial lain dari APBN/APBD',
    en: 'already receives other APBN/APBD social assistance',
  },
  NO_DUPLICATE: {
    id: 'sudah ada permohonan atau pembayaran lain untuk layanan yang sama',
    en: 'there is already another application or payment for the same service',
  },
};

const FALLBACK: Bilingual = { id: 'persyaratan layanan', en: "the service's requirements" };

/** The sentence for a rejection by failed rules, in both languages. */
export function publicRejection(rules: string[]): Bilingual {
  const reasons = rules.map((r) => PUBLIC_RULE_REASONS[r] ?? FALLBACK);
  return {
    id: `Permohonan belum memenuhi syarat: ${reasons.map((r) => r.id).join('; ')}.`,
    en: `The application does not meet the requirements: ${reasons.map((r) => r.en).join('; ')}.`,
  };
}

const STAGES: Record<string, Bilingual> = {
  TRC: { id: 'Tim Reaksi Cepat (TRC)', en: 'rapid response team (TRC)' },
  DINSOS: { id: 'Verifikasi Dinas Sosial', en: 'social affairs department verification' },
  KELURAHAN: { id: 'Validasi kelurahan', en: 'kelurahan validation' },
};

/** A field stage by its name. */
export function stageName(stage: string): Bilingual {
  return STAGES[stage] ?? { id: stage, en: stage };
}
