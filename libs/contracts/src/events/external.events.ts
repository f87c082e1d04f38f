// The remaining events of CONTRACT.md, as classes validated at the consumer. Their services
// arrive with their issues; the contract (and its AsyncAPI document) is whole from the start.
import { Type } from 'class-transformer';
import {
  ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min,
  ValidateNested,
} from 'class-validator';
import { EventEnvelope, type RejectionReason } from '../envelope.js';
import { RUPIAH, RUPIAH_MESSAGE } from '../validation.js';

const REGENCY = /^\d{2}\.\d{2}$/;
const DISTRICT = /^\d{2}\.\d{2}\.\d{2}$/;
const ITEM_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

export const DISASTER_KINDS = ['FLOOD', 'LANDSLIDE', 'FIRE', 'EARTHQUAKE', 'TSUNAMI', 'VOLCANO', 'DROUGHT', 'STORM', 'SOCIAL_CONFLICT', 'OTHER'] as const;
export const COMPLAINT_CHANNELS = ['FACE_TO_FACE', 'BOX', 'LETTER', 'WHATSAPP', 'TELEGRAM', 'PHONE', 'EMAIL', 'WEB', 'SOCIAL_MEDIA', 'LAPOR'] as const;
export const STOCK_SOURCES = ['APBN', 'APBD', 'DONATION'] as const;

/** `sigap.ext.disaster.declared.v1`: BPBD declared a disaster; emergency logistics dispatch at once. */
export class DisasterDeclaredEvent extends EventEnvelope {
  @IsString() @IsNotEmpty() @MaxLength(100) disasterId!: string;
  @IsIn(DISASTER_KINDS, { message: `kind must be one of ${DISASTER_KINDS.join(', ')}` }) kind!: (typeof DISASTER_KINDS)[number];
  @Matches(REGENCY, { message: 'regencyCode must be a regency code like 61.71' }) regencyCode!: string;
  @IsOptional() @Matches(DISTRICT, { message: 'districtCode must be a district code like 61.71.01' }) districtCode?: string | null;
  @IsOptional() @IsString() @MaxLength(200) postName?: string | null;
  @IsInt() @Min(0) affectedHouseholds!: number;
  @IsInt() @Min(0) affectedPeople!: number;
  @IsBoolean() emergencyStatus!: boolean;
}

export class SettledRecipientDto {
  @IsUUID() applicationId!: string;
  @IsIn(['PAID', 'REJECTED']) status!: 'PAID' | 'REJECTED';
  @IsOptional() @IsString() reason?: string | null;
}

/** `sigap.ext.finance.disbursement.settled.v1`: the finance office paid or rejected a disbursement request. */
export class DisbursementSettledEvent extends EventEnvelope {
  @IsUUID() requestId!: string;
  @IsIn(['PAID', 'REJECTED']) status!: 'PAID' | 'REJECTED';
  @IsOptional() @IsString() @MaxLength(100) sp2dNumber?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) paidAt?: string | null;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SettledRecipientDto) recipients?: SettledRecipientDto[];
}

export class ItemLineDto {
  @Matches(ITEM_CODE, { message: 'itemCode must be an upper-case item code like FOOD_PACK' }) itemCode!: string;
  @IsInt() @Min(1) quantity!: number;
}

export class DistributionLineDto extends ItemLineDto {
  @IsOptional() @IsInt() @Min(0) households?: number;
}

/** `sigap.ext.logistics.distribution.reported.v1`: a regency or a post reports what it handed out. */
export class DistributionReportedEvent extends EventEnvelope {
  @IsString() @IsNotEmpty() @MaxLength(100) reportId!: string;
  @IsIn(['REGENCY', 'POST']) level!: 'REGENCY' | 'POST';
  @Matches(REGENCY, { message: 'regencyCode must be a regency code like 61.71' }) regencyCode!: string;
  @IsOptional() @IsString() @MaxLength(200) postName?: string | null;
  @IsOptional() @IsString() shipmentId?: string | null;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DistributionLineDto) lines!: DistributionLineDto[];
}

export class ComplainantDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @IsOptional() @IsString() @MaxLength(200) contact?: string | null;
}

/** `sigap.ext.complaint.received.v1`: a complaint from SP4N-LAPOR! or a channel bot. */
export class ComplaintReceivedEvent extends EventEnvelope {
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' }) agencyCode!: string;
  @IsIn(COMPLAINT_CHANNELS, { message: `channel must be one of ${COMPLAINT_CHANNELS.join(', ')}` }) channel!: (typeof COMPLAINT_CHANNELS)[number];
  @IsOptional() @IsString() @MaxLength(100) externalRef?: string | null;
  @ValidateNested() @Type(() => ComplainantDto) complainant!: ComplainantDto;
  @IsString() @IsNotEmpty() @MaxLength(300) subject!: string;
  @IsString() @IsNotEmpty() @MaxLength(20000) body!: string;
  @IsOptional() @IsString() @MaxLength(100) ticketNumber?: string | null;
}

export class StockLineDto extends ItemLineDto {
  @IsOptional() @IsString() @MaxLength(100) batch?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) expiresAt?: string | null;
}

/** `sigap.ext.logistics.stock.received.v1`: aid received into a warehouse. */
export class StockReceivedEvent extends EventEnvelope {
  @IsString() @IsNotEmpty() @MaxLength(100) receiptId!: string;
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 61' }) agencyCode!: string;
  @IsOptional() @IsString() @MaxLength(50) warehouseCode?: string | null;
  @IsIn(STOCK_SOURCES) source!: (typeof STOCK_SOURCES)[number];
  @IsOptional() @IsString() @MaxLength(100) documentNumber?: string | null;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => StockLineDto) lines!: StockLineDto[];
}

export class DisbursementRecipientDto {
  @IsUUID() applicationId!: string;
  @Matches(/^\d{16}$/, { message: 'nik must be 16 digits' }) nik!: string;
  @IsString() @IsNotEmpty() name!: string;
  @Matches(RUPIAH, { message: `amount ${RUPIAH_MESSAGE}` }) amount!: string;
  @IsOptional() @IsString() bankAccount?: string | null;
}

/** `sigap.disbursement.requested.v1`: a decree's budget to be paid out (the one subject with full NIKs, for the finance office). */
export class DisbursementRequestedEvent extends EventEnvelope {
  @IsUUID() requestId!: string;
  @IsString() agencyCode!: string;
  @IsString() decreeNumber!: string;
  @IsInt() fiscalYear!: number;
  @IsString() budgetLine!: string;
  @Matches(RUPIAH, { message: `totalAmount ${RUPIAH_MESSAGE}` }) totalAmount!: string;
  @IsInt() @Min(1) part!: number;
  @IsInt() @Min(1) parts!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DisbursementRecipientDto) recipients!: DisbursementRecipientDto[];
}

export class DestinationDto {
  @Matches(REGENCY) regencyCode!: string;
  @IsOptional() @Matches(DISTRICT) districtCode?: string | null;
  @IsOptional() @IsString() postName?: string | null;
}

/** `sigap.logistics.shipment.dispatched.v1`: stock left a warehouse. */
export class ShipmentDispatchedEvent extends EventEnvelope {
  @IsString() shipmentId!: string;
  @IsIn(['EMERGENCY', 'REGULAR']) kind!: 'EMERGENCY' | 'REGULAR';
  @IsOptional() @IsString() disasterId?: string | null;
  @IsOptional() @IsString() requestId?: string | null;
  @IsString() agencyCode!: string;
  @IsString() fromWarehouse!: string;
  @ValidateNested() @Type(() => DestinationDto) destination!: DestinationDto;
  @IsString() deliveryNoteNumber!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => StockLineDto) lines!: StockLineDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemLineDto) uncovered!: ItemLineDto[];
}

export class ComplaintAnswerDto {
  @IsString() text!: string;
  @IsISO8601({ strict: true }) answeredAt!: string;
}

export const COMPLAINT_CHANGES = ['REGISTERED', 'CLASSIFIED', 'DISPOSED', 'ANSWERED', 'ESCALATED', 'BREACHED', 'REOPENED', 'CLOSED'] as const;
export const COMPLAINT_CLASSES = ['LIGHT', 'NORMATIVE', 'NON_SUPERVISORY', 'SUPERVISORY'] as const;

/** `sigap.complaints.complaint.updated.v1`: a complaint was registered, classified, disposed, answered, or breached its deadline. */
export class ComplaintUpdatedEvent extends EventEnvelope {
  @IsString() complaintId!: string;
  @IsString() trackingNumber!: string;
  @IsOptional() @IsString() externalRef?: string | null;
  @IsString() agencyCode!: string;
  @IsIn(COMPLAINT_CHANNELS) channel!: (typeof COMPLAINT_CHANNELS)[number];
  @IsIn(COMPLAINT_CHANGES) change!: (typeof COMPLAINT_CHANGES)[number];
  @IsString() status!: string;
  @IsOptional() @IsIn(COMPLAINT_CLASSES) class?: (typeof COMPLAINT_CLASSES)[number] | null;
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string | null;
  @IsOptional() @ValidateNested() @Type(() => ComplaintAnswerDto) answer?: ComplaintAnswerDto | null;
}

export class FieldErrorDto {
  @IsString() path!: string;
  @IsString() message!: string;
}

/** `sigap.rejected`: which message failed validation or exhausted its retries, and why; none of its values. */
export class RejectedMessageEvent {
  @IsOptional() @IsString() eventId!: string | null;
  @IsString() subject!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FieldErrorDto) errors!: FieldErrorDto[];
}

export class RejectedSourceDto {
  @IsString() stream!: string;
  @IsInt() sequence!: number;
}

/**
 * `sigap.rejected.detail` (extends CONTRACT.md): the same rejection with the refused payload, for the
 * admin's inspection and replay. Read by the gateway alone; kept for the installation's retention period.
 */
export class RejectedMessageDetailEvent extends RejectedMessageEvent {
  @IsIn(['VALIDATION', 'RETRIES_EXHAUSTED', 'MALFORMED_JSON', 'TOO_LARGE', 'TOO_DEEP']) reason!: RejectionReason;
  @IsString() consumer!: string;
  @IsOptional() payload?: unknown;
  @IsOptional() @IsIn(['TOO_LARGE']) payloadOmitted?: 'TOO_LARGE';
  @IsISO8601() rejectedAt!: string;
  @IsOptional() @ValidateNested() @Type(() => RejectedSourceDto) source?: RejectedSourceDto;
  @IsOptional() @IsString() cause?: string;
}
