import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ApplicationReceivedEvent, Subjects, durableOf } from '#contracts';
import { Consume, OutboxService, type AfterCommitHooks, type BatchItem } from '#messaging';
import { AssessOpenedCases } from '../assess-case/assess-opened-cases.js';

const subject = Subjects.intakeApplicationReceived;
const durable = durableOf('verification', subject);

/** Intake registered an application: open its verification case (once, whatever the redeliveries). */
@Injectable()
export class ApplicationReceivedConsumer {
  constructor(
    private readonly outbox: OutboxService,
    private readonly assessor: AssessOpenedCases,
  ) {}

  @Consume({ durable, subject, schema: ApplicationReceivedEvent, batch: true, concurrency: 2 })
  async handle(items: BatchItem<ApplicationReceivedEvent>[], manager: EntityManager, tx: AfterCommitHooks): Promise<void> {
    // a standard whose lifecycle skips verification (intake says so) gets no case
    const registered = items.filter((i) => i.event.status === 'REGISTERED' && i.event.requiresVerification !== false);
    if (!registered.length) return;
    const ids = registered.map(() => randomUUID());
    const opened: Array<{ id: string; application_id: string; agency_code: string }> = await manager.query(
      `INSERT INTO "cases" ("id", "application_id", "ticket_number", "agency_code", "service_code", "status", "due_at", "standard_version", "eligibility")
       SELECT id, app, tn, ag, sv, 'AWAITING_ASSESSMENT', due, ver, el FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::jsonb[])
         AS t(id, app, tn, ag, sv, due, ver, el)
       ON CONFLICT ("application_id") DO NOTHING
       RETURNING "id", "application_id", "agency_code"`,
      [
        ids,
        registered.map((i) => i.event.applicationId),
        registered.map((i) => i.event.ticketNumber),
        registered.map((i) => i.event.agencyCode ?? 'UNKNOWN'),
        registered.map((i) => i.event.serviceCode ?? 'UNKNOWN'),
        registered.map((i) => i.event.dueAt),
        registered.map((i) => i.event.standardVersion ?? null),
        // the standard's eligibility settings as intake sent them: they override verification's own (eligibility_rules)
        registered.map((i) => (i.event.eligibility ? JSON.stringify(i.event.eligibility) : null)),
      ],
    );
    const byApp = new Map(registered.map((i) => [i.event.applicationId, i]));
    await this.outbox.enqueueMany(
      manager,
      opened.map((c) => ({
        subject: Subjects.verificationCaseOpened,
        cause: byApp.get(c.application_id)!.ctx.cause,
        payload: { caseId: c.id, applicationId: c.application_id, agencyCode: c.agency_code },
      })),
    );
    // the new cases are visible once this batch commits: assess them then (the assessor's poll would find them anyway)
    if (opened.length) tx.afterCommit(() => this.assessor.kick());
  }
}
