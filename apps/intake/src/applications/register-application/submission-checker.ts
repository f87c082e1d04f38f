import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ApplicationSubmission, FieldError, TargetGroupSpec } from '#contracts';
import { ageOn, findAgency, isIsoDate, loadAreaIndex, parseNik, validateKk, type AreaIndex } from '#domain';
import { CatalogService, type StandardRecord } from '../../catalog/catalog.service.js';
import { timeZoneOf } from '../../calendar/time-zone.js';

export type CheckResult = { ok: true; standard: StandardRecord } | { ok: false; errors: FieldError[] };

interface Person {
  nik: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/**
 * The rules an application must meet before anything is stored, beyond its shape: the
 * agency and its standard, NIKs and the KK number (area of the official list, birth date and
 * sex agreeing with the form), the village, where the applicant lives, the beneficiary and
 * the target group the standard asks for. Each broken rule names its field and the rule, so a 400
 * (or a `sigap.rejected`) tells the sender exactly what to fix; never the value sent, since
 * outside systems other than the sender read `sigap.rejected` too.
 */
@Injectable()
export class SubmissionChecker implements OnModuleInit {
  private areas!: AreaIndex;

  constructor(private readonly catalog: CatalogService) {}

  /** The official area list is parsed once, at start (about half a second). */
  async onModuleInit(): Promise<void> {
    this.areas = await loadAreaIndex();
  }

  /** Checks a batch with one catalog query. */
  async checkMany(submissions: ApplicationSubmission[], now: Date): Promise<CheckResult[]> {
    const standards = await this.catalog.currentMany(submissions.map((s) => ({ agencyCode: s.agencyCode, code: s.serviceCode })));
    return submissions.map((s) => this.check(s, standards.get(`${s.agencyCode}|${s.serviceCode}`), now));
  }

  private check(s: ApplicationSubmission, standard: StandardRecord | undefined, now: Date): CheckResult {
    const errors: FieldError[] = [];
    const agency = findAgency(s.agencyCode);
    const timeZone = timeZoneOf(s.agencyCode);
    if (!agency) errors.push({ path: 'agencyCode', message: 'agencyCode is not an agency of this installation' });
    if (agency && !standard) errors.push({ path: 'serviceCode', message: 'serviceCode is not a service of this agency' });
    if (standard && !standard.active)
      errors.push({ path: 'serviceCode', message: 'serviceCode is closed for new applications at this agency' });
    const def = standard?.definition;

    // the applicant: NIK, KK, birth date, village and residency
    const a = s.applicant;
    const applicantBorn = this.person('applicant', a, now, timeZone, errors);
    const kk = validateKk(a.kkNumber, { areas: this.areas });
    if (!kk.ok) errors.push({ path: 'applicant.kkNumber', message: `kkNumber ${kk.message}` });
    if (!this.areas.isVillage(a.villageCode)) {
      errors.push({
        path: 'applicant.villageCode',
        message: 'villageCode is not a village (desa/kelurahan) of the official Kemendagri list',
      });
    } else if (agency && def?.applicant.residency === 'AGENCY_AREA' && !a.villageCode.startsWith(`${agency.areaCode}.`)) {
      errors.push({
        path: 'applicant.villageCode',
        message: 'villageCode must be in the area of the agency: this service is for its residents',
      });
    }
    if (def && applicantBorn && def.applicant.minAge !== undefined) {
      const age = ageOn(a.birthDate, now, timeZone);
      if (age < def.applicant.minAge)
        errors.push({ path: 'applicant.birthDate', message: `the applicant must be at least ${def.applicant.minAge} years old` });
    }

    // the beneficiary, when the standard wants one or the form has one
    const b = s.beneficiary;
    let beneficiaryBorn = false;
    if (b) beneficiaryBorn = this.person('beneficiary', b, now, timeZone, errors);
    if (def) {
      if (def.beneficiary.required && !b) {
        errors.push({ path: 'beneficiary', message: 'beneficiary is required for this service' });
      } else if (b && beneficiaryBorn) {
        const age = ageOn(b.birthDate, now, timeZone);
        if (def.beneficiary.ageUnder !== undefined && age >= def.beneficiary.ageUnder) {
          errors.push({
            path: 'beneficiary.birthDate',
            message: `the beneficiary of this service must be under ${def.beneficiary.ageUnder} on the filing date`,
          });
        }
        if (def.beneficiary.minAge !== undefined && age < def.beneficiary.minAge) {
          errors.push({
            path: 'beneficiary.birthDate',
            message: `the beneficiary of this service must be at least ${def.beneficiary.minAge}`,
          });
        }
      }

      // the target group: one of the standard's, and the client fits it
      const codes = def.targetGroups.map((g) => g.code);
      if (!s.targetGroup) {
        if (def.targetGroupRequired)
          errors.push({ path: 'targetGroup', message: `targetGroup is required for this service: one of ${codes.join(', ')}` });
      } else if (!codes.includes(s.targetGroup)) {
        errors.push({
          path: 'targetGroup',
          message: codes.length
            ? `targetGroup must be one of ${codes.join(', ')} for this service`
            : 'this service has no target groups: leave targetGroup out',
        });
      } else {
        const group = def.targetGroups.find((g) => g.code === s.targetGroup)!;
        const client = b ? { who: 'beneficiary', p: b, born: beneficiaryBorn } : { who: 'applicant', p: a, born: applicantBorn };
        if (client.born) this.fitsGroup(group, client.who, client.p, now, timeZone, errors);
      }
    }
    return errors.length || !standard ? { ok: false, errors } : { ok: true, standard };
  }

  /** NIK and birth date of a person; true when the birth date is usable for age rules. */
  private person(who: 'applicant' | 'beneficiary', p: Person, now: Date, timeZone: string, errors: FieldError[]): boolean {
    let born = isIsoDate(p.birthDate);
    if (!born) errors.push({ path: `${who}.birthDate`, message: 'birthDate must be a date YYYY-MM-DD' });
    else if (ageOn(p.birthDate, now, timeZone) < 0) {
      errors.push({ path: `${who}.birthDate`, message: 'birthDate must not be in the future' });
      born = false;
    } else if (p.birthDate < '1900-01-01') {
      errors.push({ path: `${who}.birthDate`, message: 'birthDate must be after 1900' });
      born = false;
    }
    const nik = parseNik(p.nik, {
      areas: this.areas,
      today: now,
      timeZone,
      expectedBirthDate: born ? p.birthDate : undefined,
      expectedSex: p.sex,
    });
    if (!nik.ok) errors.push({ path: `${who}.nik`, message: `nik ${nik.message}` });
    return born;
  }

  private fitsGroup(g: TargetGroupSpec, who: string, p: Person, now: Date, timeZone: string, errors: FieldError[]): void {
    const age = ageOn(p.birthDate, now, timeZone);
    if (g.minAge !== undefined && age < g.minAge)
      errors.push({ path: `${who}.birthDate`, message: `the target group is for clients at least ${g.minAge} years old` });
    if (g.ageUnder !== undefined && age >= g.ageUnder)
      errors.push({ path: `${who}.birthDate`, message: `the target group is for clients under ${g.ageUnder}` });
    if (g.sex && p.sex !== g.sex)
      errors.push({ path: `${who}.sex`, message: `the target group is for ${g.sex === 'F' ? 'women' : 'men'}` });
  }
}
