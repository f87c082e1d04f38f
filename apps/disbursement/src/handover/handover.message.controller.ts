import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RecordHandoverRequest, Rpc, type Actor } from '#contracts';
import { uuidOf, validBody } from '../common/validate.js';
import { HandoverService } from './handover.service.js';

/** Handovers (BAST) of a decree's paid recipients: recorded once, listed. */
@Controller()
export class HandoverMessageController {
  constructor(private readonly handovers: HandoverService) {}

  @MessagePattern(Rpc.disbursement.recordHandover)
  async record(@Payload() b: { actor: Actor; id: string; applicationId: string; body: unknown }) {
    return this.handovers.record(
      b.actor,
      uuidOf(b.id, 'id'),
      uuidOf(b.applicationId, 'applicationId'),
      await validBody(RecordHandoverRequest, b.body),
    );
  }

  @MessagePattern(Rpc.disbursement.listHandovers)
  list(@Payload() b: { actor: Actor; id: string }) {
    return this.handovers.list(b.actor, uuidOf(b.id, 'id'));
  }
}
