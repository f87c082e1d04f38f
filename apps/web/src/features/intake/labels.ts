// Intake's codes by their users' names (channels, documents, deadline units, calendar days),
// each map typed by the contract's list: a code the contract adds without a label here does not
// compile. And the names of the forms' fields by the API's paths, for its field errors.
import type { CalendarDayView, CHANNELS, DEADLINE_UNITS, DOCUMENT_TYPES, REQUIREMENT_CHECKS } from '@contracts';
import type { FieldLabels } from '../../shared/errors/describe';
import type { LabelMap } from '../../shared/i18n/I18n';

export type Channel = (typeof CHANNELS)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const CHANNEL_LABEL: LabelMap<Channel> = {
  FRONT_OFFICE: 'channel.FRONT_OFFICE',
  SLRT: 'channel.SLRT',
  KELURAHAN: 'channel.KELURAHAN',
  WEB: 'channel.WEB',
  LETTER: 'channel.LETTER',
  WALK_IN: 'channel.WALK_IN',
};

export const DOCUMENT_LABEL: LabelMap<DocumentType> = {
  KTP: 'doc.KTP',
  KK: 'doc.KK',
  SKTM: 'doc.SKTM',
  SURAT_PERMOHONAN: 'doc.SURAT_PERMOHONAN',
  SURAT_TUGAS: 'doc.SURAT_TUGAS',
  BUKU_TAMU: 'doc.BUKU_TAMU',
  FORMULIR_PERMOHONAN: 'doc.FORMULIR_PERMOHONAN',
  SURAT_KETERANGAN_DOMISILI: 'doc.SURAT_KETERANGAN_DOMISILI',
  AKTA_KELAHIRAN: 'doc.AKTA_KELAHIRAN',
  SURAT_KETERANGAN_KEMATIAN: 'doc.SURAT_KETERANGAN_KEMATIAN',
  SURAT_KETERANGAN_DISABILITAS: 'doc.SURAT_KETERANGAN_DISABILITAS',
  FOTO: 'doc.FOTO',
  LAINNYA: 'doc.LAINNYA',
};

export const DEADLINE_UNIT_LABEL: LabelMap<(typeof DEADLINE_UNITS)[number]> = {
  MINUTES: 'deadlineUnit.MINUTES',
  HOURS: 'deadlineUnit.HOURS',
  WORKING_DAYS: 'deadlineUnit.WORKING_DAYS',
  CALENDAR_DAYS: 'deadlineUnit.CALENDAR_DAYS',
  MONTHS: 'deadlineUnit.MONTHS',
};

export const CHECKED_BY_LABEL: LabelMap<(typeof REQUIREMENT_CHECKS)[number]> = {
  INTAKE: 'catalog.checkedBy.INTAKE',
  VERIFICATION: 'catalog.checkedBy.VERIFICATION',
};

export const DAY_KIND_LABEL: LabelMap<CalendarDayView['kind']> = {
  CUTI_BERSAMA: 'calendar.kind.CUTI_BERSAMA',
  NATIONAL_HOLIDAY: 'calendar.kind.NATIONAL_HOLIDAY',
};

export const DAY_SOURCE_LABEL: LabelMap<CalendarDayView['source']> = {
  SEED: 'calendar.source.SEED',
  ADMIN: 'calendar.source.ADMIN',
};

/** A colour for each family of application status (the standards name their statuses; these are the common ones). */
export function statusColor(status: string): string {
  switch (status) {
    case 'RETURNED':
      return 'orange';
    case 'REJECTED':
      return 'red';
    case 'WITHDRAWN':
      return 'default';
    case 'REGISTERED':
      return 'blue';
    case 'HANDED_OVER':
    case 'DATA_HANDED_OVER':
    case 'REPORTED':
    case 'COMPLETED':
      return 'green';
    default:
      return 'geekblue';
  }
}

/** The filing form's fields, by the paths of `sigap.ext.application.submitted.v1`. */
export const FILING_FIELDS: FieldLabels = {
  agencyCode: 'field.agency',
  serviceCode: 'filing.serviceCode',
  channel: 'filing.channel',
  targetGroup: 'field.targetGroup',
  documents: 'filing.requirements',
  applicant: 'person.applicant',
  'applicant.nik': 'filing.field.applicant.nik',
  'applicant.kkNumber': 'filing.field.applicant.kkNumber',
  'applicant.name': 'filing.field.applicant.name',
  'applicant.birthDate': 'filing.field.applicant.birthDate',
  'applicant.sex': 'filing.field.applicant.sex',
  'applicant.address': 'filing.field.applicant.address',
  'applicant.villageCode': 'filing.field.applicant.villageCode',
  'applicant.phone': 'filing.field.applicant.phone',
  beneficiary: 'person.beneficiary',
  'beneficiary.nik': 'filing.beneficiaryNik',
  'beneficiary.name': 'filing.beneficiaryName',
  'beneficiary.birthDate': 'filing.beneficiaryBirthDate',
  'beneficiary.sex': 'filing.beneficiarySex',
};

/** A change of status's fields. */
export const TRANSITION_FIELDS: FieldLabels = {
  to: 'application.moveConfirm',
  reason: 'application.reason',
  publicReason: 'application.publicReason',
};

/** The calendar form's fields. */
export const CALENDAR_FIELDS: FieldLabels = { date: 'calendar.date', name: 'calendar.name', kind: 'calendar.kind', year: 'calendar.year' };

/** The catalog editor's fields, by the paths of a standard's definition. */
export const STANDARD_FIELDS: FieldLabels = {
  name: 'catalog.name',
  'name.id': 'catalog.nameId',
  'name.en': 'catalog.nameEn',
  description: 'catalog.descriptionId',
  decreeNumber: 'catalog.decreeNumber',
  deadline: 'catalog.deadlineAmount',
  'deadline.amount': 'catalog.deadlineAmount',
  'deadline.unit': 'catalog.deadlineUnit',
  deadlineNote: 'catalog.deadlineNoteId',
  requirements: 'catalog.requirements',
  'requirements[].code': 'catalog.requirementCode',
  'requirements[].name': 'catalog.requirementName',
  'requirements[].documentTypes': 'catalog.documentTypes',
  'requirements[].checkedBy': 'catalog.checkedBy',
  code: 'catalog.code',
  changeNote: 'catalog.changeNote',
  lifecycle: 'catalog.lifecycle',
  targetGroups: 'field.targetGroup',
  targetGroupRequired: 'field.targetGroup',
  benefit: 'catalog.benefit',
  'benefit.amount': 'catalog.benefitAmount',
  'benefit.byTargetGroup': 'catalog.benefit',
  'benefit.byTargetGroup[].amount': 'catalog.benefit',
  'benefit.byTargetGroup[].targetGroup': 'catalog.benefit',
};
