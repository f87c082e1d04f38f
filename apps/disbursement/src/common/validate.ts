import type { ClassConstructor } from 'class-transformer';
import { validatePayload } from '#contracts';
import { DomainError } from '#platform';

/** Validates a request body against its contract class here too (the gateway did, but a service trusts no caller): 400 naming each field. */
export async function validBody<T extends object>(cls: ClassConstructor<T>, body: unknown): Promise<T> {
  const r = await validatePayload(cls, body ?? {});
  if (!r.ok) throw DomainError.validation(r.errors);
  return r.value;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a UUID: 400 naming it otherwise. */
export function uuidOf(value: unknown, path: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw DomainError.validation([{ path, message: `${path} must be a UUID` }]);
  return value;
}

/** The name an act is recorded under: the officer's username. */
export function actorName(actor: { username: string }): string {
  return actor.username;
}

/**
 * The rows of an `UPDATE … RETURNING` run through TypeORM's `query()`, which answers UPDATE and
 * DELETE as `[rows, affectedCount]` and INSERT/SELECT as the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  const r = result as unknown[];
  if (r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  return r as T[];
}
