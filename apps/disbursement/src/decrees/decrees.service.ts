import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROGRESS_PART_MAX, Subjects, type Actor, type DecreeView, type IssueDecreeRequest } from '#contracts';
import { OutboxService } from '#messaging';
import { requireCanChange, requireCovers, requireRole } from '#platform';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import { chunk } from '../domain/parts.js';
import { PoolRepository } from '../pool/pool.repository.js';
import { ProposalRepository } from '../proposals/proposal.repository.js';
import { DecreeRepository, type DecreeRow } from './decree.repository.js';

/** Who records the signed decree and its registered scan: the head. */
export const DECREE_ROLES = ['HEAD'] as const;

/**
 * Decrees (SK Bupati / SK Walikota): an approved proposal becomes a decree with its number,
 * date and signatory, each recipient with an amount, and the total. Intake hears it
 * (DecreeIssued, in parts of at most PROGRESS_PART_MAX recipients) and moves the applications
 * to DECREED.
 */
@Injectable()
export class DecreesService {
  constructor(
    private readonly ds: DataSource,
    private readonly decrees: DecreeRepository,
    private readonly proposals: ProposalRepository,
    private readonly pool: PoolRepository,
    private readonly outbox: OutboxService,
  ) {}

  async view(actor: Actor, id: string, withRecipients = true): Promise<DecreeView> {
    const d = await this.decrees.get(this.ds.manager, id);
    if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${id}`);
    requireCovers(actor, d.agency_code, 'this decree');
    return this.toView(d, withRecipients);
  }

  async toView(d: DecreeRow, withRecipients: boolean): Promise<DecreeView> {
    const m = this.ds.manager;
    const v: DecreeView = {
      id: d.id,
      proposalId: d.proposal_id,
      agencyCode: d.agency_code,
      serviceCode: d.service_code,
      fiscalYear: d.fiscal_year,
      budgetLineId: d.budget_line_id,
      budgetLineSource: d.budget_line_source,
      decreeNumber: d.decree_number,
      decreeDate: d.decree_date,
      signatory: d.signatory,
      total: d.total,
      count: d.count,
      scanRef: d.scan_ref,
      issuedBy: d.issued_by,
      issuedAt: d.issued_at.toISOString(),
      lines: await this.decrees.summary(m, d.id),
      requests: await this.decrees.requests(m, d.id),
    };
    if (withRecipients) {
      v.recipients = (await this.decrees.lines(m, d.id)).map((l) => ({
        applicationId: l.application_id,
        ticketNumber: l.ticket_number,
        name: l.name,
        amount: l.amount,
        status: l.status,
        // staff read the account to correct it; a full NIK never leaves through this view
        bankAccount: l.bank_account,
        sp2dNumber: l.sp2d_number,
        reason: l.reason,
      }));
    }
    return v;
  }

  async issue(actor: Actor, proposalId: string, req: IssueDecreeRequest): Promise<DecreeView> {
    requireRole(actor, ...DECREE_ROLES);
    const id = await this.ds.transaction(async (m) => {
      await this.proposals.lock(m, proposalId);
      const p = await this.proposals.get(m, proposalId);
      if (!p) throw new DisbursementError(DisbursementErrorCode.ProposalNotFound, `No proposal ${proposalId}`);
      requireCanChange(actor, p.agency_code, 'this proposal');
      if (p.status !== 'APPROVED') {
        throw new DisbursementError(
          DisbursementErrorCode.WrongProposalStatus,
          `Proposal ${proposalId} is ${p.status}: only an approved proposal becomes a decree`,
          [{ path: 'status', message: `is ${p.status}` }],
        );
      }
      if (await this.decrees.numberTaken(m, p.agency_code, req.decreeNumber)) {
        throw new DisbursementError(
          DisbursementErrorCode.DecreeNumberTaken,
          `Agency ${p.agency_code} has a decree numbered ${req.decreeNumber} already`,
          [{ path: 'decreeNumber', message: 'is taken' }],
        );
      }
      const d = await this.decrees.insert(m, {
        proposalId,
        agencyCode: p.agency_code,
        serviceCode: p.service_code,
        fiscalYear: p.fiscal_year,
        budgetLineId: p.budget_line_id,
        decreeNumber: req.decreeNumber.trim(),
        decreeDate: req.decreeDate,
        signatory: req.signatory.trim(),
        by: actor.username,
      });
      if (d.total !== BigInt(p.total)) throw new Error(`decree total ${d.total} differs from the approved proposal's ${p.total}`);
      await this.proposals.setStatus(m, proposalId, 'DECREED', {});
      await this.pool.setStatus(
        m,
        d.lines.map((l) => l.applicationId),
        'DECREED',
        proposalId,
      );
      const parts = chunk(d.lines, PROGRESS_PART_MAX);
      await this.outbox.enqueueMany(
        m,
        parts.map((recipients, i) => ({
          subject: Subjects.disbursementDecreeIssued,
          payload: {
            decreeId: d.id,
            proposalId,
            agencyCode: p.agency_code,
            serviceCode: p.service_code,
            fiscalYear: p.fiscal_year,
            decreeNumber: req.decreeNumber.trim(),
            decreeDate: req.decreeDate,
            signatory: req.signatory.trim(),
            totalAmount: d.total.toString(),
            part: i + 1,
            parts: parts.length,
            recipients,
          },
        })),
      );
      return d.id;
    });
    return this.view(actor, id, false);
  }

  async recordScan(actor: Actor, id: string, scanRef: string): Promise<{ before: string | null; after: DecreeView }> {
    requireRole(actor, 'HEAD', 'FINANCE', 'ADMIN');
    const before = await this.ds.transaction(async (m) => {
      const d = await this.decrees.get(m, id, true);
      if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${id}`);
      requireCanChange(actor, d.agency_code, 'this decree');
      await this.decrees.setScan(m, id, scanRef.trim(), actor.username);
      return d.scan_ref;
    });
    return { before, after: await this.view(actor, id, false) };
  }
}
