// One file per event, by the context that publishes it: `ext/` what outside systems publish
// (inbound), the others what Sigap's services publish.
export * from './ext/application-submitted.event.js';
export * from './ext/complaint-received.event.js';
export * from './ext/disaster-declared.event.js';
export * from './ext/disbursement-settled.event.js';
export * from './ext/distribution-reported.event.js';
export * from './ext/registry-snapshot-published.event.js';
export * from './ext/stock-received.event.js';
export * from './intake/application-received.event.js';
export * from './intake/application-status-changed.event.js';
export * from './intake/application-overdue.event.js';
export * from './verification/case-opened.event.js';
export * from './verification/case-decided.event.js';
export * from './verification/case-rule-settled.event.js';
export * from './verification/registry-import-finished.event.js';
export * from './disbursement/disbursement-requested.event.js';
export * from './disbursement/application-progress.events.js';
export * from './logistics/item-lines.dto.js';
export * from './logistics/shipment-dispatched.event.js';
export * from './complaints/complaint-codes.js';
export * from './complaints/complaint-updated.event.js';
export * from './rejected/rejected-message.event.js';
export * from './rejected/rejected-message-detail.event.js';
