import { AgencyContactEntity } from './agencies/agency-contact/agency-contact.entity.js';
import { AuditEntryEntity } from './audit/audit-entry.entity.js';
import { LoginAttemptEntity } from './auth/login/login-attempt.entity.js';
import { RateLimitEntity } from './common/rate-limit/rate-limit.entity.js';
import { IdempotencyKeyEntity } from './common/idempotency/idempotency-key.entity.js';
import { RejectedMessageEntity } from './rejected/rejected-message.entity.js';
import { UserEntity } from './users/user.entity.js';

/** Every entity of the `gateway` schema. */
export const gatewayEntities = [
  UserEntity,
  AuditEntryEntity,
  IdempotencyKeyEntity,
  LoginAttemptEntity,
  RateLimitEntity,
  RejectedMessageEntity,
  AgencyContactEntity,
];
