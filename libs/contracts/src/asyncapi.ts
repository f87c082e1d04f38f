// The AsyncAPI document of the contract, generated from the contract classes themselves
// (their class-validator rules become JSON Schemas), so the document cannot drift from the
// validation that consumers apply.
import type { ClassConstructor } from 'class-transformer';
// class-transformer has no exports map; its CommonJS storage is the one our @Type decorators fill
// @ts-expect-error -- no types for this deep path; its shape is what class-validator-jsonschema expects
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { Subjects } from './subjects.js';
import {
  ApplicationOverdueEvent,
  ApplicationReceivedEvent,
  ApplicationStatusChangedEvent,
  ApplicationSubmittedEvent,
  ComplaintReceivedEvent,
  ComplaintUpdatedEvent,
  DecreeIssuedEvent,
  DisasterDeclaredEvent,
  DisbursementRequestedEvent,
  DisbursementSettledEvent,
  DistributionReportedEvent,
  ProposalReturnedEvent,
  ProposalSubmittedEvent,
  RecipientFailedEvent,
  RecipientHandedOverEvent,
  RecipientPaidEvent,
  RegistryImportFinishedEvent,
  RegistrySnapshotPublishedEvent,
  RejectedMessageDetailEvent,
  RejectedMessageEvent,
  VerificationCaseRuleSettledEvent,
  ShipmentDispatchedEvent,
  StockReceivedEvent,
  VerificationCaseDecidedEvent,
  VerificationCaseOpenedEvent,
} from './events/index.js';

export interface ContractMessage {
  subject: string;
  payload: ClassConstructor<object>;
  /** inbound: published by outside systems; outbound: by Sigap for anyone; internal: between Sigap's services */
  direction: 'inbound' | 'outbound' | 'internal';
  summary: string;
}

/** Every message of the contract with its payload class. */
export const CONTRACT_MESSAGES: ContractMessage[] = [
  {
    subject: Subjects.extApplicationSubmitted,
    payload: ApplicationSubmittedEvent,
    direction: 'inbound',
    summary: 'An SLRT desk or kelurahan system filed an application',
  },
  {
    subject: Subjects.extDisasterDeclared,
    payload: DisasterDeclaredEvent,
    direction: 'inbound',
    summary: 'BPBD declared a disaster: emergency logistics dispatch at once',
  },
  {
    subject: Subjects.extFinanceDisbursementSettled,
    payload: DisbursementSettledEvent,
    direction: 'inbound',
    summary: 'The finance office paid or rejected a disbursement request',
  },
  {
    subject: Subjects.extLogisticsDistributionReported,
    payload: DistributionReportedEvent,
    direction: 'inbound',
    summary: 'A regency or a disaster post reports what it handed out',
  },
  {
    subject: Subjects.extComplaintReceived,
    payload: ComplaintReceivedEvent,
    direction: 'inbound',
    summary: 'A complaint from SP4N-LAPOR! or a channel bot',
  },
  {
    subject: Subjects.extLogisticsStockReceived,
    payload: StockReceivedEvent,
    direction: 'inbound',
    summary: 'Aid received into a warehouse',
  },
  {
    subject: Subjects.extRegistrySnapshotPublished,
    payload: RegistrySnapshotPublishedEvent,
    direction: 'inbound',
    summary:
      'A department system announces a registry (DTSEN) snapshot it put in its own Object Store drop bucket (sigap_registry_drops for ext, sigap_drops_<system> for the others), with the file digest (extends CONTRACT.md)',
  },
  {
    subject: Subjects.intakeApplicationReceived,
    payload: ApplicationReceivedEvent,
    direction: 'outbound',
    summary: 'An application was registered or returned',
  },
  {
    subject: Subjects.intakeApplicationStatusChanged,
    payload: ApplicationStatusChangedEvent,
    direction: 'outbound',
    summary: 'Every status change of an application',
  },
  {
    subject: Subjects.intakeApplicationOverdue,
    payload: ApplicationOverdueEvent,
    direction: 'internal',
    summary: 'An open application passed its due time (said once per application)',
  },
  {
    subject: Subjects.disbursementRequested,
    payload: DisbursementRequestedEvent,
    direction: 'outbound',
    summary: "A decree's budget is to be paid out (full NIK: for the finance office only)",
  },
  {
    subject: Subjects.disbursementProposalSubmitted,
    payload: ProposalSubmittedEvent,
    direction: 'internal',
    summary:
      'Applications gathered in a proposal (usulan) for the head: VERIFIED → PROPOSED; large proposals in parts (extends CONTRACT.md)',
  },
  {
    subject: Subjects.disbursementProposalReturned,
    payload: ProposalReturnedEvent,
    direction: 'internal',
    summary: 'The head returned a proposal: PROPOSED → VERIFIED (extends CONTRACT.md)',
  },
  {
    subject: Subjects.disbursementDecreeIssued,
    payload: DecreeIssuedEvent,
    direction: 'internal',
    summary: 'An approved proposal became a decree with its recipients and amounts: PROPOSED → DECREED; in parts (extends CONTRACT.md)',
  },
  {
    subject: Subjects.disbursementRecipientPaid,
    payload: RecipientPaidEvent,
    direction: 'internal',
    summary: 'The finance office paid one recipient: DECREED → DISBURSING; read by verification for "paid this year" (extends CONTRACT.md)',
  },
  {
    subject: Subjects.disbursementRecipientFailed,
    payload: RecipientFailedEvent,
    direction: 'internal',
    summary:
      'One recipient could not be paid: corrected and requested again, or (final) out of the lifecycle as NOT_PAID (extends CONTRACT.md)',
  },
  {
    subject: Subjects.disbursementRecipientHandedOver,
    payload: RecipientHandedOverEvent,
    direction: 'internal',
    summary:
      'The handover (BAST, numbered BAST/<agency>/<year>/<n>) of one paid recipient, recorded once: DISBURSING → HANDED_OVER (extends CONTRACT.md)',
  },
  {
    subject: Subjects.logisticsShipmentDispatched,
    payload: ShipmentDispatchedEvent,
    direction: 'outbound',
    summary: 'Stock left a warehouse',
  },
  {
    subject: Subjects.complaintsComplaintUpdated,
    payload: ComplaintUpdatedEvent,
    direction: 'outbound',
    summary: 'A complaint was registered, classified, disposed, answered, or breached its deadline',
  },
  {
    subject: Subjects.verificationCaseOpened,
    payload: VerificationCaseOpenedEvent,
    direction: 'internal',
    summary: 'Verification opened a case for an application',
  },
  {
    subject: Subjects.verificationCaseDecided,
    payload: VerificationCaseDecidedEvent,
    direction: 'internal',
    summary:
      'Verification decided a case: the application is VERIFIED or REJECTED, with the service, target group and ticket disbursement begins from',
  },
  {
    subject: Subjects.verificationCaseRuleSettled,
    payload: VerificationCaseRuleSettledEvent,
    direction: 'internal',
    summary: 'A verifier settled a rule that needed review, PASSED or FAILED; the case then proceeds to its decision (extends CONTRACT.md)',
  },
  {
    subject: Subjects.verificationRegistryImportFinished,
    payload: RegistryImportFinishedEvent,
    direction: 'outbound',
    summary:
      'A registry import ended, COMPLETED or FAILED, uploaded or announced; one that fell too far below the current snapshot is told AWAITING_CONFIRMATION, then COMPLETED (confirmed) or DISCARDED (extends CONTRACT.md)',
  },
  {
    subject: Subjects.rejected,
    payload: RejectedMessageEvent,
    direction: 'outbound',
    summary: 'A message that failed validation or exhausted its retries: its eventId, subject and errors, none of its values',
  },
  {
    subject: Subjects.rejectedDetail,
    payload: RejectedMessageDetailEvent,
    direction: 'internal',
    summary:
      "The same rejection with the refused payload, reason and consumer, for the admin's replay; read by the gateway only, kept for the installation's retention period of rejected payloads (extends CONTRACT.md)",
  },
];

/** The AsyncAPI 3.0 document of Sigap's NATS contract. */
export function asyncApiDocument(): Record<string, unknown> {
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  });
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const m of CONTRACT_MESSAGES) {
    const id = m.subject.replace(/[^a-zA-Z0-9]+/g, '_');
    const name = m.payload.name;
    messages[name] = {
      name,
      summary: m.summary,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: { 'Nats-Msg-Id': { type: 'string', description: 'equal to eventId: JetStream drops a re-published copy' } },
      },
      payload: { $ref: `#/components/schemas/${name}` },
    };
    channels[id] = {
      address: m.subject,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      description: `${m.direction}: ${m.summary}`,
    };
    operations[`${m.direction === 'inbound' ? 'receive' : 'send'}_${id}`] = {
      action: m.direction === 'inbound' ? 'receive' : 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: m.summary,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Sigap events',
      version: '1.0.0',
      description: [
        'NATS JetStream subjects of Sigap. Every message carries eventId (UUID) and the header Nats-Msg-Id with the same value; a message whose eventId was already processed has no further effect. A message that fails validation is answered on sigap.rejected.',
        'Each outside system connects as a NATS user of its own, declared by the operator with the agencies it speaks for, the inbound subjects it may publish and the outbound subjects it may read (README, Security). It publishes the contract subjects shown here; inside Sigap its events are stored on sigap.from.<system>.<rest of the subject>, so the publisher is known, and an event for an agency it does not speak for is answered on sigap.rejected with an error on agencyCode (regencyCode for disaster and distribution reports).',
        'Durable reading: for each outbound subject it may read, a system has a durable consumer that pushes to sigap.deliver.<system>.<subject without the sigap. prefix>; subscribe to it and acknowledge each message by replying to it (an empty message). What arrives while the system is away waits for it; an unacknowledged message comes again after 30 s.',
        'sigap.disbursement.requested.v1 (full NIKs) is read, and sigap.ext.finance.disbursement.settled.v1 published, only by systems declared for it (the finance office); the development user ext has neither.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:14222',
        protocol: 'nats',
        description: 'npm start; outside systems connect as users of their own (ext and finance-local in development)',
      },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}
