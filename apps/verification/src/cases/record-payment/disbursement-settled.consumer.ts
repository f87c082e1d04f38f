import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DisbursementSettledEvent, Subjects, durableOf, fromAnySystem } from '#contracts';
import { Consume, type BatchItem } from '#messaging';

const settled = fromAnySystem(Subjects.extFinanceDisbursementSettled);

/**
 * The finance office settled a disbursement: the applications it paid are marked paid on their
 * cases, for the "already paid by this service this fiscal year" duplicate check. Only the
 * per-recipient outcomes name applications; a settlement without them says nothing here.
 */
@Injectable()
export class DisbursementSettledConsumer {
  @Consume({ durable: durableOf('verification', settled), subject: settled, schema: DisbursementSettledEvent, batch: true })
  async handle(items: BatchItem<DisbursementSettledEvent>[], manager: EntityManager): Promise<void> {
    const paid = items.flatMap((i) =>
      (i.event.recipients ?? []).filter((r) => r.status === 'PAID').map((r) => ({ applicationId: r.applicationId, at: i.event.paidAt ?? i.event.occurredAt })),
    );
    if (!paid.length) return;
    await manager.query(
      `UPDATE "cases" c SET "paid_at" = t.at, "updated_at" = now() FROM unnest($1::uuid[], $2::timestamptz[]) AS t(app, at)
        WHERE c."application_id" = t.app AND c."paid_at" IS NULL`,
      [paid.map((p) => p.applicationId), paid.map((p) => p.at)],
    );
  }
}
