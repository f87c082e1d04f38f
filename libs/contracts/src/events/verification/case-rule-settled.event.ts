import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

/**
 * `sigap.verification.case.rule-settled.v1` (extends CONTRACT.md): a verifier settled a rule of a
 * case that had come out NEEDS_REVIEW, PASSED or FAILED; `caseStatus` is the case's status after
 * it (decided, when nothing else was pending). The verifier's reason stays on the case (staff only).
 */
export class VerificationCaseRuleSettledEvent extends EventEnvelope {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  agencyCode!: string;

  @IsString()
  @MaxLength(100)
  rule!: string;

  @IsIn(['PASSED', 'FAILED'], { message: 'outcome must be PASSED or FAILED' })
  outcome!: 'PASSED' | 'FAILED';

  @IsString()
  @MaxLength(50)
  caseStatus!: string;
}
