import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SERVICES, Subjects, VerificationCaseDecidedEvent } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { AuditService } from '../audit.service.js';

const durable = SERVICES.gateway.consumers.find((c) => c.subject === Subjects.verificationCaseDecided)!.durable;

/**
 * Every decision of a verification case in the audit trail (issue 11), the ones verification takes
 * on its own (a rule failed at assessment, the last stage answered) included: from
 * `sigap.verification.case.decided.v1`, in the inbox's transaction, so a redelivery writes no
 * second entry. No person acted: the entry's actor is empty ("Sistem" on the page). The reason for
 * staff stays in the case; the entry keeps the outcome and the citizen's reason (no personal data).
 */
@Injectable()
export class RecordCaseDecidedHandler {
  constructor(private readonly audit: AuditService) {}

  @Consume({ durable, subject: Subjects.verificationCaseDecided, schema: VerificationCaseDecidedEvent, batch: true })
  async handle(items: BatchItem<VerificationCaseDecidedEvent>[], manager: EntityManager): Promise<void> {
    for (const { event } of items) {
      const entry = {
        actor: null,
        action: 'CASE_DECIDED',
        targetType: 'VERIFICATION_CASE',
        targetId: event.caseId ?? event.applicationId,
        targetLabel: event.applicationId,
        agencyCode: event.agencyCode ?? null,
        after: {
          outcome: event.outcome,
          publicReason: event.publicReason ?? null,
          applicationId: event.applicationId,
          by: 'system:verification',
        },
      } as const;
      await this.audit.record(entry, manager);
    }
  }
}
