import { contractSubject, Subjects, type FieldError, type RejectedMessage, type RejectedMessageDetail } from '#contracts';
import { nameableId } from './inbound-limits.js';
import { utf8Bytes } from './event-size.js';
import type { OutgoingEvent } from './outbox.service.js';

const MAX_ERRORS = 50;
const MAX_PATH = 200;
const MAX_MESSAGE = 300;
const MAX_CAUSE = 2000;
/** room for the envelope and headers the outbox adds */
const DETAIL_RESERVE = 4096;

const UUID_OR_DIGITS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{6,}/gi;

/**
 * A long run of digits in an error is a value (a NIK, a KK, a phone number), never a rule:
 * masked, as a last guard behind messages that name only the field and the rule. A UUID is an
 * id Sigap or the sender issued (a request, an application), never a person's number: it stays
 * whole, even where its random hex holds six digits in a row.
 */
export function maskDigits(text: string): string {
  return text.replace(UUID_OR_DIGITS, (m) => (m.includes('-') ? m : '*'.repeat(m.length)));
}

const PLAIN_SEGMENT = /^[A-Za-z_$][\w$]{0,63}(\[\d+\])*$/;
const UNKNOWN_PROPERTY = /^property (.*) should not exist$/s;

/**
 * A path as the sender's own field names make it, except a segment that is not a plain name:
 * the keys of a message are the sender's too ("Siti Aminah", a NIK used as a key), shown as `?`.
 */
function safePath(path: string): string {
  return path
    ? path
        .split('.')
        .map((seg) => (PLAIN_SEGMENT.test(seg) ? seg : '?'))
        .join('.')
    : path;
}

function safeMessage(message: string): string {
  // class-validator's whitelist error quotes the unknown key itself
  const unknown = UNKNOWN_PROPERTY.exec(message);
  return unknown ? `property ${safePath(unknown[1])} should not exist` : message;
}

/**
 * Errors as a rejection may carry them: at most 50, each path and message cut short, keys that
 * are not plain names hidden, long digit runs masked.
 */
export function boundedErrors(errors: readonly FieldError[]): FieldError[] {
  const out = errors.slice(0, MAX_ERRORS).map((e) => ({
    path: maskDigits(safePath(String(e?.path ?? '').slice(0, MAX_PATH))),
    message: maskDigits(safeMessage(String(e?.message ?? '')).slice(0, MAX_MESSAGE)),
  }));
  if (errors.length > MAX_ERRORS) out.push({ path: '', message: `and ${errors.length - MAX_ERRORS} more errors` });
  return out;
}

/**
 * The two events of one rejection: `sigap.rejected` as CONTRACT.md shapes it (eventId, subject,
 * errors; none of the message's values), which outside systems read, and
 * `sigap.rejected.detail` with the payload, reason and consumer, which only the gateway reads,
 * for the admin's replay. A payload too large to travel inside the detail is left out: the
 * detail then names where the original is stored (`source`).
 */
export function rejectionEvents(r: RejectedMessageDetail, maxEventBytes: number): OutgoingEvent[] {
  const errors = boundedErrors(r.errors);
  const eventId = nameableId(r.eventId);
  const subject = r.subject.slice(0, 200);
  // outside systems read the subject they published on (`sigap.ext.…`), not where Sigap stored it
  const outside: RejectedMessage = { eventId, subject: contractSubject(subject), errors };
  let detail: RejectedMessageDetail = {
    ...r,
    eventId,
    subject,
    errors,
    ...(r.cause !== undefined ? { cause: r.cause.slice(0, MAX_CAUSE) } : {}),
  };
  if (detail.payload !== undefined && utf8Bytes(JSON.stringify(detail)) > maxEventBytes - DETAIL_RESERVE) {
    const { payload: _dropped, ...rest } = detail;
    detail = { ...rest, payloadOmitted: 'TOO_LARGE' };
  }
  return [
    { subject: Subjects.rejected, payload: outside, raw: true },
    { subject: Subjects.rejectedDetail, payload: detail, raw: true },
  ];
}
