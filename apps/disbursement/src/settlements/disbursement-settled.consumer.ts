import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DisbursementSettledEvent, durableOf, Subjects, fromAnySystem, type FieldError, type RejectedMessageDetail } from '#contracts';
import { Consume, OutboxService, type BatchItem } from '#messaging';
import { BudgetLineRepository } from '../budget-lines/budget-line.repository.js';
import { DecreeRepository } from '../decrees/decree.repository.js';
import { planSettlement } from '../domain/settlement.js';
import { total } from '../domain/parts.js';
import { RequestRepository } from '../requests/request.repository.js';

const subject = fromAnySystem(Subjects.extFinanceDisbursementSettled);
const durable = durableOf('disbursement', subject);

/**
 * `sigap.ext.finance.disbursement.settled.v1` from the finance office: each line of the request
 * PAID (with the SP2D number) or REJECTED (with the reason), per recipient when it names them.
 *
 * - The request is looked up in disbursement's own tables, written in the transaction that also
 *   wrote its outbox rows: a settlement that overtakes the relay's "sent" mark is handled.
 * - An unknown request, a recipient not in it, a request of an agency the publisher does not
 *   speak for: `sigap.rejected`, nothing changes.
 * - The same settlement under a new eventId finds its lines settled and changes nothing.
 * - A paid line counts once: the request line moves from REQUESTED only once, and a decree line
 *   has one open-or-paid request line at most (UQ_request_lines_open).
 * Settlements of a batch run one after another in the batch's transaction, each seeing the last.
 */
@Injectable()
export class DisbursementSettledConsumer {
  private readonly log = new Logger('disbursement-settled');

  constructor(
    private readonly requests: RequestRepository,
    private readonly decrees: DecreeRepository,
    private readonly lines: BudgetLineRepository,
    private readonly outbox: OutboxService,
  ) {}

  @Consume({ durable, subject, schema: DisbursementSettledEvent, batch: true })
  async handle(items: BatchItem<DisbursementSettledEvent>[], manager: EntityManager): Promise<void> {
    const rejected: RejectedMessageDetail[] = [];
    for (const { event, ctx } of items) {
      const errors = await this.settle(manager, event, ctx);
      if (errors) {
        rejected.push({
          eventId: event.eventId,
          subject: ctx.subject,
          errors,
          reason: 'VALIDATION',
          consumer: durable,
          payload: event,
          rejectedAt: new Date().toISOString(),
          source: ctx.position,
        });
      }
    }
    if (rejected.length) await this.outbox.enqueueRejections(manager, rejected);
  }

  /** Applies one settlement; returns why it is refused (nothing written then), or null. */
  private async settle(
    m: EntityManager,
    event: DisbursementSettledEvent,
    ctx: BatchItem<DisbursementSettledEvent>['ctx'],
  ): Promise<FieldError[] | null> {
    const source = ctx.source!;
    // the request's row lock orders settlements of one request (another replica's batch waits)
    const request = await this.requests.get(m, event.requestId, true);
    if (!request) return [{ path: 'requestId', message: `is not a disbursement request Sigap sent (${event.requestId})` }];
    if (!source.agencies.includes('*') && !source.agencies.includes(request.agency_code)) {
      return [{ path: 'requestId', message: `is a request of agency ${request.agency_code}, which ${source.system} does not speak for` }];
    }
    const lines = await this.requests.lines(
      m,
      request.id,
      event.recipients?.map((r) => r.applicationId),
    );
    const plan = planSettlement(
      lines.map((l) => ({ applicationId: l.application_id, status: l.status })),
      event,
    );
    if (!plan.ok) return plan.errors;
    const paidAt = event.paidAt ?? event.occurredAt;
    const settled = await this.requests.settle(m, request.id, event.eventId, plan.changes, paidAt);
    if (settled.length) await this.requests.refreshStatusAfterSettling(m, request.id);
    await this.requests.recordSettlement(m, {
      eventId: event.eventId,
      requestId: request.id,
      system: source.system,
      status: event.status,
      sp2dNumber: event.sp2dNumber ?? null,
      reason: event.reason ?? null,
      settled: settled.length,
      unchanged: plan.unchanged,
    });
    if (!settled.length) {
      this.log.log(`settlement ${event.eventId} of request ${request.id} changed nothing (its lines were settled already)`);
      return null;
    }
    const decree = (await this.decrees.get(m, request.decree_id))!;
    const paid = settled.filter((s) => s.status === 'PAID');
    const failed = settled.filter((s) => s.status === 'REJECTED');
    const paidSum = total(paid.map((s) => BigInt(s.amount)));
    await this.lines.adjust(m, decree.budget_line_id, { requested: -total(settled.map((s) => BigInt(s.amount))), paid: paidSum });
    const reasons = new Map(plan.changes.map((c) => [c.applicationId, c]));
    await this.outbox.enqueueMany(m, [
      ...paid.map((s) => ({
        subject: Subjects.disbursementRecipientPaid,
        cause: ctx.cause,
        payload: {
          agencyCode: decree.agency_code,
          applicationId: s.application_id,
          serviceCode: decree.service_code,
          fiscalYear: decree.fiscal_year,
          amount: s.amount,
          decreeNumber: decree.decree_number,
          sp2dNumber: reasons.get(s.application_id)?.sp2dNumber ?? null,
          paidAt,
        },
      })),
      ...failed.map((s) => ({
        subject: Subjects.disbursementRecipientFailed,
        cause: ctx.cause,
        payload: {
          agencyCode: decree.agency_code,
          applicationId: s.application_id,
          serviceCode: decree.service_code,
          decreeNumber: decree.decree_number,
          reason: reasons.get(s.application_id)?.reason ?? 'rejected by the finance office',
          publicReason: 'Pembayaran tertunda: data penerima sedang diperbaiki',
          final: false,
          failedAt: event.occurredAt,
        },
      })),
    ]);
    this.log.log(
      `settlement ${event.eventId} of request ${request.id}: ${paid.length} paid (${paidSum} Rupiah), ${failed.length} rejected, ${plan.unchanged} unchanged`,
    );
    return null;
  }
}
