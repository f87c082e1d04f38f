// Verification states a rule's outcome and a duplicate in English (apps/verification's
// eligibility.ts and case-assessment.service.ts). The Indonesian interface says each in
// Indonesian: every sentence the service writes has a pattern here, its values taken from the
// match. A sentence without a pattern (a newer service) falls back to a generic Indonesian one.

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^In DTSEN \(dahulu DTKS\), desil (?<d>\d+)$/, 'Terdaftar di DTSEN (dahulu DTKS), desil {d}'],
  [/^In DTSEN \(dahulu DTKS\)$/, 'Terdaftar di DTSEN (dahulu DTKS)'],
  [
    /^Above desil (?<d>\d+) in DTSEN \(dahulu DTKS\), but an (?<doc>.+) is attached$/,
    'Di atas desil {d} di DTSEN (dahulu DTKS), tetapi {doc} dilampirkan',
  ],
  [/^Not in DTSEN \(dahulu DTKS\); an (?<doc>.+) is attached$/, 'Tidak terdaftar di DTSEN (dahulu DTKS); {doc} dilampirkan'],
  [
    /^In DTSEN \(dahulu DTKS\) above the highest qualifying desil \((?<d>\d+)\)$/,
    'Terdaftar di DTSEN (dahulu DTKS) di atas desil tertinggi yang memenuhi syarat ({d})',
  ],
  [
    /^Not in DTSEN \(dahulu DTKS\): PMKS data to be confirmed by the Dinsos verification$/,
    'Tidak terdaftar di DTSEN (dahulu DTKS): data PMKS dikonfirmasi melalui verifikasi Dinsos',
  ],
  [
    /^Not in DTSEN \(dahulu DTKS\) and no (?<doc>.+) attached$/,
    'Tidak terdaftar di DTSEN (dahulu DTKS) dan tidak ada {doc} yang dilampirkan',
  ],
  [/^The application names no beneficiary$/, 'Permohonan tidak menyebut penerima manfaat'],
  [
    /^The beneficiary is (?<age>\d+), not under (?<limit>\d+)( \(toddler variant\))?$/,
    'Penerima manfaat berusia {age} tahun, tidak di bawah {limit} tahun',
  ],
  [
    /^The birth date on the application \((?<a>[\d-]+)\) differs from DTSEN's \((?<b>[\d-]+)\)$/,
    'Tanggal lahir di permohonan ({a}) berbeda dengan di DTSEN ({b})',
  ],
  [/^The beneficiary is (?<age>\d+), under (?<limit>\d+)$/, 'Penerima manfaat berusia {age} tahun, di bawah {limit} tahun'],
  [/^The beneficiary is (?<age>\d+)$/, 'Penerima manfaat berusia {age} tahun'],
  [/^(?<tg>\S+) is not a target group of this service \((?<list>.*)\)$/, '{tg} bukan kelompok sasaran layanan ini ({list})'],
  [/^The application names no target group$/, 'Permohonan tidak menyebut kelompok sasaran'],
  [/^For (?<tg>\S+) the client (?<why>.+)$/, 'Untuk {tg}, penerima {why}'],
  [/^Target group (?<tg>\S+)$/, 'Kelompok sasaran {tg}'],
  [
    /^The applicant's village (?<v>\S+) is outside the agency's area \((?<area>[^)]+)\)$/,
    'Desa/kelurahan pemohon {v} di luar wilayah instansi ({area})',
  ],
  [/^DTSEN places the applicant in (?<v>\S+), outside the area$/, 'Menurut DTSEN pemohon tinggal di {v}, di luar wilayah'],
  [
    /^Domiciled in the area, but the NIK was issued in (?<a>\S+): residence to be confirmed$/,
    'Berdomisili di wilayah, tetapi NIK diterbitkan di {a}: tempat tinggal perlu dipastikan',
  ],
  [/^Resident of and domiciled in the area$/, 'Penduduk dan berdomisili di wilayah'],
  [/^Domiciled in the agency's area$/, 'Berdomisili di wilayah instansi'],
  [/^Already receives (?<p>.+) \(APBN\/APBD social assistance\)$/, 'Sudah menerima {p} (bantuan sosial APBN/APBD)'],
  [/^No excluding programme in DTSEN \(dahulu DTKS\)$/, 'Tidak ada program yang mengecualikan di DTSEN (dahulu DTKS)'],
  [/^Not in DTSEN \(dahulu DTKS\): no programme recorded$/, 'Tidak terdaftar di DTSEN (dahulu DTKS): tidak ada program tercatat'],
  [
    /^No other application of this person or household for this service$/,
    'Tidak ada permohonan lain dari orang atau keluarga ini untuk layanan ini',
  ],
  [/^Already paid by (?<s>\S+) this fiscal year \((?<t>[^)]+)\)$/, 'Sudah dibayar melalui {s} pada tahun anggaran ini ({t})'],
  [/^Another open application for (?<s>\S+): (?<t>\S+)$/, 'Ada permohonan {s} lain yang masih berjalan: {t}'],
  [
    /^The household \(KK\) already has an application for (?<s>\S+) this fiscal year: (?<t>\S+)$/,
    'Keluarga (KK) ini sudah punya permohonan {s} pada tahun anggaran ini: {t}',
  ],
  [
    /^Already on (?<p>\S+), a national programme that excludes this service \(DTSEN row (?<r>\d+)\)$/,
    'Sudah menerima {p}, program nasional yang mengecualikan layanan ini (DTSEN baris {r})',
  ],
];

/** the client's reasons inside "For X the client …" */
const WHY: ReadonlyArray<readonly [RegExp, string]> = [
  [/^is (?<age>\d+), under (?<min>\d+)$/, 'berusia {age} tahun, di bawah {min} tahun'],
  [/^is (?<age>\d+), not under (?<max>\d+)$/, 'berusia {age} tahun, tidak di bawah {max} tahun'],
  [/^is not a woman$/, 'bukan perempuan'],
  [/^is not a man$/, 'bukan laki-laki'],
];

function fill(template: string, groups: Record<string, string> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => groups?.[k] ?? '');
}

function one(sentence: string): string | null {
  for (const [re, template] of PATTERNS) {
    const m = re.exec(sentence);
    if (!m) continue;
    const groups = { ...m.groups };
    if (groups.why) {
      const reasons = groups.why.split(' and ').map((w) => {
        for (const [r, tpl] of WHY) {
          const x = r.exec(w);
          if (x) return fill(tpl, x.groups);
        }
        return null;
      });
      if (reasons.some((x) => x === null)) return null;
      groups.why = reasons.join(' dan ');
    }
    return fill(template, groups);
  }
  return null;
}

/**
 * A verification sentence in Indonesian; `null` when none of the known sentences matches (the
 * caller shows a generic sentence, never the English). Sentences joined by "; " (duplicates
 * within a rule) are read one by one.
 */
export function ruleMessageInIndonesian(message: string | null | undefined): string | null {
  if (!message) return null;
  const parts = message.split('; ').map(one);
  return parts.every((p) => p !== null) ? parts.join('; ') : null;
}
