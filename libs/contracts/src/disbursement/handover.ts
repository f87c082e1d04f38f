/**
 * Disbursement's last two steps: the distribution schedule (jadwal penyaluran) of a decree, per
 * village, arranged with the lurah; and the handover (BAST, berita acara serah terima) of each
 * paid recipient. The bodies the gateway accepts (validated there and again by disbursement) and
 * the views it answers.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** a village (desa/kelurahan) in the Kemendagri form, `35.75.01.1001` */
export const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
/** a time of day, `HH:MM` from 00:00 to 23:59 */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** the most villages one decree's schedule names */
export const SCHEDULE_MAX_ENTRIES = 1000;

/** One village's distribution: where, when, and the lurah it was arranged with. */
export class ScheduleEntryDto {
  @Matches(VILLAGE_CODE, { message: 'villageCode must be a village code like 35.75.01.1001' }) villageCode!: string;
  /** where (e.g. "Kantor Kelurahan Purworejo, Jl. …") */
  @IsString() @MinLength(3, { message: 'place must name where (at least 3 characters)' }) @MaxLength(300) place!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' }) date!: string;
  @Matches(TIME_OF_DAY, { message: 'startTime must be a time HH:MM (00:00–23:59)' }) startTime!: string;
  @Matches(TIME_OF_DAY, { message: 'endTime must be a time HH:MM (00:00–23:59)' }) endTime!: string;
  /** the lurah (or kepala desa) the schedule was arranged with */
  @IsString() @MinLength(3, { message: 'lurahName must name the lurah the schedule was arranged with' }) @MaxLength(200) lurahName!: string;
  /** what was agreed with the lurah (e.g. "disetujui lewat surat 005/112/2026") */
  @IsOptional() @IsString() @MaxLength(1000) lurahNote?: string | null;
}

/** `PUT /api/v1/disbursement/decrees/{id}/schedule`: the whole schedule, replacing the one before (kept in the history). */
export class ReplaceScheduleRequest {
  @IsArray()
  @ArrayMaxSize(SCHEDULE_MAX_ENTRIES, { message: `entries may name at most ${SCHEDULE_MAX_ENTRIES} villages` })
  @ValidateNested({ each: true })
  @Type(() => ScheduleEntryDto)
  entries!: ScheduleEntryDto[];
  /** the version seen (0 when the decree has no schedule yet): a change made meanwhile is a 409, not lost */
  @IsInt({ message: 'version must be a whole number' }) @Min(0, { message: 'version must be 0 or more' }) version!: number;
  /** why it changed (kept in the history) */
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
}

export interface ScheduleEntryView {
  villageCode: string;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  lurahName: string;
  lurahNote: string | null;
  /** recipients of the decree in the village (those given up not counted) */
  recipients: number;
}

export interface ScheduleView {
  decreeId: string;
  decreeNumber: string;
  decreeDate: string;
  agencyCode: string;
  /** 0 while the decree has no schedule */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  entries: ScheduleEntryView[];
  /** villages of the decree's recipients without an entry yet */
  unscheduled: Array<{ villageCode: string | null; recipients: number }>;
  /** every version, newest first: who, when, why, and the entries it had */
  history: Array<{
    version: number;
    changedBy: string;
    changedAt: string;
    reason: string | null;
    entries: Array<Omit<ScheduleEntryView, 'recipients'>>;
  }>;
}

/** What the citizen's status page shows of a recipient's schedule: place and time, nothing about anyone. */
export interface PublicDistributionView {
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  /** "Penyaluran: <place>, <date> <start>–<end>" / "Distribution: …" */
  label: { id: string; en: string };
}

/**
 * `POST /api/v1/disbursement/decrees/{id}/recipients/{applicationId}/handover`: the BAST of one
 * paid recipient. The officer is the caller (from the token), never the body.
 */
export class RecordHandoverRequest {
  /** when it was handed over, ISO-8601 with offset (not in the future, not before the decree) */
  @IsISO8601({ strict: true }, { message: 'handedOverAt must be a time in ISO-8601 with its offset' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'handedOverAt must carry its offset (e.g. +07:00)' })
  handedOverAt!: string;
  @IsString() @MinLength(3, { message: 'place must name where (at least 3 characters)' }) @MaxLength(500) place!: string;
  /** the name of who received it: the recipient, or a named representative */
  @IsString() @MinLength(3, { message: 'receivedBy must name who received it' }) @MaxLength(200) receivedBy!: string;
  /** true when a representative received it in the recipient's place */
  @IsOptional() @IsBoolean({ message: 'representative must be true or false' }) representative?: boolean;
  /** the representative's relation to the recipient (e.g. "anak kandung, dengan surat kuasa"): required for a representative */
  @ValidateIf((o: RecordHandoverRequest) => o.representative === true || (o.representativeRelation ?? null) !== null)
  @IsString({ message: 'representativeRelation must say how the representative is related to the recipient' })
  @MinLength(3, { message: 'representativeRelation must say how the representative is related to the recipient' })
  @MaxLength(300)
  representativeRelation?: string | null;
  /** the reference (object key) of the signed BAST or the signature */
  @IsString() @MinLength(3, { message: 'signatureRef must be the reference of the signature' }) @MaxLength(500) signatureRef!: string;
  /** the reference (object key) of the handover's photo */
  @IsString() @MinLength(3, { message: 'photoRef must be the reference of the photo' }) @MaxLength(500) photoRef!: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

export interface HandoverView {
  bastNumber: string;
  decreeId: string;
  decreeNumber: string;
  agencyCode: string;
  applicationId: string;
  ticketNumber: string | null;
  recipientName: string;
  villageCode: string | null;
  amount: string;
  sp2dNumber: string | null;
  handedOverAt: string;
  place: string;
  receivedBy: string;
  representative: boolean;
  representativeRelation: string | null;
  /** the officer who recorded it (username) */
  officer: string;
  signatureRef: string;
  photoRef: string;
  note: string | null;
  recordedAt: string;
}

/** `GET /api/v1/disbursement/decrees/{id}/handovers`: the decree's BASTs in the order they happened. */
export interface HandoverListView {
  decreeId: string;
  decreeNumber: string;
  agencyCode: string;
  /** paid recipients of the decree without a BAST yet */
  awaiting: number;
  items: HandoverView[];
}
