/** A UUID as Postgres and class-validator accept it (any version), either case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a UUID: checked before an id from a request reaches SQL, so a malformed id
 * is "not found" rather than a Postgres error (22P02).
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
