import { IsString, IsUUID } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

/** `sigap.verification.case.opened.v1`: verification opened a case for an application. */
export class VerificationCaseOpenedEvent extends EventEnvelope {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  agencyCode!: string;
}
