import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationStatusChangedEvent, Subjects, durableOf } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { closesCase, closureReason } from '../../domain/case-closure.js';
import { CaseRepository } from '../case.repository.js';

const durable = durableOf('verification', Subjects.intakeApplicationStatusChanged);

/**
 * Intake closed an application (withdrawn, rejected or returned there, or any status outside
 * verification's path that verification did not set: domain/case-closure.ts): its open case is
 * CLOSED with the reason, and its field tasks nobody answered yet are cancelled, so no officer is
 * sent to a family that withdrew. A case already decided stays as it is.
 */
@Injectable()
export class ApplicationStatusChangedConsumer {
  private readonly log = new Logger('close-case');

  constructor(private readonly cases: CaseRepository) {}

  @Consume({ durable, subject: Subjects.intakeApplicationStatusChanged, schema: ApplicationStatusChangedEvent, batch: true })
  async handle(items: BatchItem<ApplicationStatusChangedEvent>[], manager: EntityManager): Promise<void> {
    for (const { event } of items) {
      if (!closesCase({ to: event.to, actor: event.actor })) continue;
      let c = await this.cases.find(manager, { applicationId: event.applicationId }, { forUpdate: true });
      if (!c && (event.from === 'REGISTERED' || event.from === 'IN_VERIFICATION') && event.agencyCode && event.serviceCode) {
        // the closing came before the opening (two durables, no order between them): the case is
        // opened here to be closed at once, and the late application.received finds it (one per application)
        await this.cases.open(manager, [
          {
            applicationId: event.applicationId,
            ticketNumber: event.ticketNumber ?? null,
            agencyCode: event.agencyCode,
            serviceCode: event.serviceCode,
            dueAt: null,
            standardVersion: event.standardVersion ?? null,
          },
        ]);
        c = await this.cases.find(manager, { applicationId: event.applicationId }, { forUpdate: true });
      }
      if (!c) continue;
      const why = closureReason(event.to);
      const closed = await this.cases.close(manager, c.id, 'CLOSED', null, `Kasus ditutup: ${why.id}.`);
      // not open any more (decided, or closed by an earlier change): nothing to do
      if (!closed) continue;
      const cancelled = await this.cases.cancelOpenTasks(manager, c.id);
      await this.cases.history(manager, c.id, event.actor ?? 'system:intake', 'CLOSED', {
        applicationStatus: event.to,
        reason: why.id,
        reasonEn: why.en,
        cancelledTasks: cancelled,
      });
      this.log.log(`case ${c.id} closed: application ${event.applicationId} is ${event.to}; ${cancelled} open task(s) cancelled`);
    }
  }
}
