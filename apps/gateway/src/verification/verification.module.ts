import { Module } from '@nestjs/common';
import { SettleRuleController } from './settle-rule/settle-rule.controller.js';
import { VerificationController } from './verification.controller.js';
import { VisitAttachmentStore } from './visit-attachments/visit-attachment-store.service.js';
import { VisitAttachmentsController } from './visit-attachments/visit-attachments.controller.js';

/** The verifier's routes: cases, rules, field tasks, visits and their photos and documents (answered by verification). */
@Module({ controllers: [VerificationController, SettleRuleController, VisitAttachmentsController], providers: [VisitAttachmentStore] })
export class VerificationModule {}
