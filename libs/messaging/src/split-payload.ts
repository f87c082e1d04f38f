import { utf8Bytes } from './event-size.js';

export interface SplitOptions<T> {
  /** the fields every part repeats (e.g. requestId, decreeNumber, totalAmount) */
  head: Record<string, unknown>;
  /** the field holding the list that is split (e.g. `recipients`) */
  listKey: string;
  items: T[];
  /** the largest a part's JSON may be: the bus's max payload (OutboxService.maxEventBytes()) */
  maxBytes: number;
  /**
   * room kept in every part for what is added after the split: the envelope (eventId,
   * occurredAt, correlationId, causationId) and the message headers. Default 1 KiB.
   */
  reserveBytes?: number;
}

export type Part = Record<string, unknown> & { part: number; parts: number };

/**
 * Splits a payload with a long list into parts that each stay under `maxBytes`, in the order of
 * the list: every part repeats `head`, carries `part` (1-based) and `parts` (how many), and a
 * slice of the list; the slices together are the whole list, each item once. CONTRACT.md's
 * `sigap.disbursement.requested.v1` is split this way ("large decrees are split to stay under
 * the server's max payload"). An item too large for a part on its own is an error naming it.
 */
export function splitIntoParts<T>(opts: SplitOptions<T>): Part[] {
  const reserve = opts.reserveBytes ?? 1024;
  if (opts.listKey in opts.head) throw new Error(`splitIntoParts: head must not carry the list field ${opts.listKey}`);
  // the size of a part with an empty list, counting part/parts at their widest
  const wide = String(Math.max(opts.items.length, 1));
  const base = utf8Bytes(JSON.stringify({ ...opts.head, part: Number(wide), parts: Number(wide), [opts.listKey]: [] })) + reserve;
  const room = opts.maxBytes - base;
  if (room <= 0)
    throw new Error(`splitIntoParts: the fixed fields alone (${base} bytes with the reserve) do not fit in ${opts.maxBytes} bytes`);
  const slices: T[][] = [[]];
  let used = 0;
  opts.items.forEach((item, i) => {
    const size = utf8Bytes(JSON.stringify(item));
    if (size > room) throw new Error(`splitIntoParts: ${opts.listKey}[${i}] is ${size} bytes, more than a part can hold (${room} bytes)`);
    const current = slices[slices.length - 1];
    // a comma before every item but the first of its part
    const add = current.length ? size + 1 : size;
    if (used + add > room) {
      slices.push([item]);
      used = size;
    } else {
      current.push(item);
      used += add;
    }
  });
  return slices.map((slice, i) => ({ ...opts.head, part: i + 1, parts: slices.length, [opts.listKey]: slice }));
}
