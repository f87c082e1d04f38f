import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReplaceScheduleRequest, Rpc, type Actor, type ScheduleView } from '#contracts';
import { ServiceClient } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';

/** Dinsos staff who read a decree's schedule and handovers. */
export const DISTRIBUTION_READERS = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'ADMIN'] as const;
/** Who arranges the distribution with the lurah and records the handovers (checked again by disbursement). */
export const DISTRIBUTION_ROLES = ['VERIFIER', 'FINANCE', 'HEAD'] as const;

/**
 * The distribution schedule (jadwal penyaluran) of a decree: place, date and time per village of
 * its recipients, arranged with the lurah. Answered by disbursement; each change in the audit trail.
 */
@ApiTags('disbursement')
@ApiBearerAuth()
@Controller('disbursement/decrees')
export class ScheduleController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Get(':id/schedule')
  @Roles(...DISTRIBUTION_READERS)
  @ApiOperation({
    summary:
      'A decree’s distribution schedule: an entry per village (place, date, start and end time, the lurah it was arranged with, its recipients), the villages still unscheduled and every version',
  })
  @ApiOkResponse({ description: 'ScheduleView (version 0 and no entries while nothing is scheduled)' })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ScheduleView> {
    return this.services.call(Rpc.disbursement.getSchedule, { actor, id });
  }

  @Put(':id/schedule')
  @Roles(...DISTRIBUTION_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary:
      'Replace a decree’s schedule (the version seen is required: 409 DISBURSEMENT_SCHEDULE_CHANGED if changed meanwhile). Each entry: a village of the decree’s recipients, a date not before the decree, HH:MM times, the lurah. Kept as the next version',
  })
  @ApiOkResponse({ description: 'the ScheduleView after the change' })
  async replace(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReplaceScheduleRequest,
    @ClientIp() ip: string,
  ): Promise<ScheduleView> {
    const { before, after } = await this.services.call<{ before: ScheduleView; after: ScheduleView }>(Rpc.disbursement.replaceSchedule, {
      actor,
      id,
      body,
    });
    const brief = (v: ScheduleView) => v.entries.map((e) => `${e.villageCode} ${e.date} ${e.startTime}-${e.endTime} ${e.place}`);
    await this.audit.record({
      actor,
      action: 'DISTRIBUTION_SCHEDULE_UPDATED',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: after.decreeNumber,
      agencyCode: after.agencyCode,
      ip,
      before: { version: before.version, entries: brief(before) },
      after: { version: after.version, entries: brief(after), reason: body.reason ?? null },
    });
    return after;
  }
}
