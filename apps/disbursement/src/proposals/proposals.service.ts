import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PROGRESS_PART_MAX,
  Rpc,
  Subjects,
  type Actor,
  type CreateProposalRequest,
  type FieldError,
  type ProposalView,
  type StandardView,
} from '#contracts';
import { OutboxService, ServiceClient } from '#messaging';
import { DomainError, requireCanChange, requireCovers, requireRole } from '#platform';
import { BudgetLineRepository } from '../budget-lines/budget-line.repository.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import { benefitAmountOf } from '../domain/benefit.js';
import { remaining } from '../domain/budget.js';
import { chunk, total } from '../domain/parts.js';
import { PoolRepository } from '../pool/pool.repository.js';
import { ProposalRepository, toProposalView } from './proposal.repository.js';

/** Officers who gather verified applications into a proposal and send it to the head. */
export const PROPOSER_ROLES = ['FRONT_OFFICE', 'VERIFIER', 'FINANCE', 'HEAD'] as const;
/** Who approves or returns a proposal (and so commits the money): the head (Kabid / Kepala Dinas). */
export const APPROVER_ROLES = ['HEAD'] as const;

/**
 * Proposals (usulan): verified applications of one standard, each with the standard's benefit
 * amount for its target group, against one budget line. Submitted, then approved by a head
 * who did not submit it (approval commits the money, never beyond the line's ceiling) or
 * returned (its applications are VERIFIED again). Intake hears each step by event.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly ds: DataSource,
    private readonly proposals: ProposalRepository,
    private readonly lines: BudgetLineRepository,
    private readonly pool: PoolRepository,
    private readonly outbox: OutboxService,
    private readonly intake: ServiceClient,
  ) {}

  async view(actor: Actor, id: string, withItems = true): Promise<ProposalView> {
    const row = await this.proposals.get(this.ds.manager, id);
    if (!row) throw new DisbursementError(DisbursementErrorCode.ProposalNotFound, `No proposal ${id}`);
    requireCovers(actor, row.agency_code, 'this proposal');
    const v = toProposalView(row);
    if (withItems) {
      v.items = (await this.proposals.items(this.ds.manager, id)).map((i) => ({
        applicationId: i.application_id,
        ticketNumber: i.ticket_number,
        name: i.name ?? '',
        targetGroup: i.target_group,
        villageCode: i.village_code,
        amount: i.amount,
      }));
    }
    return v;
  }

  async create(actor: Actor, req: CreateProposalRequest): Promise<ProposalView> {
    requireRole(actor, ...PROPOSER_ROLES);
    requireCanChange(actor, req.agencyCode, 'proposals');
    const line = await this.lines.get(this.ds.manager, req.budgetLineId);
    if (!line)
      throw new DisbursementError(DisbursementErrorCode.BudgetLineNotFound, `No budget line ${req.budgetLineId}`, [
        { path: 'budgetLineId', message: 'no such budget line' },
      ]);
    if (line.agency_code !== req.agencyCode) {
      throw new DisbursementError(
        DisbursementErrorCode.BudgetLineMismatch,
        `Budget line "${line.name}" is not agency ${req.agencyCode}'s`,
        [{ path: 'budgetLineId', message: `belongs to agency ${line.agency_code}` }],
      );
    }
    // the amount per recipient is the standard's, read before any lock is taken (intake may be slow)
    const standard = await this.intake.call<StandardView>(Rpc.intake.getStandard, {
      actor: null,
      agencyCode: req.agencyCode,
      code: line.service_code,
    });
    const id = randomUUID();
    if (!req.applicationIds?.length && !req.allEligible) {
      throw DomainError.validation([{ path: 'applicationIds', message: 'name the applications to propose, or set allEligible' }]);
    }
    await this.ds.transaction(async (m) => {
      const ids = req.applicationIds?.length
        ? req.applicationIds
        : await this.pool.eligibleIds(m, req.agencyCode, line.service_code, 50000);
      if (!ids.length) {
        throw new DisbursementError(
          DisbursementErrorCode.NotEligible,
          `No verified application of ${line.service_code} is waiting in agency ${req.agencyCode}'s pool`,
          [{ path: 'allEligible', message: 'the pool has none' }],
        );
      }
      const rows = await this.pool.lockForProposal(m, ids);
      const byId = new Map(rows.map((r) => [r.application_id, r]));
      const errors: FieldError[] = [];
      const unset: string[] = [];
      const items: Array<{ applicationId: string; targetGroup: string | null; amount: bigint }> = [];
      ids.forEach((appId, i) => {
        const path = `applicationIds[${i}]`;
        const r = byId.get(appId);
        if (!r || r.agency_code !== req.agencyCode)
          return errors.push({ path, message: `application ${appId} is not a verified application of agency ${req.agencyCode}` });
        if (!r.dossier_at)
          return errors.push({ path, message: `application ${appId}: its data has not come from intake yet, try again shortly` });
        if (r.service_code !== line.service_code)
          return errors.push({ path, message: `application ${appId} is for ${r.service_code}, the budget line pays ${line.service_code}` });
        if (r.status !== 'ELIGIBLE') return errors.push({ path, message: `application ${appId} is already in proposal ${r.proposal_id}` });
        const amount = benefitAmountOf(standard, r.target_group);
        if (!amount.ok) {
          unset.push(amount.reason);
          return;
        }
        items.push({ applicationId: appId, targetGroup: r.target_group, amount: amount.amount });
      });
      if (unset.length) {
        throw new DisbursementError(DisbursementErrorCode.BenefitAmountUnset, [...new Set(unset)].join('; '), [
          { path: 'applicationIds', message: [...new Set(unset)][0] },
        ]);
      }
      if (errors.length) {
        const mixed = errors.some((e) => e.message.includes('the budget line pays'));
        throw new DisbursementError(
          mixed ? DisbursementErrorCode.MixedStandards : DisbursementErrorCode.NotEligible,
          `${errors.length} of the applications cannot be proposed`,
          errors.slice(0, 100),
        );
      }
      await this.proposals.insert(
        m,
        {
          id,
          agencyCode: req.agencyCode,
          serviceCode: line.service_code,
          fiscalYear: line.fiscal_year,
          budgetLineId: line.id,
          total: total(items.map((i) => i.amount)),
          note: req.note ?? null,
          by: actor.username,
        },
        items,
      );
      await this.pool.setStatus(m, ids, 'PROPOSED', id);
    });
    return this.view(actor, id, false);
  }

  async submit(actor: Actor, id: string): Promise<ProposalView> {
    requireRole(actor, ...PROPOSER_ROLES);
    await this.ds.transaction(async (m) => {
      const p = await this.locked(m, actor, id, 'DRAFT');
      await this.proposals.setStatus(m, id, 'SUBMITTED', { submittedBy: actor.username });
      const ids = await this.proposals.applicationIds(m, id);
      const parts = chunk(ids, PROGRESS_PART_MAX);
      const submittedAt = new Date().toISOString();
      await this.outbox.enqueueMany(
        m,
        parts.map((applicationIds, i) => ({
          subject: Subjects.disbursementProposalSubmitted,
          payload: {
            proposalId: id,
            agencyCode: p.agency_code,
            serviceCode: p.service_code,
            fiscalYear: p.fiscal_year,
            submittedAt,
            part: i + 1,
            parts: parts.length,
            applicationIds,
          },
        })),
      );
    });
    return this.view(actor, id, false);
  }

  /**
   * The head approves: the proposal's total is committed on its budget line in the same
   * transaction, by one guarded UPDATE, so that of two approvals racing for the last rupiah one
   * succeeds and the other is a 409 naming the line and what is left.
   */
  async approve(actor: Actor, id: string): Promise<ProposalView> {
    requireRole(actor, ...APPROVER_ROLES);
    await this.ds.transaction(async (m) => {
      const p = await this.locked(m, actor, id, 'SUBMITTED');
      if (p.submitted_by === actor.username || p.created_by === actor.username) {
        throw new DisbursementError(
          DisbursementErrorCode.SecondOfficerRequired,
          `Proposal ${id} was prepared by ${actor.username}: another head approves it`,
        );
      }
      const amount = BigInt(p.total);
      const after = await this.lines.commit(m, p.budget_line_id, amount);
      if (!after) {
        const line = (await this.lines.get(m, p.budget_line_id))!;
        const left = remaining({ ceiling: BigInt(line.ceiling), committed: BigInt(line.committed) });
        throw new DisbursementError(
          DisbursementErrorCode.CeilingExceeded,
          `Budget line "${line.name}" (${line.source} ${line.fiscal_year}) has ${left} Rupiah left; this proposal needs ${amount}`,
          [{ path: 'budgetLineId', message: `remaining ${left}, needed ${amount}` }],
        );
      }
      await this.proposals.setStatus(m, id, 'APPROVED', { decidedBy: actor.username });
    });
    return this.view(actor, id, false);
  }

  /** The head returns a proposal: nothing is committed, its applications are VERIFIED again (intake hears it). */
  async return(actor: Actor, id: string, reason: string): Promise<ProposalView> {
    requireRole(actor, ...APPROVER_ROLES);
    await this.ds.transaction(async (m) => {
      const p = await this.locked(m, actor, id, 'SUBMITTED');
      await this.proposals.setStatus(m, id, 'RETURNED', { decidedBy: actor.username, returnReason: reason });
      const ids = await this.proposals.applicationIds(m, id);
      await this.pool.setStatus(m, ids, 'ELIGIBLE', null);
      const parts = chunk(ids, PROGRESS_PART_MAX);
      const returnedAt = new Date().toISOString();
      await this.outbox.enqueueMany(
        m,
        parts.map((applicationIds, i) => ({
          subject: Subjects.disbursementProposalReturned,
          payload: {
            proposalId: id,
            agencyCode: p.agency_code,
            serviceCode: p.service_code,
            reason,
            returnedAt,
            part: i + 1,
            parts: parts.length,
            applicationIds,
          },
        })),
      );
    });
    return this.view(actor, id, false);
  }

  private async locked(m: EntityManager, actor: Actor, id: string, status: 'DRAFT' | 'SUBMITTED' | 'APPROVED') {
    const lock = await this.proposals.lock(m, id);
    const p = lock ? await this.proposals.get(m, id) : null;
    if (!p) throw new DisbursementError(DisbursementErrorCode.ProposalNotFound, `No proposal ${id}`);
    requireCanChange(actor, p.agency_code, 'this proposal');
    if (p.status !== status) {
      throw new DisbursementError(DisbursementErrorCode.WrongProposalStatus, `Proposal ${id} is ${p.status}, not ${status}`, [
        { path: 'status', message: `is ${p.status}` },
      ]);
    }
    return p;
  }
}
