import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects, SERVICES, VerificationCaseOpenedEvent } from '#contracts';
import { Consume, OutboxService, type BatchItem } from '#messaging';

/** Verification opened a case: the application moves from REGISTERED to IN_VERIFICATION. */
@Injectable()
export class CaseOpenedConsumer {
  constructor(private readonly outbox: OutboxService) {}

  @Consume({ durable: SERVICES.intake.consumers[1].durable, subject: Subjects.verificationCaseOpened, schema: VerificationCaseOpenedEvent, batch: true })
  async handle(items: BatchItem<VerificationCaseOpenedEvent>[], manager: EntityManager): Promise<void> {
    const byApp = new Map(items.map((i) => [i.event.applicationId, i]));
    // only a REGISTERED application moves: a late or repeated event changes nothing
    // TypeORM answers an UPDATE … RETURNING with [rows, count]
    const [moved]: [Array<{ id: string; ticket_number: string | null; agency_code: string; service_code: string }>, number] = await manager.query(
      `UPDATE "applications" SET "status" = 'IN_VERIFICATION', "updated_at" = now()
        WHERE "id" = ANY($1::uuid[]) AND "status" = 'REGISTERED'
        RETURNING "id", "ticket_number", "agency_code", "service_code"`,
      [[...byApp.keys()]],
    );
    if (!moved.length) return;
    await manager.query(
      `INSERT INTO "application_history" ("application_id", "from_status", "to_status", "reason", "actor")
       SELECT id, 'REGISTERED', 'IN_VERIFICATION', 'verification case opened', 'system:verification' FROM unnest($1::uuid[]) AS id`,
      [moved.map((m) => m.id)],
    );
    await this.outbox.enqueueMany(
      manager,
      moved.map((m) => ({
        subject: Subjects.intakeApplicationStatusChanged,
        cause: byApp.get(m.id)!.ctx.cause,
        payload: {
          applicationId: m.id, ticketNumber: m.ticket_number, agencyCode: m.agency_code, serviceCode: m.service_code,
          from: 'REGISTERED', to: 'IN_VERIFICATION', reason: 'verification case opened', actor: 'system:verification',
        },
      })),
    );
  }
}
