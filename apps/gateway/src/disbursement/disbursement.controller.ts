import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CorrectRecipientRequest,
  CreateProposalRequest,
  GiveUpRecipientRequest,
  IssueDecreeRequest,
  OpenBudgetLineRequest,
  RecordDecreeScanRequest,
  ReturnProposalRequest,
  ReviseBudgetLineRequest,
  Rpc,
  type Actor,
  type BudgetLineView,
  type DecreeView,
  type ProposalView,
} from '#contracts';
import { ServiceClient } from '#messaging';
import { DomainError } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../common/auth/actor.decorator.js';
import { Roles } from '../common/auth/roles.decorator.js';
import { uuidParam } from '../common/http/uuid-param.pipe.js';

function int(value: string | undefined, path: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,7}$/.test(value)) throw DomainError.validation([{ path, message: `${path} must be a whole number` }]);
  return Number(value);
}

function code(value: string | undefined, path: string, re: RegExp, what: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!re.test(value)) throw DomainError.validation([{ path, message: `${path} must be ${what}` }]);
  return value;
}

const AGENCY = /^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/;
const SERVICE = /^[A-Z][A-Z0-9_]{1,39}$/;
/** Dinsos staff who read budgets, proposals and decrees (the finance office, BPKAD, is outside: it has no account here). */
const STAFF = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'ADMIN'] as const;

/**
 * Budgeting and disbursement (answered by disbursement, every change in the audit trail):
 * budget lines (ADMIN), the pool of verified applications and proposals (officers), approval
 * and decrees (HEAD), requests to the finance office and corrections (FINANCE, the bendahara).
 * Roles are checked here and again by disbursement, with the agency (seeing is not changing).
 */
@ApiTags('disbursement')
@ApiBearerAuth()
@Controller('disbursement')
export class DisbursementController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Get('budget-lines')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'Budget lines (pagu) of the agencies the caller covers: ceiling, committed, requested, paid, returned and remaining, whole Rupiah as strings',
  })
  @ApiQuery({ name: 'fiscalYear', required: false })
  @ApiQuery({ name: 'serviceCode', required: false })
  @ApiQuery({ name: 'agencyCode', required: false })
  listLines(
    @CurrentActor() actor: Actor,
    @Query('fiscalYear') fiscalYear?: string,
    @Query('serviceCode') serviceCode?: string,
    @Query('agencyCode') agencyCode?: string,
  ) {
    return this.services.call(Rpc.disbursement.listBudgetLines, {
      actor,
      fiscalYear: int(fiscalYear, 'fiscalYear'),
      serviceCode: code(serviceCode, 'serviceCode', SERVICE, 'a service code like SANTUNAN_ANAK'),
      agencyCode: code(agencyCode, 'agencyCode', AGENCY, 'an agency code like 33.04'),
    });
  }

  @Get('budget-lines/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A budget line with every revision (who, when, the ceiling, why)' })
  getLine(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.services.call(Rpc.disbursement.getBudgetLine, { actor, id });
  }

  @Post('budget-lines')
  @Roles('ADMIN')
  @ApiOperation({
    summary:
      'Open a budget line: agency, fiscal year, source (APBD_BTT, APBD_JPST, APBN, …), programme (service code), ceiling in whole Rupiah. The agency’s own ADMIN',
  })
  @ApiOkResponse({ description: 'the line, version 1' })
  async openLine(@CurrentActor() actor: Actor, @Body() body: OpenBudgetLineRequest, @ClientIp() ip: string): Promise<BudgetLineView> {
    const line = await this.services.call<BudgetLineView>(Rpc.disbursement.openBudgetLine, { actor, line: body });
    await this.audit.record({
      actor,
      action: 'BUDGET_LINE_OPENED',
      targetType: 'BUDGET_LINE',
      targetId: line.id,
      targetLabel: line.name,
      agencyCode: line.agencyCode,
      ip,
      after: { fiscalYear: line.fiscalYear, source: line.source, serviceCode: line.serviceCode, ceiling: line.ceiling },
    });
    return line;
  }

  @Put('budget-lines/:id')
  @Roles('ADMIN')
  @ApiOperation({
    summary:
      'Revise a budget line’s ceiling (never below what is committed) with a reason; the version seen is required (409 if revised meanwhile). Kept in the history',
  })
  async reviseLine(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviseBudgetLineRequest,
    @ClientIp() ip: string,
  ): Promise<BudgetLineView> {
    const { before, after } = await this.services.call<{ before: BudgetLineView; after: BudgetLineView }>(
      Rpc.disbursement.reviseBudgetLine,
      { actor, id, revision: body },
    );
    await this.audit.record({
      actor,
      action: 'BUDGET_LINE_REVISED',
      targetType: 'BUDGET_LINE',
      targetId: after.id,
      targetLabel: after.name,
      agencyCode: after.agencyCode,
      ip,
      before: { ceiling: before.ceiling, name: before.name, version: before.version },
      after: { ceiling: after.ceiling, name: after.name, version: after.version, reason: body.reason },
    });
    return after;
  }

  @Get('pool')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Verified applications waiting for a proposal (ELIGIBLE), or in one (PROPOSED, DECREED); no NIK' })
  @ApiQuery({ name: 'serviceCode', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['ELIGIBLE', 'PROPOSED', 'DECREED'] })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  pool(
    @CurrentActor() actor: Actor,
    @Query('serviceCode') serviceCode?: string,
    @Query('status') status?: string,
    @Query('agencyCode') agencyCode?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.services.call(Rpc.disbursement.listPool, {
      actor,
      serviceCode: code(serviceCode, 'serviceCode', SERVICE, 'a service code like SANTUNAN_ANAK'),
      status: status || undefined,
      agencyCode: code(agencyCode, 'agencyCode', AGENCY, 'an agency code like 33.04'),
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('proposals')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Proposals (usulan), newest first, each with its total against its budget line' })
  @ApiQuery({ name: 'status', required: false, enum: ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'DECREED'] })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  proposals(
    @CurrentActor() actor: Actor,
    @Query('status') status?: string,
    @Query('agencyCode') agencyCode?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.services.call(Rpc.disbursement.listProposals, {
      actor,
      status: status || undefined,
      agencyCode: code(agencyCode, 'agencyCode', AGENCY, 'an agency code like 33.04'),
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('proposals/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A proposal with its applications and amounts, and its total against the budget line (fitsBudget)' })
  proposal(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ProposalView> {
    return this.services.call(Rpc.disbursement.getProposal, { actor, id });
  }

  @Post('proposals')
  @Roles('FRONT_OFFICE', 'VERIFIER', 'FINANCE', 'HEAD')
  @ApiOperation({
    summary:
      'Gather verified applications of one standard into a proposal (DRAFT) against a budget line; each gets the standard’s benefit amount for its target group (409 DISBURSEMENT_BENEFIT_AMOUNT_UNSET while the standard has none)',
  })
  async createProposal(@CurrentActor() actor: Actor, @Body() body: CreateProposalRequest, @ClientIp() ip: string): Promise<ProposalView> {
    const p = await this.services.call<ProposalView>(Rpc.disbursement.createProposal, { actor, proposal: body }, { timeoutMs: 30000 });
    await this.audit.record({
      actor,
      action: 'PROPOSAL_CREATED',
      targetType: 'PROPOSAL',
      targetId: p.id,
      agencyCode: p.agencyCode,
      ip,
      after: { total: p.total, count: p.count, budgetLineId: p.budgetLine.id },
    });
    return p;
  }

  @Post('proposals/:id/submit')
  @HttpCode(200)
  @Roles('FRONT_OFFICE', 'VERIFIER', 'FINANCE', 'HEAD')
  @ApiOperation({ summary: 'Send a DRAFT proposal to the head: its applications become PROPOSED' })
  async submit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @ClientIp() ip: string): Promise<ProposalView> {
    const p = await this.services.call<ProposalView>(Rpc.disbursement.submitProposal, { actor, id });
    await this.audit.record({
      actor,
      action: 'PROPOSAL_SUBMITTED',
      targetType: 'PROPOSAL',
      targetId: p.id,
      agencyCode: p.agencyCode,
      ip,
      after: { status: p.status, total: p.total },
    });
    return p;
  }

  @Post('proposals/:id/approve')
  @HttpCode(200)
  @Roles('HEAD')
  @ApiOperation({
    summary:
      'The head approves a SUBMITTED proposal (not one he prepared): its total is committed on the budget line, or 409 DISBURSEMENT_CEILING_EXCEEDED naming the line and what is left',
  })
  async approve(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @ClientIp() ip: string): Promise<ProposalView> {
    const p = await this.services.call<ProposalView>(Rpc.disbursement.approveProposal, { actor, id });
    await this.audit.record({
      actor,
      action: 'PROPOSAL_APPROVED',
      targetType: 'PROPOSAL',
      targetId: p.id,
      agencyCode: p.agencyCode,
      ip,
      after: { status: p.status, total: p.total, budgetLineId: p.budgetLine.id, committed: p.budgetLine.committed },
    });
    return p;
  }

  @Post('proposals/:id/return')
  @HttpCode(200)
  @Roles('HEAD')
  @ApiOperation({
    summary: 'The head returns a SUBMITTED proposal with a reason: its applications are VERIFIED again, nothing is committed',
  })
  async returnProposal(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReturnProposalRequest,
    @ClientIp() ip: string,
  ): Promise<ProposalView> {
    const p = await this.services.call<ProposalView>(Rpc.disbursement.returnProposal, { actor, id, body });
    await this.audit.record({
      actor,
      action: 'PROPOSAL_RETURNED',
      targetType: 'PROPOSAL',
      targetId: p.id,
      agencyCode: p.agencyCode,
      ip,
      after: { status: p.status, reason: body.reason },
    });
    return p;
  }

  @Post('proposals/:id/decree')
  @Roles('HEAD')
  @ApiOperation({
    summary:
      'Record the signed decree (SK Bupati / SK Walikota) of an APPROVED proposal: number, date, signatory; its recipients and total follow from the proposal',
  })
  async issueDecree(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: IssueDecreeRequest,
    @ClientIp() ip: string,
  ): Promise<DecreeView> {
    const d = await this.services.call<DecreeView>(
      Rpc.disbursement.issueDecree,
      { actor, proposalId: id, decree: body },
      { timeoutMs: 30000 },
    );
    await this.audit.record({
      actor,
      action: 'DECREE_ISSUED',
      targetType: 'DECREE',
      targetId: d.id,
      targetLabel: d.decreeNumber,
      agencyCode: d.agencyCode,
      ip,
      after: {
        proposalId: id,
        decreeNumber: d.decreeNumber,
        decreeDate: d.decreeDate,
        signatory: d.signatory,
        total: d.total,
        count: d.count,
      },
    });
    return d;
  }

  @Get('decrees')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Decrees, newest first, with their lines per status and their requests' })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  decrees(
    @CurrentActor() actor: Actor,
    @Query('agencyCode') agencyCode?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.services.call(Rpc.disbursement.listDecrees, {
      actor,
      agencyCode: code(agencyCode, 'agencyCode', AGENCY, 'an agency code like 33.04'),
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('decrees/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A decree with each recipient: amount, status (PENDING, REQUESTED, PAID, FAILED, NOT_PAID), SP2D or reason' })
  decree(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DecreeView> {
    return this.services.call(Rpc.disbursement.getDecree, { actor, id });
  }

  @Put('decrees/:id/scan')
  @Roles('HEAD', 'FINANCE', 'ADMIN')
  @ApiOperation({ summary: 'Record the reference of the registered decree’s scan' })
  async scan(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordDecreeScanRequest,
    @ClientIp() ip: string,
  ): Promise<DecreeView> {
    const { before, after } = await this.services.call<{ before: string | null; after: DecreeView }>(Rpc.disbursement.recordDecreeScan, {
      actor,
      id,
      body,
    });
    await this.audit.record({
      actor,
      action: 'DECREE_SCAN_RECORDED',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: after.decreeNumber,
      agencyCode: after.agencyCode,
      ip,
      before: { scanRef: before },
      after: { scanRef: after.scanRef },
    });
    return after;
  }

  @Post('decrees/:id/requests')
  @Roles('FINANCE')
  @ApiOperation({
    summary:
      'The treasurer (bendahara) requests the decree’s unpaid recipients from the finance office: sigap.disbursement.requested.v1, in parts below the bus’s max payload',
  })
  async request(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @ClientIp() ip: string) {
    const r = await this.services.call<{
      requestId: string;
      total: string;
      count: number;
      parts: number;
      decreeNumber: string;
      agencyCode: string;
    }>(Rpc.disbursement.requestDisbursement, { actor, id }, { timeoutMs: 30000 });
    await this.audit.record({
      actor,
      action: 'DISBURSEMENT_REQUESTED',
      targetType: 'DISBURSEMENT_REQUEST',
      targetId: r.requestId,
      targetLabel: r.decreeNumber,
      agencyCode: r.agencyCode,
      ip,
      after: { decreeId: id, total: r.total, count: r.count, parts: r.parts },
    });
    return r;
  }

  @Get('requests/:id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'A request to the finance office: its lines per status and the settlements received' })
  getRequest(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.services.call(Rpc.disbursement.getRequest, { actor, id });
  }

  @Post('decrees/:id/recipients/:applicationId/correction')
  @HttpCode(200)
  @Roles('FINANCE')
  @ApiOperation({ summary: 'Correct a failed (or pending) recipient’s bank account; the next request asks for them again' })
  async correct(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() body: CorrectRecipientRequest,
    @ClientIp() ip: string,
  ) {
    const r = await this.services.call<{ agencyCode: string; decreeNumber: string; before: string | null; after: string }>(
      Rpc.disbursement.correctRecipient,
      { actor, id, applicationId, body },
    );
    // account numbers in the trail show their last 4 digits only
    const mask = (a: string | null) => (a ? `${'*'.repeat(Math.max(0, a.length - 4))}${a.slice(-4)}` : null);
    await this.audit.record({
      actor,
      action: 'RECIPIENT_CORRECTED',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: `${r.decreeNumber} / ${applicationId}`,
      agencyCode: r.agencyCode,
      ip,
      before: { bankAccount: mask(r.before) },
      after: { bankAccount: mask(r.after), reason: body.reason },
    });
    return { applicationId, bankAccount: mask(r.after) };
  }

  @Post('decrees/:id/recipients/:applicationId/give-up')
  @HttpCode(200)
  @Roles('FINANCE')
  @ApiOperation({
    summary: 'A failed recipient who can never be paid: NOT_PAID with a reason (and a public one); the amount returns to the budget line',
  })
  async giveUp(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
    @Body() body: GiveUpRecipientRequest,
    @ClientIp() ip: string,
  ) {
    const r = await this.services.call<{ agencyCode: string; decreeNumber: string; amount: string }>(Rpc.disbursement.giveUpRecipient, {
      actor,
      id,
      applicationId,
      body,
    });
    await this.audit.record({
      actor,
      action: 'RECIPIENT_GIVEN_UP',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: `${r.decreeNumber} / ${applicationId}`,
      agencyCode: r.agencyCode,
      ip,
      after: { amount: r.amount, reason: body.reason, publicReason: body.publicReason },
    });
    return { applicationId, status: 'NOT_PAID', amount: r.amount };
  }
}
