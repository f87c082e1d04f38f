import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type FieldTaskView } from '#contracts';
import { AssignTaskHandler } from './assign-task.handler.js';

@Controller()
export class AssignTaskMessageController {
  constructor(private readonly handler: AssignTaskHandler) {}

  /** The gateway checked that the assignee is an active verifier of the caller's agency (it keeps the accounts). */
  @MessagePattern(Rpc.verification.assignTask)
  assign(@Payload() b: { actor: Actor; taskId: string; assignee: string }): Promise<FieldTaskView> {
    return this.handler.execute(b.actor, b.taskId, b.assignee);
  }
}
