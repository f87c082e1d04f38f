import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { ApplicationSubmission, Rpc, validatePayload, type Actor } from '#contracts';
import { agencyCovers } from '#domain';
import { DomainError } from '#platform';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';
import { checkSubmission, RegisterApplicationHandler, type RegisterResult } from './register-application.handler.js';

/** `POST /api/v1/applications`, relayed by the gateway: a front-office filing. */
@Controller()
export class RegisterApplicationMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly handler: RegisterApplicationHandler,
  ) {}

  @MessagePattern(Rpc.intake.registerApplication)
  async register(@Payload() body: { actor: Actor; submission: unknown }): Promise<RegisterResult> {
    const v = await validatePayload(ApplicationSubmission, body.submission);
    if (!v.ok) throw DomainError.validation(v.errors);
    const errors = checkSubmission(v.value);
    if (errors.length) throw new IntakeError(IntakeErrorCode.InvalidSubmission, 'The application has invalid fields', errors);
    if (!agencyCovers(body.actor.agencyCode, v.value.agencyCode)) {
      throw new IntakeError(IntakeErrorCode.OutsideAgency, `Agency ${body.actor.agencyCode} cannot file for agency ${v.value.agencyCode}`);
    }
    const [result] = await this.ds.transaction((m) => this.handler.registerMany(m, [{ submission: v.value, actor: body.actor.username }]));
    return result;
  }
}
