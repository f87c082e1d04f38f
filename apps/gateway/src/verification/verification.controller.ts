import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Rpc,
  AssignTaskRequest,
  RecordVisitRequest,
  SearchCasesRequest,
  UpdateRulesRequest,
  type Actor,
  type CaseView,
  type FieldTaskView,
  type VerifierView,
} from '#contracts';
import { DomainError } from '#platform';
import { AuditService } from '../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../common/auth/actor.decorator.js';
import { Roles } from '../common/auth/roles.decorator.js';
import { uuidParam } from '../common/http/uuid-param.pipe.js';
import { serviceCodeParam } from '../common/http/params.js';
import { ServiceClient } from '#messaging';
import { SearchRequest } from '../common/idempotency/search-request.decorator.js';
import { UserDirectory } from '../users/user-directory.service.js';

function int(value: string | undefined, path: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,7}$/.test(value)) throw DomainError.validation([{ path, message: `${path} must be a whole number` }]);
  return Number(value);
}

function oneOf(value: string | undefined, allowed: readonly string[], path: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value)) throw DomainError.validation([{ path, message: `${path} must be one of ${allowed.join(', ')}` }]);
  return value;
}

/**
 * Verification of applications: cases with each rule's outcome and evidence, duplicates, and
 * field verification tasks with their visits. Staff of the agency (a province: its regencies).
 */
@ApiTags('verification')
@ApiBearerAuth()
@Controller('verification')
export class VerificationController {
  constructor(
    private readonly services: ServiceClient,
    private readonly users: UserDirectory,
    private readonly audit: AuditService,
  ) {}

  @Get('cases')
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({ summary: 'Verification cases of the agencies the caller covers, newest first' })
  @ApiQuery({ name: 'status', required: false, enum: ['AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION', 'VERIFIED', 'REJECTED'] })
  @ApiQuery({ name: 'serviceCode', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  list(
    @CurrentActor() actor: Actor,
    @Query('status') status?: string,
    @Query('serviceCode') serviceCode?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.services.call(Rpc.verification.listCases, {
      actor,
      status: oneOf(status, ['AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION', 'VERIFIED', 'REJECTED'], 'status'),
      serviceCode,
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Post('cases/search')
  @HttpCode(200)
  @SearchRequest()
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'The cases list searched (issue 11): `q` a ticket, a name, a desa or kecamatan, or a whole NIK, in the body',
    description:
      'The filters of GET /verification/cases and `q`, kept out of the URL. Sixteen digits are a NIK, matched in full against the ' +
      'applicant’s and the beneficiary’s (a part of a NIK finds no one); NIKs come back masked but their last 4 digits. Any other text ' +
      'matches the ticket (spaces for its underscores too), the applicant’s or beneficiary’s name, or the name of the applicant’s desa or kecamatan.',
  })
  search(@CurrentActor() actor: Actor, @Body() body: SearchCasesRequest) {
    return this.services.call(Rpc.verification.listCases, { actor, ...body, q: body.q?.trim() || undefined });
  }

  @Get('verifiers')
  @Roles('HEAD', 'ADMIN')
  @ApiOperation({ summary: 'The active verifiers of the caller’s agency: whom a field task can be assigned to (issue 11)' })
  async verifiers(@CurrentActor() actor: Actor): Promise<{ items: VerifierView[] }> {
    return { items: await this.users.activeVerifiersOf(actor.agencyCode) };
  }

  @Get('cases/:caseId')
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({
    summary:
      'A case: each rule with PASSED / FAILED / NEEDS_REVIEW and its evidence, the duplicates named, the field tasks with their visits, the history',
  })
  get(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string): Promise<CaseView> {
    return this.services.call(Rpc.verification.getCase, { actor, caseId });
  }

  @Get('applications/:applicationId/case')
  @Roles('VERIFIER', 'HEAD', 'ADMIN', 'FRONT_OFFICE')
  @ApiOperation({ summary: 'The verification case of an application' })
  byApplication(
    @CurrentActor() actor: Actor,
    @Param('applicationId', uuidParam('applicationId')) applicationId: string,
  ): Promise<CaseView> {
    return this.services.call(Rpc.verification.getCase, { actor, applicationId });
  }

  @Post('cases/:caseId/assessment')
  @HttpCode(200)
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({
    summary:
      'Assess (or re-assess) a case against its application and the current registry: rules, duplicates; the first assessment opens the field tasks',
  })
  async assess(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @ClientIp() ip: string,
  ): Promise<CaseView> {
    const c = await this.services.call<CaseView>(Rpc.verification.assessCase, { actor, caseId });
    await this.audit.record({
      actor,
      action: 'CASE_ASSESSED',
      targetType: 'VERIFICATION_CASE',
      targetId: c.caseId,
      targetLabel: c.ticketNumber,
      agencyCode: c.agencyCode,
      ip,
      after: { status: c.status, outcome: c.outcome, rules: Object.fromEntries(c.rules.map((r) => [r.rule, r.outcome])) },
    });
    return c;
  }

  @Get('tasks')
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({ summary: 'Field verification tasks: per officer (`assignee=me` or a username), by status' })
  @ApiQuery({ name: 'assignee', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['WAITING', 'OPEN', 'DONE', 'CANCELLED'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  tasks(
    @CurrentActor() actor: Actor,
    @Query('assignee') assignee?: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.services.call(Rpc.verification.listTasks, {
      actor,
      assignee: assignee === 'me' ? actor.username : assignee || undefined,
      status: oneOf(status, ['WAITING', 'OPEN', 'DONE', 'CANCELLED'], 'status'),
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Post('tasks/:taskId/assign')
  @HttpCode(200)
  @Roles('HEAD', 'ADMIN')
  @ApiOperation({ summary: 'Assign a field task of the caller’s agency to one of its verifiers (HEAD or ADMIN)' })
  async assign(
    @CurrentActor() actor: Actor,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Body() body: AssignTaskRequest,
    @ClientIp() ip: string,
  ): Promise<FieldTaskView> {
    const user = await this.users.activeVerifierFor(actor, body.assignee);
    const task = await this.services.call<FieldTaskView>(Rpc.verification.assignTask, { actor, taskId, assignee: user.username });
    await this.audit.record({
      actor,
      action: 'FIELD_TASK_ASSIGNED',
      targetType: 'FIELD_TASK',
      targetId: taskId,
      targetLabel: task.ticketNumber,
      agencyCode: task.agencyCode,
      ip,
      after: { stage: task.stage, assignee: task.assignee },
    });
    return task;
  }

  @Post('tasks/:taskId/visits')
  @Roles('VERIFIER')
  @ApiOperation({
    summary: 'Record the visit that answers a field task: findings, recommendation, time, coordinates, attachment references',
    description:
      'Only by the officer the task is assigned to: a task with no officer is refused (409 VERIFICATION_TASK_UNASSIGNED), the head assigns it first. ' +
      '`attachments[].ref` is a file stored through POST …/tasks/{taskId}/attachments (its `ref`) or any other reference as typed; a stored file ' +
      'of another task is a 400 VERIFICATION_ATTACHMENT_UNKNOWN naming it.',
  })
  async visit(
    @CurrentActor() actor: Actor,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Body() visit: RecordVisitRequest,
    @ClientIp() ip: string,
  ) {
    const r = await this.services.call<{ visitId: string; caseStatus: string; task: FieldTaskView }>(Rpc.verification.recordVisit, {
      actor,
      taskId,
      visit,
    });
    // the findings stay in the case (personal data); the trail keeps the recommendation and where the case went
    await this.audit.record({
      actor,
      action: 'FIELD_VISIT_RECORDED',
      targetType: 'FIELD_TASK',
      targetId: taskId,
      targetLabel: r.task.ticketNumber,
      agencyCode: r.task.agencyCode,
      ip,
      after: { stage: r.task.stage, recommendation: visit.recommendation, caseStatus: r.caseStatus },
    });
    return r;
  }

  @Get('rules')
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({ summary: 'The eligibility settings of each service standard' })
  rules(@CurrentActor() actor: Actor) {
    return this.services.call(Rpc.verification.listRules, { actor });
  }

  @Get('rules/:serviceCode/versions')
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'Every version of a service standard’s eligibility settings that bears on the caller’s agency: who set what, when',
  })
  ruleVersions(@CurrentActor() actor: Actor, @Param('serviceCode', serviceCodeParam('serviceCode')) serviceCode: string) {
    return this.services.call(Rpc.verification.listRuleVersions, { actor, serviceCode });
  }

  @Put('rules/:serviceCode')
  @Roles('ADMIN')
  @ApiOperation({
    summary:
      'Set the caller’s agency’s eligibility settings of a service standard (a new version, kept beside the old; assessments from now on follow it)',
  })
  updateRules(
    @CurrentActor() actor: Actor,
    @Param('serviceCode', serviceCodeParam('serviceCode')) serviceCode: string,
    @Body() body: UpdateRulesRequest,
  ) {
    return this.services.call(Rpc.verification.updateRules, { actor, serviceCode, settings: body.settings });
  }
}
