import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type EligibilityRulesView } from '#contracts';
import { UpdateRulesHandler } from './update-rules.handler.js';

@Controller()
export class UpdateRulesMessageController {
  constructor(private readonly handler: UpdateRulesHandler) {}

  @MessagePattern(Rpc.verification.updateRules)
  update(@Payload() b: { actor: Actor; serviceCode: string; settings: unknown }): Promise<EligibilityRulesView> {
    return this.handler.execute(b.actor, b.serviceCode, b.settings);
  }
}
