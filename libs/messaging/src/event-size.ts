import { contractSubject } from '#contracts';
import { DomainError } from '#platform';

/** NATS' default `max_payload` (1 MiB), used until the server has said its own. */
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;

const encoder = new TextEncoder();

/** Bytes of a UTF-8 string. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * What a message counts against the server's `max_payload`: its body and its header block
 * (`NATS/1.0\r\n`, one `key: value\r\n` per header, a closing `\r\n`), as the client encodes it.
 */
export function natsMessageBytes(body: string, headers: Record<string, string>): number {
  let h = 'NATS/1.0\r\n'.length + 2;
  for (const [k, v] of Object.entries(headers)) h += encoder.encode(`${k}: ${v}\r\n`).length;
  return utf8Bytes(body) + h;
}

/**
 * An event too big for the message bus, refused in the business transaction that wrote it: the
 * caller's change rolls back with this error (413 over HTTP) instead of leaving an outbox row that
 * no server would ever store. A large list is split into parts first (`splitIntoParts`).
 */
export class EventTooLargeError extends DomainError {
  constructor(
    readonly subject: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    // a user reads the subject of the contract (`sigap.ext.…`), not where Sigap keeps an outside system's copy
    const named = contractSubject(subject);
    super(
      'TOO_LARGE',
      'EVENT_TOO_LARGE',
      `The event on ${named} would be ${bytes} bytes; the message bus takes at most ${maxBytes} bytes per message (the NATS server's max_payload)`,
      [{ path: '', message: `event on ${named} is ${bytes} bytes, over the server's max_payload of ${maxBytes} bytes` }],
    );
  }
}
