import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type RecordVisitRequest } from '#contracts';
import { RecordVisitHandler } from './record-visit.handler.js';

@Controller()
export class RecordVisitMessageController {
  constructor(private readonly handler: RecordVisitHandler) {}

  @MessagePattern(Rpc.verification.recordVisit)
  visit(@Payload() b: { actor: Actor; taskId: string; visit: RecordVisitRequest }) {
    return this.handler.execute(b.actor, b.taskId, b.visit);
  }
}
