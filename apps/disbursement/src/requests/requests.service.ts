import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Subjects, type Actor, type CorrectRecipientRequest, type GiveUpRecipientRequest, type PayloadOf } from '#contracts';
import { OutboxService, splitIntoParts } from '#messaging';
import { requireCanChange, requireCovers, requireRole } from '#platform';
import { BudgetLineRepository } from '../budget-lines/budget-line.repository.js';
import { DecreeRepository } from '../decrees/decree.repository.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import { total } from '../domain/parts.js';
import { RequestRepository } from './request.repository.js';

/** The treasurer (bendahara) of the Dinas Sosial: sends requests to the finance office, corrects failed recipients. */
export const FINANCE_ROLES = ['FINANCE'] as const;

/**
 * Requests to the finance office (`sigap.disbursement.requested.v1`, CONTRACT.md): a decree's
 * recipients still to pay (all of them the first time; the corrected failed ones after), split
 * into parts below the bus's max payload that together are the request. The request, its lines
 * and its parts in the outbox commit together: a process killed after the commit publishes
 * them on restart, once (Nats-Msg-Id = eventId).
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly decrees: DecreeRepository,
    private readonly requests: RequestRepository,
    private readonly lines: BudgetLineRepository,
    private readonly outbox: OutboxService,
  ) {}

  async request(
    actor: Actor,
    decreeId: string,
  ): Promise<{ requestId: string; total: string; count: number; parts: number; decreeNumber: string; agencyCode: string }> {
    requireRole(actor, ...FINANCE_ROLES);
    return this.ds.transaction(async (m) => {
      // the decree's row lock: two treasurers pressing at once make one request
      const d = await this.decrees.get(m, decreeId, true);
      if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${decreeId}`);
      requireCanChange(actor, d.agency_code, 'this decree');
      const todo = await this.decrees.lines(m, decreeId, ['PENDING', 'FAILED']);
      if (!todo.length) {
        throw new DisbursementError(
          DisbursementErrorCode.NothingToRequest,
          `Decree ${d.decree_number} has no recipient to request: each is requested, paid or given up`,
        );
      }
      const id = randomUUID();
      const sum = total(todo.map((l) => BigInt(l.amount)));
      const parts = splitIntoParts({
        head: {
          requestId: id,
          agencyCode: d.agency_code,
          decreeNumber: d.decree_number,
          fiscalYear: d.fiscal_year,
          budgetLine: d.budget_line_source,
          totalAmount: sum.toString(),
        },
        listKey: 'recipients',
        items: todo.map((l) => ({
          applicationId: l.application_id,
          nik: l.nik,
          name: l.name,
          amount: l.amount,
          bankAccount: l.bank_account,
        })),
        maxBytes: this.outbox.maxBytes(),
      });
      await this.requests.insert(
        m,
        { id, decreeId, agencyCode: d.agency_code, total: sum, parts: parts.length, by: actor.username },
        todo.map((l) => ({ id: l.id, applicationId: l.application_id, amount: l.amount })),
      );
      await this.lines.adjust(m, d.budget_line_id, { requested: sum });
      // splitIntoParts repeats the head and slices the recipients: each part is a whole DisbursementRequestedEvent
      await this.outbox.enqueueMany(
        m,
        parts.map((payload) => ({
          subject: Subjects.disbursementRequested,
          payload: payload as unknown as PayloadOf<typeof Subjects.disbursementRequested>,
        })),
      );
      return {
        requestId: id,
        total: sum.toString(),
        count: todo.length,
        parts: parts.length,
        decreeNumber: d.decree_number,
        agencyCode: d.agency_code,
      };
    });
  }

  /** A failed recipient corrected (the bank account): requested again by the next request. */
  async correct(actor: Actor, decreeId: string, applicationId: string, c: CorrectRecipientRequest) {
    requireRole(actor, ...FINANCE_ROLES);
    return this.ds.transaction(async (m) => {
      const { d, line } = await this.openRecipient(m, actor, decreeId, applicationId, 'corrected');
      await this.decrees.correctAccount(m, line.id, applicationId, c.bankAccount, c.bankName ?? null);
      return { agencyCode: d.agency_code, decreeNumber: d.decree_number, before: line.bank_account, after: c.bankAccount };
    });
  }

  /**
   * A recipient who can never be paid (moved away, deceased, refused): out of the decree's payout
   * with a reason; the amount returns to the budget line and intake closes the application.
   */
  async giveUp(actor: Actor, decreeId: string, applicationId: string, g: GiveUpRecipientRequest) {
    requireRole(actor, ...FINANCE_ROLES);
    return this.ds.transaction(async (m) => {
      const { d, line } = await this.openRecipient(m, actor, decreeId, applicationId, 'given up');
      await this.decrees.giveUp(m, line.id, g.reason);
      const amount = BigInt(line.amount);
      await this.lines.adjust(m, d.budget_line_id, { committed: -amount, returned: amount });
      await this.outbox.enqueue(m, Subjects.disbursementRecipientFailed, {
        agencyCode: d.agency_code,
        applicationId,
        serviceCode: d.service_code,
        decreeNumber: d.decree_number,
        reason: g.reason,
        publicReason: g.publicReason,
        final: true,
        failedAt: new Date().toISOString(),
      });
      return { agencyCode: d.agency_code, decreeNumber: d.decree_number, amount: amount.toString() };
    });
  }

  async view(actor: Actor, requestId: string) {
    const r = await this.requests.get(this.ds.manager, requestId);
    if (!r) throw new DisbursementError(DisbursementErrorCode.RequestNotFound, `No request ${requestId}`);
    requireCovers(actor, r.agency_code, 'this request');
    const lines = await this.requests.lines(this.ds.manager, requestId);
    const by = (s: string) => lines.filter((l) => l.status === s);
    const sum = (ls: typeof lines) => total(ls.map((l) => BigInt(l.amount))).toString();
    const settlements = await this.requests.settlements(this.ds.manager, requestId);
    return {
      requestId: r.id,
      decreeId: r.decree_id,
      agencyCode: r.agency_code,
      total: r.total,
      count: r.count,
      parts: r.parts,
      status: r.status,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
      lines: {
        REQUESTED: { count: by('REQUESTED').length, amount: sum(by('REQUESTED')) },
        PAID: { count: by('PAID').length, amount: sum(by('PAID')) },
        REJECTED: { count: by('REJECTED').length, amount: sum(by('REJECTED')) },
      },
      settlements,
    };
  }

  /** The decree and its recipient's line, in the caller's scope, while the line is still open (pending or failed). */
  private async openRecipient(m: EntityManager, actor: Actor, decreeId: string, applicationId: string, act: 'corrected' | 'given up') {
    const d = await this.decrees.get(m, decreeId);
    if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${decreeId}`);
    requireCanChange(actor, d.agency_code, 'this decree');
    const line = await this.decrees.line(m, decreeId, applicationId);
    if (!line)
      throw new DisbursementError(DisbursementErrorCode.RecipientNotFound, `Decree ${d.decree_number} has no recipient ${applicationId}`);
    if (line.status !== 'FAILED' && line.status !== 'PENDING') {
      throw new DisbursementError(
        DisbursementErrorCode.RecipientWrongStatus,
        `Recipient ${applicationId} of decree ${d.decree_number} is ${line.status}: only a pending or failed recipient is ${act}`,
      );
    }
    return { d, line };
  }
}
