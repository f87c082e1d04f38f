import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Subjects, type Actor, type HandoverListView, type HandoverView, type RecordHandoverRequest } from '#contracts';
import { OutboxService } from '#messaging';
import { DomainError, requireCanChange, requireCovers, requireRole } from '#platform';
import { Clock } from '../config/clock.js';
import { DecreeRepository } from '../decrees/decree.repository.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import { bastNumber, checkHandoverTime, handoverDigest, handoverFacts, handoverRefusal } from '../domain/handover.js';
import { DISTRIBUTION_ROLES } from '../schedule/schedule.service.js';
import { HandoverRepository } from './handover.repository.js';

/**
 * The handover (BAST, berita acara serah terima) of one paid recipient of a decree: who received
 * it (the recipient or a named representative), when, where, the officer, the references of the
 * signature and the photo. Once per decree line: the same body again is answered as the first
 * time, another body is a 409 naming the BAST already recorded. `RecipientHandedOver` goes out
 * through the outbox in the same transaction; intake moves the application to HANDED_OVER.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly ds: DataSource,
    private readonly decrees: DecreeRepository,
    private readonly handovers: HandoverRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: Actor,
    decreeId: string,
    applicationId: string,
    req: RecordHandoverRequest,
  ): Promise<{ handover: HandoverView; created: boolean }> {
    requireRole(actor, ...DISTRIBUTION_ROLES);
    const facts = handoverFacts(req);
    const digest = handoverDigest(facts);
    const { id, created } = await this.ds.transaction(async (m) => {
      const d = await this.decrees.get(m, decreeId);
      if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${decreeId}`);
      requireCanChange(actor, d.agency_code, 'this decree');
      const line = await this.handovers.lockLine(m, decreeId, applicationId);
      if (!line) {
        throw new DisbursementError(DisbursementErrorCode.RecipientNotFound, `Decree ${d.decree_number} has no recipient ${applicationId}`);
      }
      const done = await this.handovers.ofLine(m, line.id);
      if (done) {
        if (done.digest === digest) return { id: done.id, created: false };
        throw new DisbursementError(
          DisbursementErrorCode.AlreadyHandedOver,
          `Recipient ${applicationId} of decree ${d.decree_number} is HANDED_OVER already (${done.bast_number}, ${done.handed_over_at.toISOString()}): a BAST is recorded once`,
          [{ path: 'status', message: `is HANDED_OVER (${done.bast_number})` }],
        );
      }
      const refusal = handoverRefusal(line.status);
      if (refusal) {
        throw new DisbursementError(
          DisbursementErrorCode.RecipientWrongStatus,
          `Recipient ${applicationId} of decree ${d.decree_number} ${refusal}: only a PAID recipient is handed over`,
          [{ path: 'status', message: refusal }],
        );
      }
      const timeErrors = checkHandoverTime(facts.handedOverAt, this.clock.now(), d.decree_date);
      if (timeErrors.length) throw DomainError.validation(timeErrors);
      const year = Number(this.clock.localDate(new Date(facts.handedOverAt)).slice(0, 4));
      const number = bastNumber(d.agency_code, year, await this.handovers.nextCount(m, d.agency_code, year));
      const handoverId = randomUUID();
      await this.handovers.insert(
        m,
        { id: handoverId, bastNumber: number, decreeId, line, agencyCode: d.agency_code, officer: actor.username, digest },
        facts,
      );
      await this.outbox.enqueue(m, Subjects.disbursementRecipientHandedOver, {
        agencyCode: d.agency_code,
        applicationId,
        serviceCode: d.service_code,
        decreeNumber: d.decree_number,
        bastNumber: number,
        handedOverAt: facts.handedOverAt,
        place: facts.place,
      });
      return { id: handoverId, created: true };
    });
    return { handover: (await this.handovers.get(this.ds.manager, id))!, created };
  }

  async list(actor: Actor, decreeId: string): Promise<HandoverListView> {
    const d = await this.decrees.get(this.ds.manager, decreeId);
    if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${decreeId}`);
    requireCovers(actor, d.agency_code, 'this decree');
    const [items, awaiting] = await Promise.all([
      this.handovers.list(this.ds.manager, decreeId),
      this.handovers.awaiting(this.ds.manager, decreeId),
    ]);
    return { decreeId, decreeNumber: d.decree_number, agencyCode: d.agency_code, awaiting, items };
  }
}
