import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReplaceScheduleRequest, Rpc, type Actor, type PublicDistributionView, type ScheduleView } from '#contracts';
import { uuidOf, validBody } from '../common/validate.js';
import { ScheduleService } from './schedule.service.js';

/** A decree's distribution schedule: read, replaced, and its public line for a ticket. */
@Controller()
export class ScheduleMessageController {
  constructor(private readonly schedules: ScheduleService) {}

  @MessagePattern(Rpc.disbursement.getSchedule)
  get(@Payload() b: { actor: Actor; id: string }): Promise<ScheduleView> {
    return this.schedules.view(b.actor, uuidOf(b.id, 'id'));
  }

  @MessagePattern(Rpc.disbursement.replaceSchedule)
  async replace(@Payload() b: { actor: Actor; id: string; body: unknown }) {
    return this.schedules.replace(b.actor, uuidOf(b.id, 'id'), await validBody(ReplaceScheduleRequest, b.body));
  }

  /** No actor: the public status page asks with the ticket the citizen holds. */
  @MessagePattern(Rpc.disbursement.publicDistribution)
  publicDistribution(@Payload() b: { ticketNumber: string }): Promise<PublicDistributionView | null> {
    return this.schedules.forTicket(String(b.ticketNumber ?? ''));
  }
}
