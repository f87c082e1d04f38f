import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { ApplicationSubmission } from '#contracts';
import { DomainError, ScopeError, ScopeErrorCode } from '#platform';
import { GatewayError, GatewayErrorCode } from './gateway-error.js';
import { toErrorBody } from './http-exception.filter.js';
import { gatewayValidationPipe } from './validation.pipe.js';

describe('toErrorBody', () => {
  it("keeps a DomainError's status, code and details", () => {
    const body = toErrorBody(DomainError.validation([{ path: 'applicant.nik', message: 'nik must be 16 digits' }]));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request has invalid fields',
      code: 'VALIDATION_FAILED',
      details: [{ path: 'applicant.nik', message: 'nik must be 16 digits' }],
    });
  });

  it("gives the gateway's extra statuses (429, 422) their names", () => {
    expect(toErrorBody(new GatewayError('TOO_MANY_REQUESTS', GatewayErrorCode.RATE_LIMITED, 'slow down'))).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'RATE_LIMITED',
    });
    expect(toErrorBody(new GatewayError('UNPROCESSABLE', GatewayErrorCode.IDEMPOTENCY_KEY_REUSED, 'reused'))).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
    });
    expect(toErrorBody(new ScopeError(ScopeErrorCode.ROLE_REQUIRED, 'no'))).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      code: 'ROLE_REQUIRED',
    });
  });

  it("reshapes Nest's HttpExceptions and body-parser errors", () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/v1/x'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No route GET /api/v1/x',
      code: 'ROUTE_NOT_FOUND',
      details: [],
    });
    const parse = Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' });
    expect(toErrorBody(parse)).toMatchObject({ statusCode: 400, message: 'The request body is not valid JSON', details: [] });
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(toErrorBody(tooLarge)).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('hides anything unexpected behind a 500', () => {
    expect(toErrorBody(new Error('password=hunter2 leaked'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred',
      code: 'INTERNAL',
      details: [],
    });
  });
});

describe('gatewayValidationPipe', () => {
  it('names each nested field and each unknown one', async () => {
    const pipe = gatewayValidationPipe();
    const body = {
      agencyCode: '61.71',
      serviceCode: 'SANTUNAN_ANAK',
      channel: 'FRONT_OFFICE',
      extra: 1,
      applicant: {
        nik: '123',
        kkNumber: '6171010101880002',
        name: 'A',
        birthDate: '1988-02-15',
        sex: 'F',
        address: 'Jl. X',
        villageCode: '61.71.01.1001',
      },
      documents: [{ type: 'KTP' }, { type: 'PASSPORT' }],
    };
    const err = await pipe.transform(body, { type: 'body', metatype: ApplicationSubmission }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    const details = (err as DomainError).details;
    expect(details).toContainEqual({ path: 'applicant.nik', message: 'nik must be 16 digits' });
    expect(details).toContainEqual({ path: 'extra', message: 'property extra should not exist' });
    expect(details.map((d) => d.path)).toContain('documents[1].type');
  });
});
