import type { FieldError } from './envelope.js';

/**
 * Request-reply between the gateway and the services (core NATS, always with a timeout): one
 * table, one entry per context (`Rpc.intake.*`, `Rpc.verification.*`, …).
 * Subjects: `sigap.rpc.<service>.<command-or-query>`.
 */
export const Rpc = {
  systemStatus: (service: string) => `sigap.rpc.${service}.system.status`,
  intake: {
    registerApplication: 'sigap.rpc.intake.application.register',
    getApplication: 'sigap.rpc.intake.application.get',
    /** services only (NATS permissions decide who may ask): the data verification assesses, for many applications */
    applicationDossiers: 'sigap.rpc.intake.application.dossiers',
    listApplications: 'sigap.rpc.intake.application.list',
    transitionApplication: 'sigap.rpc.intake.application.transition',
    publicStatus: 'sigap.rpc.intake.application.public-status',
    listStandards: 'sigap.rpc.intake.standard.list',
    getStandard: 'sigap.rpc.intake.standard.get',
    listStandardVersions: 'sigap.rpc.intake.standard.versions',
    createStandard: 'sigap.rpc.intake.standard.create',
    updateStandard: 'sigap.rpc.intake.standard.update',
    getCalendar: 'sigap.rpc.intake.calendar.get',
    addCalendarDay: 'sigap.rpc.intake.calendar.add-day',
    removeCalendarDay: 'sigap.rpc.intake.calendar.remove-day',
    listCalendarChanges: 'sigap.rpc.intake.calendar.changes',
    /** a RETURNED file completed at the front office and registered (issue 11) */
    completeApplication: 'sigap.rpc.intake.application.complete',
    /** warnings while filing: the same person's open application of the service, a NIK from outside the agency */
    filingWarnings: 'sigap.rpc.intake.application.filing-warnings',
  },
  verification: {
    createImport: 'sigap.rpc.verification.registry.import.create',
    getImport: 'sigap.rpc.verification.registry.import.get',
    listImportErrors: 'sigap.rpc.verification.registry.import.errors',
    listImports: 'sigap.rpc.verification.registry.import.list',
    confirmImport: 'sigap.rpc.verification.registry.import.confirm',
    discardImport: 'sigap.rpc.verification.registry.import.discard',
    getRegistrySettings: 'sigap.rpc.verification.registry.settings.get',
    updateRegistrySettings: 'sigap.rpc.verification.registry.settings.update',
    listSnapshots: 'sigap.rpc.verification.registry.snapshot.list',
    diffSnapshots: 'sigap.rpc.verification.registry.snapshot.diff',
    getPerson: 'sigap.rpc.verification.registry.person.get',
    getHousehold: 'sigap.rpc.verification.registry.household.get',
    listCases: 'sigap.rpc.verification.case.list',
    getCase: 'sigap.rpc.verification.case.get',
    assessCase: 'sigap.rpc.verification.case.assess',
    /** a verifier settles a rule that came out NEEDS_REVIEW (PASSED or FAILED, with a reason) */
    settleRule: 'sigap.rpc.verification.case.settle-rule',
    listTasks: 'sigap.rpc.verification.task.list',
    assignTask: 'sigap.rpc.verification.task.assign',
    recordVisit: 'sigap.rpc.verification.task.visit',
    /** may the actor add a photo or document to the task (asked before a byte is stored), and keep one stored */
    authorizeAttachment: 'sigap.rpc.verification.task.attachment.authorize',
    addAttachment: 'sigap.rpc.verification.task.attachment.add',
    /** a stored attachment, for an actor who may see the task (the gateway then streams it from the bucket) */
    getAttachment: 'sigap.rpc.verification.task.attachment.get',
    listRules: 'sigap.rpc.verification.rules.list',
    updateRules: 'sigap.rpc.verification.rules.update',
    listRuleVersions: 'sigap.rpc.verification.rules.versions',
  },
  /** budget lines, the pool, proposals, decrees and requests to the finance office */
  disbursement: {
    listBudgetLines: 'sigap.rpc.disbursement.budget-line.list',
    getBudgetLine: 'sigap.rpc.disbursement.budget-line.get',
    openBudgetLine: 'sigap.rpc.disbursement.budget-line.open',
    reviseBudgetLine: 'sigap.rpc.disbursement.budget-line.revise',
    listPool: 'sigap.rpc.disbursement.pool.list',
    listProposals: 'sigap.rpc.disbursement.proposal.list',
    getProposal: 'sigap.rpc.disbursement.proposal.get',
    createProposal: 'sigap.rpc.disbursement.proposal.create',
    submitProposal: 'sigap.rpc.disbursement.proposal.submit',
    approveProposal: 'sigap.rpc.disbursement.proposal.approve',
    returnProposal: 'sigap.rpc.disbursement.proposal.return',
    issueDecree: 'sigap.rpc.disbursement.decree.issue',
    getDecree: 'sigap.rpc.disbursement.decree.get',
    listDecrees: 'sigap.rpc.disbursement.decree.list',
    recordDecreeScan: 'sigap.rpc.disbursement.decree.scan',
    requestDisbursement: 'sigap.rpc.disbursement.decree.request',
    correctRecipient: 'sigap.rpc.disbursement.decree.correct-recipient',
    giveUpRecipient: 'sigap.rpc.disbursement.decree.give-up-recipient',
    getRequest: 'sigap.rpc.disbursement.request.get',
    getSchedule: 'sigap.rpc.disbursement.schedule.get',
    replaceSchedule: 'sigap.rpc.disbursement.schedule.replace',
    /** the schedule of a ticket's village, for the public status page (place and time only) */
    publicDistribution: 'sigap.rpc.disbursement.schedule.public',
    recordHandover: 'sigap.rpc.disbursement.handover.record',
    listHandovers: 'sigap.rpc.disbursement.handover.list',
    // documents (issue 12): written into DISBURSEMENT_FILES_BUCKET, the answer names the object
    decreeDocument: 'sigap.rpc.disbursement.decree.document',
    accountOpeningFile: 'sigap.rpc.disbursement.decree.account-opening',
    importBankAnswer: 'sigap.rpc.disbursement.decree.bank-answer',
    paymentFile: 'sigap.rpc.disbursement.decree.payment-file',
    realisation: 'sigap.rpc.disbursement.realisation',
  },
} as const;

/** The actor on whose behalf a request is made: carried from the gateway's JWT. */
export interface Actor {
  userId: string;
  username: string;
  agencyCode: string;
  roles: string[];
}

/** An error crossing the request-reply boundary, in the HTTP error shape of CONTRACT.md. */
export interface RpcErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details: FieldError[];
}

export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: RpcErrorBody };

/** Status of one service for the admin's home page. */
export interface ServiceStatus {
  service: string;
  instance: string;
  healthy: boolean;
  checks: { database: boolean; nats: boolean };
  outboxBacklog: number;
  /**
   * the outbox beyond its backlog: rows the server refused for good (too large: set aside,
   * never retried), rows waiting to be retried (e.g. a stream at its byte limit), the last error
   */
  outbox?: { refused: number; retrying: number; lastError: string | null };
  consumers: { durable: string; stream: string; pending: number; ackPending: number; redelivered: number }[];
  uptimeSeconds: number;
  /** set when the service did not answer the gateway */
  error?: string;
}
