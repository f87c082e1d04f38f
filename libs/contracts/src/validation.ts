import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { FieldError } from './envelope.js';

/** whole Rupiah as a decimal string (never a number: no float on the path of money) */
export const RUPIAH = /^(0|[1-9]\d{0,17})$/;
export const RUPIAH_MESSAGE = 'must be a string of whole Rupiah, e.g. "1500000"';

/** Flattens class-validator's nested errors into `{ path, message }` pairs (`applicant.nik`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ path, message });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates a plain object against a contract class: unknown properties are refused too. */
export async function validatePayload<T extends object>(cls: ClassConstructor<T>, plain: unknown): Promise<Validated<T>> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { ok: false, errors: [{ path: '', message: 'payload must be a JSON object' }] };
  }
  const value = plainToInstance(cls, plain, { enableImplicitConversion: false });
  const errors = await validate(value as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.length ? { ok: false, errors: flattenValidationErrors(errors) } : { ok: true, value };
}
