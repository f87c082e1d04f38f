import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor } from '#contracts';
import { ConfirmImportService, type ImportDecision } from './confirm-import.service.js';

/** A verifier confirms or discards a registry import held by the drop guard. */
@Controller()
export class ConfirmImportMessageController {
  constructor(private readonly decisions: ConfirmImportService) {}

  @MessagePattern(Rpc.verification.confirmImport)
  confirm(@Payload() body: { actor: Actor; importId: string }): Promise<ImportDecision> {
    return this.decisions.confirm(body.actor, body.importId);
  }

  @MessagePattern(Rpc.verification.discardImport)
  discard(@Payload() body: { actor: Actor; importId: string }): Promise<ImportDecision> {
    return this.decisions.discard(body.actor, body.importId);
  }
}
