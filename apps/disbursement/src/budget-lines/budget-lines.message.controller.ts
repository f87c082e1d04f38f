import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  OpenBudgetLineRequest,
  ReviseBudgetLineRequest,
  Rpc,
  type Actor,
  type BudgetLineRevisionView,
  type BudgetLineView,
} from '#contracts';
import { visibleAgencies } from '#domain';
import { requireCanChange, requireCovers, requireRole } from '#platform';
import { uuidOf, validBody } from '../common/validate.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import { ceilingRefusal } from '../domain/budget.js';
import { BudgetLineRepository, toBudgetLineView } from './budget-line.repository.js';

/**
 * Budget lines (pagu) per agency and fiscal year: seen by the agency's staff (a province: its
 * regencies' too), opened and revised by the agency's own ADMIN, every revision kept.
 */
@Controller()
export class BudgetLinesMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly lines: BudgetLineRepository,
  ) {}

  @MessagePattern(Rpc.disbursement.listBudgetLines)
  async list(
    @Payload() body: { actor: Actor; fiscalYear?: number; serviceCode?: string; agencyCode?: string },
  ): Promise<{ items: BudgetLineView[] }> {
    let agencies = visibleAgencies(body.actor);
    if (body.agencyCode) {
      requireCovers(body.actor, body.agencyCode);
      agencies = [body.agencyCode];
    }
    const rows = await this.lines.list(this.ds.manager, agencies, { fiscalYear: body.fiscalYear, serviceCode: body.serviceCode });
    return { items: rows.map(toBudgetLineView) };
  }

  @MessagePattern(Rpc.disbursement.getBudgetLine)
  async get(@Payload() body: { actor: Actor; id: string }): Promise<BudgetLineView & { revisions: BudgetLineRevisionView[] }> {
    const row = await this.lines.get(this.ds.manager, uuidOf(body.id, 'id'));
    if (!row) throw new DisbursementError(DisbursementErrorCode.BudgetLineNotFound, `No budget line ${body.id}`);
    requireCovers(body.actor, row.agency_code, 'this budget line');
    return { ...toBudgetLineView(row), revisions: await this.lines.revisions(this.ds.manager, row.id) };
  }

  @MessagePattern(Rpc.disbursement.openBudgetLine)
  async open(@Payload() body: { actor: Actor; line: unknown }): Promise<BudgetLineView> {
    requireRole(body.actor, 'ADMIN');
    const l = await validBody(OpenBudgetLineRequest, body.line);
    requireCanChange(body.actor, l.agencyCode, 'budget lines');
    const row = await this.ds.transaction((m) =>
      this.lines.open(m, { ...l, name: l.name.trim(), note: l.note ?? null, by: body.actor.username }),
    );
    if (!row) {
      throw new DisbursementError(
        DisbursementErrorCode.BudgetLineExists,
        `Agency ${l.agencyCode} already has a ${l.source} budget line for ${l.serviceCode} in ${l.fiscalYear}: revise it instead`,
        [{ path: 'serviceCode', message: 'a line for this agency, year, source and programme exists' }],
      );
    }
    return toBudgetLineView(row);
  }

  @MessagePattern(Rpc.disbursement.reviseBudgetLine)
  async revise(
    @Payload() body: { actor: Actor; id: string; revision: unknown },
  ): Promise<{ before: BudgetLineView; after: BudgetLineView }> {
    requireRole(body.actor, 'ADMIN');
    const id = uuidOf(body.id, 'id');
    const r = await validBody(ReviseBudgetLineRequest, body.revision);
    return this.ds.transaction(async (m) => {
      // the row lock orders this revision with any commitment running now: the ceiling is checked against the newest committed amount
      const before = await this.lines.get(m, id, true);
      if (!before) throw new DisbursementError(DisbursementErrorCode.BudgetLineNotFound, `No budget line ${id}`);
      requireCanChange(body.actor, before.agency_code, 'this budget line');
      if (before.version !== r.version) {
        throw new DisbursementError(
          DisbursementErrorCode.BudgetLineChanged,
          `Budget line "${before.name}" was revised meanwhile (now version ${before.version}): reload it`,
          [{ path: 'version', message: `is ${r.version}, the line is at version ${before.version}` }],
        );
      }
      const refusal = ceilingRefusal({ ceiling: BigInt(before.ceiling), committed: BigInt(before.committed) }, BigInt(r.ceiling));
      if (refusal)
        throw new DisbursementError(DisbursementErrorCode.CeilingBelowCommitted, `Budget line "${before.name}": ${refusal}`, [
          { path: 'ceiling', message: refusal },
        ]);
      const after = await this.lines.revise(m, id, {
        ceiling: r.ceiling,
        name: r.name?.trim() || before.name,
        reason: r.reason,
        by: body.actor.username,
      });
      return { before: toBudgetLineView(before), after: toBudgetLineView(after) };
    });
  }
}
