import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor } from '#contracts';
import { VisitAttachmentsHandler } from './visit-attachments.handler.js';

/** The gateway asks before storing a visit's file, keeps its reference once stored, and asks where one is to open it. */
@Controller()
export class VisitAttachmentsMessageController {
  constructor(private readonly handler: VisitAttachmentsHandler) {}

  @MessagePattern(Rpc.verification.authorizeAttachment)
  authorize(@Payload() b: { actor: Actor; taskId: string }) {
    return this.handler.authorize(b.actor, b.taskId);
  }

  @MessagePattern(Rpc.verification.addAttachment)
  add(
    @Payload()
    b: {
      actor: Actor;
      taskId: string;
      attachmentId: string;
      objectName: string;
      fileName: string;
      contentType: string;
      size: number;
    },
  ) {
    return this.handler.add(b.actor, b.taskId, b);
  }

  @MessagePattern(Rpc.verification.getAttachment)
  get(@Payload() b: { actor: Actor; taskId: string; attachmentId: string }) {
    return this.handler.get(b.actor, b.taskId, b.attachmentId);
  }
}
