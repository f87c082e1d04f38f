// The eligibility settings as the rules editor shows them: which keys there are (in the order
// the page lists them), and the form's values to and from a service's settings. Pure, so the
// editor keeps the keys it does not show exactly as they were.
import type { EligibilitySettingsDto } from '@contracts';
import { valuesOf } from '../../shared/i18n/I18n';
import { SETTING_LABEL } from './labels';

/** The settings verification reads; a service's settings carry only the keys that matter to it. */
export type EligibilitySettings = EligibilitySettingsDto;
export type SettingKey = keyof EligibilitySettings;
export type TargetGroupRule = NonNullable<EligibilitySettings['targetGroups']>[string];

/** Every setting, in the order the page shows them (SETTING_LABEL's). */
export const SETTING_KEYS: readonly SettingKey[] = valuesOf(SETTING_LABEL);

export const BOOLEAN_SETTINGS = [
  'registryOrSktm',
  'registryOrPmks',
  'beneficiaryRequired',
  'domicileInAgencyArea',
  'residentOfAgencyArea',
  'onePerHousehold',
] as const satisfies readonly SettingKey[];
export type BooleanSetting = (typeof BOOLEAN_SETTINGS)[number];

/** The national programmes (APBN/APBD social assistance) an admin usually picks from. */
export const NATIONAL_PROGRAMMES = ['PKH', 'BPNT', 'PBI-JK', 'BLT-DD'];

/** Whether the service's settings have `k` (only those are shown and edited). */
export const has = (s: EligibilitySettings, k: SettingKey) => Object.prototype.hasOwnProperty.call(s, k);

/** Whose settings these are, seen from the caller's agency. */
export function rulesOwner(agencyCode: string, myAgency: string | undefined): 'OWN' | 'PROVINCE' | 'DEFAULT' {
  if (agencyCode === '*') return 'DEFAULT';
  return agencyCode === myAgency ? 'OWN' : 'PROVINCE';
}

interface GroupRow {
  code: string;
  minAge?: number | null;
  ageUnder?: number | null;
  sex?: 'M' | 'F' | 'ANY';
}

export type EditValues = Partial<Omit<EligibilitySettings, 'targetGroupAgeUnder' | 'targetGroups'>> & {
  targetGroupAgeUnder?: { code: string; age: number }[];
  targetGroups?: GroupRow[];
};

export function toForm(s: EligibilitySettings): EditValues {
  const { targetGroupAgeUnder, targetGroups, ...rest } = s;
  const v: EditValues = { ...rest };
  if (has(s, 'targetGroupAgeUnder'))
    v.targetGroupAgeUnder = Object.entries(targetGroupAgeUnder ?? {}).map(([code, age]) => ({ code, age }));
  if (has(s, 'targetGroups'))
    v.targetGroups = Object.entries(targetGroups ?? {}).map(([code, g]) => ({
      code,
      minAge: g.minAge,
      ageUnder: g.ageUnder,
      sex: g.sex ?? 'ANY',
    }));
  return v;
}

const code = (c: string) => c.trim().toUpperCase();

/** The form's values over the current settings: the keys the form does not show stay as they are. */
export function fromForm(current: EligibilitySettings, v: EditValues): EligibilitySettings {
  const out: EligibilitySettings = { ...current };
  const o = out as unknown as Record<string, unknown>;
  for (const k of SETTING_KEYS) {
    if (!has(current, k)) continue;
    switch (k) {
      case 'targetGroupAgeUnder':
        out.targetGroupAgeUnder = Object.fromEntries((v.targetGroupAgeUnder ?? []).map((r) => [code(r.code), r.age]));
        break;
      case 'targetGroups': {
        const rows = v.targetGroups ?? [];
        out.targetGroups = rows.length
          ? Object.fromEntries(
              rows.map((r) => {
                const g: TargetGroupRule = {};
                if (typeof r.minAge === 'number') g.minAge = r.minAge;
                if (typeof r.ageUnder === 'number') g.ageUnder = r.ageUnder;
                if (r.sex === 'M' || r.sex === 'F') g.sex = r.sex;
                return [code(r.code), g];
              }),
            )
          : null;
        break;
      }
      case 'notInPrograms':
        out.notInPrograms = [...new Set((v.notInPrograms ?? []).map(code).filter(Boolean))];
        break;
      case 'sktmDocument':
        out.sktmDocument = code(v.sktmDocument ?? '');
        break;
      case 'maxDecile':
      case 'beneficiaryAgeUnder':
        o[k] = typeof v[k] === 'number' ? v[k] : null;
        break;
      default:
        o[k] = v[k as keyof EditValues];
    }
  }
  return out;
}
