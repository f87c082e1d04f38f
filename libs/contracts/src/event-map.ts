// What each subject Sigap publishes carries, checked at compile time: the outbox takes for a
// subject only the payload of its class (the way immich's EventMap types its emitter,
// server/src/repositories/event.repository.ts). A new published subject goes here, with its class.
import type { EventEnvelope, RejectedMessage, RejectedMessageDetail } from './envelope.js';
import type { Subjects } from './subjects.js';
import type {
  ApplicationOverdueEvent,
  ApplicationReceivedEvent,
  ApplicationStatusChangedEvent,
  ComplaintUpdatedEvent,
  DecreeIssuedEvent,
  DisbursementRequestedEvent,
  ProposalReturnedEvent,
  ProposalSubmittedEvent,
  RecipientFailedEvent,
  RecipientHandedOverEvent,
  RecipientPaidEvent,
  RegistryImportFinishedEvent,
  ShipmentDispatchedEvent,
  VerificationCaseDecidedEvent,
  VerificationCaseOpenedEvent,
  VerificationCaseRuleSettledEvent,
} from './events/index.js';

/** Subject → payload class of every event a Sigap service publishes (outbound and internal). */
export interface EventMap {
  [Subjects.intakeApplicationReceived]: ApplicationReceivedEvent;
  [Subjects.intakeApplicationStatusChanged]: ApplicationStatusChangedEvent;
  [Subjects.intakeApplicationOverdue]: ApplicationOverdueEvent;
  [Subjects.verificationCaseOpened]: VerificationCaseOpenedEvent;
  [Subjects.verificationCaseDecided]: VerificationCaseDecidedEvent;
  [Subjects.verificationCaseRuleSettled]: VerificationCaseRuleSettledEvent;
  [Subjects.verificationRegistryImportFinished]: RegistryImportFinishedEvent;
  [Subjects.disbursementRequested]: DisbursementRequestedEvent;
  [Subjects.disbursementProposalSubmitted]: ProposalSubmittedEvent;
  [Subjects.disbursementProposalReturned]: ProposalReturnedEvent;
  [Subjects.disbursementDecreeIssued]: DecreeIssuedEvent;
  [Subjects.disbursementRecipientPaid]: RecipientPaidEvent;
  [Subjects.disbursementRecipientFailed]: RecipientFailedEvent;
  [Subjects.disbursementRecipientHandedOver]: RecipientHandedOverEvent;
  [Subjects.logisticsShipmentDispatched]: ShipmentDispatchedEvent;
  [Subjects.complaintsComplaintUpdated]: ComplaintUpdatedEvent;
  // published as they are (no envelope of their own): the eventId is the rejected message's
  [Subjects.rejected]: RejectedMessage;
  [Subjects.rejectedDetail]: RejectedMessageDetail;
}

/** A subject some Sigap service publishes. */
export type PublishedSubject = keyof EventMap;

/**
 * What a publisher writes for `S`: its payload class without the envelope (`eventId`,
 * `occurredAt`, `correlationId`, `causationId`), which the outbox adds.
 */
export type PayloadOf<S extends PublishedSubject> = EventMap[S] extends EventEnvelope
  ? Omit<EventMap[S], keyof EventEnvelope>
  : EventMap[S];
