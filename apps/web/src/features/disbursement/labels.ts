// Disbursement's codes by their users' names (budget sources, the statuses of proposals, decree
// lines, requests and settlements), each map typed by the contract's list, and the names of its
// forms' fields by the API's paths, for their field errors.
import type { BudgetSource, DecreeLineStatus, ProposalStatus } from '@contracts';
import type { FieldLabels } from '../../shared/errors/describe';
import type { LabelMap } from '../../shared/i18n/I18n';
import type { DisbursementRequestView } from './api';

export const BUDGET_SOURCE_LABEL: LabelMap<BudgetSource> = {
  APBD_BTT: 'disb.source.APBD_BTT',
  APBD_JPST: 'disb.source.APBD_JPST',
  APBD: 'disb.source.APBD',
  APBN: 'disb.source.APBN',
  DBHCHT: 'disb.source.DBHCHT',
  OTHER: 'disb.source.OTHER',
};

export const PROPOSAL_STATUS_LABEL: LabelMap<ProposalStatus> = {
  DRAFT: 'disb.proposalStatus.DRAFT',
  SUBMITTED: 'disb.proposalStatus.SUBMITTED',
  APPROVED: 'disb.proposalStatus.APPROVED',
  RETURNED: 'disb.proposalStatus.RETURNED',
  DECREED: 'disb.proposalStatus.DECREED',
};

export const PROPOSAL_STATUS_COLOR: Readonly<Record<ProposalStatus, string>> = {
  DRAFT: 'default',
  SUBMITTED: 'blue',
  APPROVED: 'green',
  RETURNED: 'orange',
  DECREED: 'purple',
};

export const LINE_STATUS_LABEL: LabelMap<DecreeLineStatus> = {
  PENDING: 'disb.lineStatus.PENDING',
  REQUESTED: 'disb.lineStatus.REQUESTED',
  PAID: 'disb.lineStatus.PAID',
  FAILED: 'disb.lineStatus.FAILED',
  NOT_PAID: 'disb.lineStatus.NOT_PAID',
};

export const LINE_STATUS_COLOR: Readonly<Record<DecreeLineStatus, string>> = {
  PENDING: 'default',
  REQUESTED: 'blue',
  PAID: 'green',
  FAILED: 'red',
  NOT_PAID: 'volcano',
};

export const POOL_STATUS_LABEL: LabelMap<'ELIGIBLE' | 'PROPOSED' | 'DECREED'> = {
  ELIGIBLE: 'disb.poolStatus.ELIGIBLE',
  PROPOSED: 'disb.poolStatus.PROPOSED',
  DECREED: 'disb.poolStatus.DECREED',
};

/** a request's status (the requests table's CHECK: REQUESTED, PARTLY_SETTLED, SETTLED) */
export const REQUEST_STATUS_LABEL: LabelMap<'REQUESTED' | 'PARTLY_SETTLED' | 'SETTLED'> = {
  REQUESTED: 'disb.requestStatus.REQUESTED',
  PARTLY_SETTLED: 'disb.requestStatus.PARTLY_SETTLED',
  SETTLED: 'disb.requestStatus.SETTLED',
};

/** a request line's, and a settlement's, status */
export const REQUEST_LINE_STATUS_LABEL: LabelMap<keyof DisbursementRequestView['lines']> = {
  REQUESTED: 'disb.requestLine.REQUESTED',
  PAID: 'disb.requestLine.PAID',
  REJECTED: 'disb.requestLine.REJECTED',
};

/** The budget line form's fields (OpenBudgetLineRequest, ReviseBudgetLineRequest). */
export const LINE_FIELDS: FieldLabels = {
  fiscalYear: 'disb.line.fiscalYear',
  source: 'disb.line.source',
  serviceCode: 'disb.line.programme',
  name: 'disb.line.name',
  ceiling: 'disb.line.ceiling',
  note: 'disb.line.note',
  reason: 'disb.revise.reason',
  version: 'field.version',
};

/** A proposal's fields (CreateProposalRequest, ReturnProposalRequest). */
export const PROPOSAL_FIELDS: FieldLabels = {
  budgetLineId: 'disb.proposal.line',
  applicationIds: 'disb.proposal.applications',
  allEligible: 'disb.proposal.applications',
  note: 'disb.proposal.note',
  reason: 'disb.return.reason',
  status: 'field.status',
};

/** The decree's fields (IssueDecreeRequest, RecordDecreeScanRequest). */
export const DECREE_FIELDS: FieldLabels = {
  decreeNumber: 'disb.decree.number',
  decreeDate: 'disb.decree.date',
  signatory: 'disb.decree.signatory',
  scanRef: 'disb.decree.scanRef',
  status: 'field.status',
};

/** A recipient's correction and giving up (CorrectRecipientRequest, GiveUpRecipientRequest). */
export const RECIPIENT_FIELDS: FieldLabels = {
  bankAccount: 'disb.correct.bankAccount',
  bankName: 'disb.correct.bankName',
  reason: 'disb.correct.reason',
  publicReason: 'disb.giveUp.publicReason',
};

/** A schedule's entries (ReplaceScheduleRequest), each error naming `entries[i].field`. */
export const SCHEDULE_FIELDS: FieldLabels = {
  entries: 'dist.schedule.title',
  'entries[].villageCode': 'dist.schedule.village',
  'entries[].place': 'dist.schedule.place',
  'entries[].date': 'dist.schedule.date',
  'entries[].startTime': 'dist.schedule.startTime',
  'entries[].endTime': 'dist.schedule.endTime',
  'entries[].lurahName': 'dist.schedule.lurahName',
  'entries[].lurahNote': 'dist.schedule.lurahNote',
  reason: 'dist.schedule.reason',
  version: 'field.version',
};

/** A handover's fields (RecordHandoverRequest). */
export const HANDOVER_FIELDS: FieldLabels = {
  handedOverAt: 'dist.bast.handedOverAt',
  place: 'dist.bast.place',
  receivedBy: 'dist.bast.receivedBy',
  representative: 'dist.bast.representative',
  representativeRelation: 'dist.bast.representativeRelation',
  signatureRef: 'dist.bast.signatureRef',
  photoRef: 'dist.bast.photoRef',
  note: 'dist.bast.note',
  status: 'field.status',
};
