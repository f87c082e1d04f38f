import { Module, type OnModuleInit } from '@nestjs/common';
import { ListRulesMessageController } from './list-rules/list-rules.message.controller.js';
import { RulesRepository } from './rules.repository.js';
import { UpdateRulesHandler } from './update-rules/update-rules.handler.js';
import { UpdateRulesMessageController } from './update-rules/update-rules.message.controller.js';

/** Eligibility settings (aturan kelayakan): per agency and service, versioned; the one owner of what an assessment applies. */
@Module({
  controllers: [ListRulesMessageController, UpdateRulesMessageController],
  providers: [RulesRepository, UpdateRulesHandler],
  exports: [RulesRepository],
})
export class RulesModule implements OnModuleInit {
  constructor(private readonly rules: RulesRepository) {}

  onModuleInit(): Promise<void> {
    return this.rules.seedDefaults();
  }
}
