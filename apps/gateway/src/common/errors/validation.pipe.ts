import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '#contracts';
import { DomainError } from '#platform';

/**
 * The gateway's one ValidationPipe: unknown fields are refused, and every broken rule is
 * reported as `{ path, message }` (`applicant.nik`) in the contract's error body.
 */
export function gatewayValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
