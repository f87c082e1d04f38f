/**
 * Disbursement: budget lines (pagu), the pool of verified applications, proposals (usulan),
 * decrees (SK), requests to the finance office and their settlements. The request-reply subjects
 * the gateway asks, the bodies it accepts (validated at the gateway and again by the service)
 * and the views it answers. Money is whole Rupiah as a decimal string, never a number.
 */
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RUPIAH, RUPIAH_MESSAGE } from '../validation.js';

/** Where a budget line's money comes from. */
export const BUDGET_SOURCES = ['APBD_BTT', 'APBD_JPST', 'APBD', 'APBN', 'DBHCHT', 'OTHER'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

const SERVICE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const AGENCY = /^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/;

/** `POST /api/v1/disbursement/budget-lines` (ADMIN of the agency). */
export class OpenBudgetLineRequest {
  @Matches(AGENCY, { message: 'agencyCode must be an agency code like 33.04' }) agencyCode!: string;
  @IsInt({ message: 'fiscalYear must be a whole number' })
  @Min(2000, { message: 'fiscalYear must be from 2000 to 2100' })
  @Max(2100, { message: 'fiscalYear must be from 2000 to 2100' })
  fiscalYear!: number;
  @IsIn(BUDGET_SOURCES, { message: `source must be one of ${BUDGET_SOURCES.join(', ')}` }) source!: BudgetSource;
  /** the programme: which service standard the line pays (e.g. SANTUNAN_ANAK) */
  @Matches(SERVICE_CODE, { message: 'serviceCode must be an upper-case service code like SANTUNAN_ANAK' }) serviceCode!: string;
  @IsString() @MinLength(1) @MaxLength(200, { message: 'name must be at most 200 characters' }) name!: string;
  @Matches(RUPIAH, { message: `ceiling ${RUPIAH_MESSAGE}` }) ceiling!: string;
  @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

/** `PUT /api/v1/disbursement/budget-lines/{id}` (ADMIN): a revision, kept in the history. */
export class ReviseBudgetLineRequest {
  @Matches(RUPIAH, { message: `ceiling ${RUPIAH_MESSAGE}` }) ceiling!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  /** why (e.g. "APBD-P 2026"): required, it is the revision's reason in the history */
  @IsString()
  @MinLength(3, { message: 'reason must say why the line is revised (at least 3 characters)' })
  @MaxLength(1000)
  reason!: string;
  /** the version the admin saw: a revision made meanwhile is a 409, not lost */
  @IsInt({ message: 'version must be a whole number' }) @Min(1) version!: number;
}

export interface BudgetLineView {
  id: string;
  agencyCode: string;
  fiscalYear: number;
  source: string;
  serviceCode: string;
  name: string;
  ceiling: string;
  committed: string;
  requested: string;
  paid: string;
  returned: string;
  /** ceiling − committed: what a new commitment may still take */
  remaining: string;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetLineRevisionView {
  version: number;
  ceiling: string;
  name: string;
  reason: string | null;
  changedBy: string;
  changedAt: string;
}

/** `POST /api/v1/disbursement/proposals`: gather verified applications of one standard. */
export class CreateProposalRequest {
  @Matches(AGENCY, { message: 'agencyCode must be an agency code like 33.04' }) agencyCode!: string;
  @IsUUID('all', { message: 'budgetLineId must be a UUID' }) budgetLineId!: string;
  /** the applications to propose; or `allEligible` */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'applicationIds must name at least one application' })
  @ArrayMaxSize(50000, { message: 'applicationIds may name at most 50000 applications' })
  @ArrayUnique({ message: 'applicationIds must not repeat' })
  @IsUUID('all', { each: true, message: 'each of applicationIds must be a UUID' })
  applicationIds?: string[];
  /** every verified application of the line's standard waiting in the pool (up to 50000), instead of naming them */
  @IsOptional() @IsBoolean({ message: 'allEligible must be true or false' }) allEligible?: boolean;
  @IsOptional() @IsString() @MaxLength(2000) note?: string | null;
}

export class ReturnProposalRequest {
  @IsString()
  @MinLength(3, { message: 'reason must say why the proposal is returned (at least 3 characters)' })
  @MaxLength(2000)
  reason!: string;
}

export const PROPOSAL_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'DECREED'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalView {
  id: string;
  agencyCode: string;
  serviceCode: string;
  fiscalYear: number;
  budgetLine: { id: string; name: string; source: string; ceiling: string; committed: string; remaining: string };
  status: ProposalStatus;
  total: string;
  count: number;
  /** total ≤ what the line has left (at the time of reading; approval checks again under lock) */
  fitsBudget: boolean;
  note: string | null;
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  decreeId: string | null;
  items?: Array<{
    applicationId: string;
    ticketNumber: string | null;
    name: string;
    targetGroup: string | null;
    villageCode: string | null;
    amount: string;
  }>;
}

/** `POST /api/v1/disbursement/proposals/{id}/decree`: the signed decree (SK Bupati / SK Walikota). */
export class IssueDecreeRequest {
  @IsString() @MinLength(3, { message: "decreeNumber must be the decree's number" }) @MaxLength(200) decreeNumber!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decreeDate must be a date YYYY-MM-DD' }) decreeDate!: string;
  @IsString() @MinLength(3, { message: 'signatory must name who signed' }) @MaxLength(200) signatory!: string;
}

export class RecordDecreeScanRequest {
  /** where the scanned, registered decree is kept (a document system's reference or an object name) */
  @IsString() @MinLength(3) @MaxLength(500, { message: 'scanRef must be at most 500 characters' }) scanRef!: string;
}

/** `POST …/decrees/{id}/recipients/{applicationId}/correction` (FINANCE): e.g. a corrected bank account. */
export class CorrectRecipientRequest {
  @Matches(/^[0-9]{6,20}$/, { message: 'bankAccount must be 6 to 20 digits' }) bankAccount!: string;
  @IsOptional() @IsString() @MaxLength(200) bankName?: string | null;
  @IsString() @MinLength(3, { message: 'reason must say what was corrected' }) @MaxLength(1000) reason!: string;
}

export class GiveUpRecipientRequest {
  @IsString() @MinLength(3, { message: 'reason must say why the recipient can never be paid' }) @MaxLength(2000) reason!: string;
  @IsString() @MinLength(3, { message: 'publicReason must say, without personal data, why' }) @MaxLength(500) publicReason!: string;
}

export const DECREE_LINE_STATUSES = ['PENDING', 'REQUESTED', 'PAID', 'FAILED', 'NOT_PAID'] as const;
export type DecreeLineStatus = (typeof DECREE_LINE_STATUSES)[number];

export interface DecreeView {
  id: string;
  proposalId: string;
  agencyCode: string;
  serviceCode: string;
  fiscalYear: number;
  budgetLineId: string;
  budgetLineSource: string;
  decreeNumber: string;
  decreeDate: string;
  signatory: string;
  total: string;
  count: number;
  scanRef: string | null;
  issuedBy: string;
  issuedAt: string;
  /** per status: how many lines and their amount */
  lines: Record<DecreeLineStatus, { count: number; amount: string }>;
  requests: Array<{ requestId: string; total: string; count: number; parts: number; status: string; createdAt: string; createdBy: string }>;
  recipients?: Array<{
    applicationId: string;
    ticketNumber: string | null;
    name: string;
    amount: string;
    status: DecreeLineStatus;
    bankAccount: string | null;
    sp2dNumber: string | null;
    reason: string | null;
  }>;
}

export interface PoolItemView {
  applicationId: string;
  agencyCode: string;
  serviceCode: string | null;
  ticketNumber: string | null;
  name: string | null;
  targetGroup: string | null;
  villageCode: string | null;
  status: string;
  proposalId: string | null;
  verifiedAt: string;
  /** false while the dossier has not come from intake yet */
  dossierReady: boolean;
}
