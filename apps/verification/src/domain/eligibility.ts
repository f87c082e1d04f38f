/**
 * Eligibility as data: the settings of a service standard (which registry evidence, which
 * ages and target groups, which national programmes exclude, which field stages) and the pure
 * evaluation of one case against them, every rule answering PASSED, FAILED or NEEDS_REVIEW with
 * its evidence (the registry snapshot and row, the document, the application's field).
 */
import type { DuplicateView, FieldStage, RuleEvidence, RuleOutcome } from '#contracts';
import { ageOn } from '#domain';

/** Every rule `evaluate` may answer, in the order it answers them. */
export const RULES = [
  'REGISTRY_OR_SKTM',
  'REGISTRY_OR_PMKS',
  'BENEFICIARY_AGE',
  'TARGET_GROUP',
  'DOMICILE_IN_AREA',
  'RESIDENCE_AND_DOMICILE',
  'NO_NATIONAL_PROGRAMME',
  'NO_DUPLICATE',
] as const;
export type RuleCode = (typeof RULES)[number];

export interface TargetGroupRule {
  minAge?: number;
  ageUnder?: number;
  sex?: 'M' | 'F';
}

/** The settings of a service standard that verification reads (stored per service code; editable by an admin). */
export interface EligibilitySettings {
  /** SANTUNAN_ANAK: registered in the registry (DTSEN, dahulu DTKS), or else an SKTM */
  registryOrSktm?: boolean;
  /** the document that stands in for the registry */
  sktmDocument?: string;
  /** BANSOS_REHSOS: in the registry, or else PMKS data (confirmed by the Dinsos stage) */
  registryOrPmks?: boolean;
  /** highest welfare decile (desil) that qualifies; null: any */
  maxDecile?: number | null;
  beneficiaryRequired?: boolean;
  /** the beneficiary is younger than this (SANTUNAN_ANAK: 18) */
  beneficiaryAgeUnder?: number | null;
  /** a tighter age limit for some target groups (ANAK_BALITA_TERLANTAR: under 5) */
  targetGroupAgeUnder?: Record<string, number>;
  /** BANSOS_REHSOS: the target groups, one of which the client must fall in */
  targetGroups?: Record<string, TargetGroupRule> | null;
  /** the applicant lives (village on the application) in the agency's area */
  domicileInAgencyArea?: boolean;
  /** the applicant is a resident of the area: the NIK was issued there */
  residentOfAgencyArea?: boolean;
  /** national programmes (APBN/APBD social assistance) that exclude the beneficiary */
  notInPrograms?: string[];
  /** one per household (KK) per fiscal year */
  onePerHousehold?: boolean;
  /** field verification stages, in order */
  fieldStages: FieldStage[];
}

/** The seeds' standards (DOMAIN.md, shared/seeds) as verification's initial settings. */
export const DEFAULT_ELIGIBILITY: Record<string, EligibilitySettings> = {
  SANTUNAN_ANAK: {
    registryOrSktm: true,
    sktmDocument: 'SKTM',
    maxDecile: null,
    beneficiaryRequired: true,
    beneficiaryAgeUnder: 18,
    targetGroupAgeUnder: { ANAK_BALITA_TERLANTAR: 5 },
    domicileInAgencyArea: true,
    notInPrograms: ['PKH', 'BPNT', 'PBI-JK', 'BLT-DD'],
    onePerHousehold: false,
    fieldStages: ['TRC'],
  },
  BANSOS_REHSOS: {
    registryOrPmks: true,
    maxDecile: null,
    targetGroups: {
      WRSE: { minAge: 18, sex: 'F' },
      LANSIA: { minAge: 60 },
      FAKIR_MISKIN: {},
      ANAK_YATIM: { ageUnder: 18 },
      DISABILITAS: {},
    },
    domicileInAgencyArea: true,
    residentOfAgencyArea: true,
    notInPrograms: [],
    onePerHousehold: true,
    fieldStages: ['DINSOS', 'KELURAHAN'],
  },
};

/**
 * Reads a standard's eligibility words (intake's seed data, `eligibility` of the catalog) into
 * settings. Used only to seed verification's first version of an agency's settings for a
 * service it has none for; afterwards the versioned settings alone are applied (rules/).
 */
export function fromStandard(e: Record<string, unknown> | null | undefined): Partial<EligibilitySettings> {
  if (!e || typeof e !== 'object') return {};
  const out: Partial<EligibilitySettings> = {};
  if (typeof e.registryOrSktm === 'boolean') out.registryOrSktm = e.registryOrSktm;
  if (Array.isArray(e.notInPrograms)) out.notInPrograms = e.notInPrograms.map(String);
  if (typeof e.maxDecile === 'number' || e.maxDecile === null) out.maxDecile = e.maxDecile as number | null;
  if (Array.isArray(e.sources)) out.registryOrPmks = e.sources.includes('DTKS') || e.sources.includes('DTSEN');
  if (e.fieldVerificationBy === 'TRC') out.fieldStages = ['TRC'];
  if (e.kelurahanValidation === true) out.fieldStages = ['DINSOS', 'KELURAHAN'];
  if (typeof e.onePerHousehold === 'boolean') out.onePerHousehold = e.onePerHousehold;
  return out;
}

/** What the application says (kept on the case). */
export interface CaseSubject {
  /** `address` and `phone` as filed: where the field officer goes (cases assessed before the dossier carried them have none) */
  applicant: {
    nik: string;
    kkNumber: string;
    name: string;
    birthDate: string;
    sex: 'M' | 'F';
    villageCode: string;
    address?: string;
    phone?: string | null;
  };
  beneficiary: { nik: string; name: string; birthDate: string; sex: 'M' | 'F' } | null;
  targetGroup: string | null;
  documents: Array<{ type: string }>;
  filedAt: string;
}

/** A person of a current registry snapshot. */
export interface RegistryHit {
  nik: string;
  kk: string;
  name: string;
  birthDate: string;
  villageCode: string;
  decile: number | null;
  programs: string[];
  snapshotId: string;
  row: number;
}

export interface RuleResult {
  rule: string;
  outcome: RuleOutcome;
  message: string;
  evidence: RuleEvidence[];
}

export interface EvaluationInput {
  settings: EligibilitySettings;
  subject: CaseSubject;
  /** the agency's area code (`33.04`) */
  areaCode: string;
  registry: { applicant?: RegistryHit; beneficiary?: RegistryHit };
  duplicates: DuplicateView[];
  /** the moment ages are taken at (the filing) */
  on: Date;
}

const reg = (h: RegistryHit): RuleEvidence => ({ source: 'REGISTRY', snapshotId: h.snapshotId, row: h.row, nik: maskTail(h.nik) });
const app = (field: string, value: unknown): RuleEvidence => ({ source: 'APPLICATION', field, value });
function maskTail(nik: string): string {
  return nik.length > 4 ? '*'.repeat(nik.length - 4) + nik.slice(-4) : nik;
}

/** Evaluates every rule the settings name, in a fixed order. */
export function evaluate(input: EvaluationInput): RuleResult[] {
  const { settings: s, subject, registry } = input;
  const out: RuleResult[] = [];
  const inArea = (village: string) => village.startsWith(`${input.areaCode}.`);
  const client = subject.beneficiary ?? subject.applicant;
  const anyHit = registry.beneficiary ?? registry.applicant;

  if (s.registryOrSktm || s.registryOrPmks) {
    const rule = s.registryOrSktm ? 'REGISTRY_OR_SKTM' : 'REGISTRY_OR_PMKS';
    const decileOk = (h: RegistryHit) => s.maxDecile == null || (h.decile !== null && h.decile <= s.maxDecile);
    const hits = [registry.beneficiary, registry.applicant].filter((h): h is RegistryHit => !!h);
    const qualifying = hits.find(decileOk);
    const sktm = s.sktmDocument ?? 'SKTM';
    if (qualifying) {
      out.push({
        rule,
        outcome: 'PASSED',
        message: `In DTSEN (dahulu DTKS)${qualifying.decile !== null ? `, desil ${qualifying.decile}` : ''}`,
        evidence: [reg(qualifying)],
      });
    } else if (s.registryOrSktm && subject.documents.some((d) => d.type === sktm)) {
      out.push({
        rule,
        outcome: 'PASSED',
        message: hits.length
          ? `Above desil ${s.maxDecile} in DTSEN (dahulu DTKS), but an ${sktm} is attached`
          : `Not in DTSEN (dahulu DTKS); an ${sktm} is attached`,
        evidence: [{ source: 'DOCUMENT', document: sktm }, ...hits.map(reg)],
      });
    } else if (hits.length) {
      out.push({
        rule,
        outcome: 'FAILED',
        message: `In DTSEN (dahulu DTKS) above the highest qualifying desil (${s.maxDecile})`,
        evidence: hits.map(reg),
      });
    } else if (s.registryOrPmks) {
      out.push({
        rule,
        outcome: 'NEEDS_REVIEW',
        message: 'Not in DTSEN (dahulu DTKS): PMKS data to be confirmed by the Dinsos verification',
        evidence: [],
      });
    } else {
      out.push({ rule, outcome: 'FAILED', message: `Not in DTSEN (dahulu DTKS) and no ${sktm} attached`, evidence: [] });
    }
  }

  if (s.beneficiaryRequired || s.beneficiaryAgeUnder) {
    const b = subject.beneficiary;
    const limit = Math.min(s.beneficiaryAgeUnder ?? 200, (subject.targetGroup && s.targetGroupAgeUnder?.[subject.targetGroup]) || 200);
    if (!b) {
      out.push({
        rule: 'BENEFICIARY_AGE',
        outcome: s.beneficiaryRequired ? 'FAILED' : 'NEEDS_REVIEW',
        message: 'The application names no beneficiary',
        evidence: [],
      });
    } else {
      const age = ageOn(b.birthDate, input.on);
      const evidence = [app('beneficiary.birthDate', b.birthDate), ...(registry.beneficiary ? [reg(registry.beneficiary)] : [])];
      const mismatch = registry.beneficiary && registry.beneficiary.birthDate !== b.birthDate;
      if (limit < 200 && age >= limit) {
        out.push({
          rule: 'BENEFICIARY_AGE',
          outcome: 'FAILED',
          message: `The beneficiary is ${age}, not under ${limit}${limit === 5 ? ' (toddler variant)' : ''}`,
          evidence,
        });
      } else if (mismatch) {
        out.push({
          rule: 'BENEFICIARY_AGE',
          outcome: 'NEEDS_REVIEW',
          message: `The birth date on the application (${b.birthDate}) differs from DTSEN's (${registry.beneficiary!.birthDate})`,
          evidence,
        });
      } else {
        out.push({
          rule: 'BENEFICIARY_AGE',
          outcome: 'PASSED',
          message: `The beneficiary is ${age}${limit < 200 ? `, under ${limit}` : ''}`,
          evidence,
        });
      }
    }
  }

  if (s.targetGroups) {
    const tg = subject.targetGroup;
    const spec = tg ? s.targetGroups[tg] : undefined;
    const age = ageOn(client.birthDate, input.on);
    if (!tg || !spec) {
      out.push({
        rule: 'TARGET_GROUP',
        outcome: 'FAILED',
        message: tg
          ? `${tg} is not a target group of this service (${Object.keys(s.targetGroups).join(', ')})`
          : 'The application names no target group',
        evidence: [app('targetGroup', tg)],
      });
    } else {
      const why: string[] = [];
      if (spec.minAge !== undefined && age < spec.minAge) why.push(`is ${age}, under ${spec.minAge}`);
      if (spec.ageUnder !== undefined && age >= spec.ageUnder) why.push(`is ${age}, not under ${spec.ageUnder}`);
      if (spec.sex && client.sex !== spec.sex) why.push(`is not ${spec.sex === 'F' ? 'a woman' : 'a man'}`);
      out.push({
        rule: 'TARGET_GROUP',
        outcome: why.length ? 'FAILED' : 'PASSED',
        message: why.length ? `For ${tg} the client ${why.join(' and ')}` : `Target group ${tg}`,
        evidence: [app('targetGroup', tg), app(subject.beneficiary ? 'beneficiary.birthDate' : 'applicant.birthDate', client.birthDate)],
      });
    }
  }

  if (s.domicileInAgencyArea || s.residentOfAgencyArea) {
    const rule = s.residentOfAgencyArea ? 'RESIDENCE_AND_DOMICILE' : 'DOMICILE_IN_AREA';
    const a = subject.applicant;
    const evidence: RuleEvidence[] = [
      app('applicant.villageCode', a.villageCode),
      ...(registry.applicant ? [reg(registry.applicant)] : []),
    ];
    const nikArea = `${a.nik.slice(0, 2)}.${a.nik.slice(2, 4)}`;
    const resident =
      nikArea === input.areaCode ||
      nikArea.startsWith(`${input.areaCode}.`) ||
      (input.areaCode.length === 2 && nikArea.startsWith(input.areaCode));
    if (!inArea(a.villageCode)) {
      out.push({
        rule,
        outcome: 'FAILED',
        message: `The applicant's village ${a.villageCode} is outside the agency's area (${input.areaCode})`,
        evidence,
      });
    } else if (registry.applicant && !inArea(registry.applicant.villageCode)) {
      out.push({
        rule,
        outcome: 'NEEDS_REVIEW',
        message: `DTSEN places the applicant in ${registry.applicant.villageCode}, outside the area`,
        evidence,
      });
    } else if (s.residentOfAgencyArea && !resident) {
      out.push({
        rule,
        outcome: 'NEEDS_REVIEW',
        message: `Domiciled in the area, but the NIK was issued in ${nikArea}: residence to be confirmed`,
        evidence: [...evidence, app('applicant.nik', maskTail(a.nik))],
      });
    } else {
      out.push({
        rule,
        outcome: 'PASSED',
        message: s.residentOfAgencyArea ? 'Resident of and domiciled in the area' : "Domiciled in the agency's area",
        evidence,
      });
    }
  }

  if (s.notInPrograms?.length) {
    const on = [registry.beneficiary, registry.applicant]
      .filter((h): h is RegistryHit => !!h)
      .flatMap((h) => h.programs.filter((p) => s.notInPrograms!.includes(p)).map((p) => ({ h, p })));
    if (on.length) {
      out.push({
        rule: 'NO_NATIONAL_PROGRAMME',
        outcome: 'FAILED',
        message: `Already receives ${[...new Set(on.map((x) => x.p))].join(', ')} (APBN/APBD social assistance)`,
        evidence: on.map((x) => ({ ...reg(x.h), value: x.p })),
      });
    } else {
      out.push({
        rule: 'NO_NATIONAL_PROGRAMME',
        outcome: 'PASSED',
        message: anyHit ? 'No excluding programme in DTSEN (dahulu DTKS)' : 'Not in DTSEN (dahulu DTKS): no programme recorded',
        evidence: anyHit ? [reg(anyHit)] : [],
      });
    }
  }

  const blocking = input.duplicates.filter((d) => d.kind === 'PAID_THIS_YEAR' || d.kind === 'SAME_HOUSEHOLD');
  const review = input.duplicates.filter((d) => d.kind === 'OPEN_CASE_SAME_SERVICE');
  const dupEvidence = (ds: DuplicateView[]): RuleEvidence[] =>
    ds.map((d) => ({
      source: 'CASE',
      caseId: d.other.caseId,
      applicationId: d.other.applicationId,
      ticketNumber: d.other.ticketNumber ?? null,
    }));
  if (blocking.length)
    out.push({
      rule: 'NO_DUPLICATE',
      outcome: 'FAILED',
      message: blocking.map((d) => d.message).join('; '),
      evidence: dupEvidence(blocking),
    });
  else if (review.length)
    out.push({
      rule: 'NO_DUPLICATE',
      outcome: 'NEEDS_REVIEW',
      message: review.map((d) => d.message).join('; '),
      evidence: dupEvidence(review),
    });
  else
    out.push({
      rule: 'NO_DUPLICATE',
      outcome: 'PASSED',
      message: 'No other application of this person or household for this service',
      evidence: [],
    });
  return out;
}
