import { createHash } from 'node:crypto';

/**
 * Bounds on what a consumer accepts before anything recursive touches a message. JSON.parse,
 * class-transformer, class-validator, JSON.stringify and Postgres' jsonb all walk a document
 * recursively: a body nested 100,000 levels deep overflows one of them, the batch fails
 * "unexpectedly", and the message comes back for ever. The contract's payloads are a few levels
 * deep; anything past the bound is refused as it arrives.
 */
export const INBOUND_LIMITS = {
  /** arrays and objects inside each other */
  maxDepth: 64,
  /** longest message id used as-is as an inbox key or named in a rejection */
  maxIdLength: 100,
} as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays/objects deeper than `limit`, found by one pass over the bytes
 * (no parsing, no recursion; UTF-8 continuation bytes are all ≥ 0x80, so they never look like
 * brackets or quotes). Text that is not JSON at all is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(data: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

const PRINTABLE = /^[\x21-\x7e]+$/;

/** An id short and plain enough to name in a rejection or a log; otherwise null. */
export function nameableId(id: unknown): string | null {
  return typeof id === 'string' && id.length <= INBOUND_LIMITS.maxIdLength && PRINTABLE.test(id) ? id : null;
}

/**
 * The inbox key of a message id: the id itself when it is nameable, else a digest of it. A 10 KB
 * eventId used as-is would exceed the inbox index's row size and fail every insert; its digest
 * still recognises the same id coming back.
 */
export function inboxKeyOf(id: string): string {
  return nameableId(id) ?? `sha256:${createHash('sha256').update(id).digest('hex')}`;
}
