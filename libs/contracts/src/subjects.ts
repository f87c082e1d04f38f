/**
 * Subjects of the external contract (CONTRACT.md) and Sigap's own events.
 * Form: `sigap.<context>.<aggregate>.<past-verb>.v<N>`; a change of payload is a new version.
 */
export const Subjects = {
  // inbound, published by department systems
  extApplicationSubmitted: 'sigap.ext.application.submitted.v1',
  extDisasterDeclared: 'sigap.ext.disaster.declared.v1',
  extFinanceDisbursementSettled: 'sigap.ext.finance.disbursement.settled.v1',
  extLogisticsDistributionReported: 'sigap.ext.logistics.distribution.reported.v1',
  extComplaintReceived: 'sigap.ext.complaint.received.v1',
  extLogisticsStockReceived: 'sigap.ext.logistics.stock.received.v1',
  /** extends CONTRACT.md: a department system announces a registry (DTSEN) snapshot it put in the drop bucket */
  extRegistrySnapshotPublished: 'sigap.ext.registry.snapshot.published.v1',
  // outbound, published by Sigap
  intakeApplicationReceived: 'sigap.intake.application.received.v1',
  intakeApplicationStatusChanged: 'sigap.intake.application.status-changed.v1',
  /** an open application passed its due time (said once per application) */
  intakeApplicationOverdue: 'sigap.intake.application.overdue.v1',
  disbursementRequested: 'sigap.disbursement.requested.v1',
  disbursementProposalSubmitted: 'sigap.disbursement.proposal.submitted.v1',
  disbursementProposalReturned: 'sigap.disbursement.proposal.returned.v1',
  disbursementDecreeIssued: 'sigap.disbursement.decree.issued.v1',
  disbursementRecipientPaid: 'sigap.disbursement.recipient.paid.v1',
  disbursementRecipientFailed: 'sigap.disbursement.recipient.failed.v1',
  disbursementRecipientHandedOver: 'sigap.disbursement.recipient.handed-over.v1',
  logisticsShipmentDispatched: 'sigap.logistics.shipment.dispatched.v1',
  complaintsComplaintUpdated: 'sigap.complaints.complaint.updated.v1',
  /** extends CONTRACT.md: a registry import ended (COMPLETED or FAILED), for the department that announced it */
  verificationRegistryImportFinished: 'sigap.verification.registry.import.finished.v1',
  // internal events between services
  verificationCaseOpened: 'sigap.verification.case.opened.v1',
  /** verification decided a case: the application is VERIFIED or REJECTED */
  verificationCaseDecided: 'sigap.verification.case.decided.v1',
  /** a verifier settled a rule that needed review (extends CONTRACT.md) */
  verificationCaseRuleSettled: 'sigap.verification.case.rule-settled.v1',
  // dead letters: malformed or undeliverable messages, kept for an admin to replay
  /** as outside systems see it (CONTRACT.md): `{ eventId, subject, errors }`, without the message's values */
  rejected: 'sigap.rejected',
  /**
   * extends CONTRACT.md: the same rejection with the refused payload, reason and consumer, for the
   * admin's replay; only the gateway reads it (stream SIGAP_REJECTED_DETAIL, kept for the
   * installation's retention period of rejected payloads)
   */
  rejectedDetail: 'sigap.rejected.detail',
} as const;

export type Subject = (typeof Subjects)[keyof typeof Subjects];
