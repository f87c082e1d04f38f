import { maskNiksInText } from '#domain';

const SENSITIVE_KEYS = /^(nik|kkNumber|kk_number|no_kk|password|accessToken|authorization|cookie)$/i;

/** Deep copy of a log object with every NIK/KK masked and secrets removed. */
export function maskForLog(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return maskNiksInText(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => maskForLog(v, depth + 1));
  if (value && typeof value === 'object') {
    if (value instanceof Error)
      return { type: value.name, message: maskNiksInText(value.message), stack: value.stack && maskNiksInText(value.stack) };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SENSITIVE_KEYS.test(k)) {
        out[k] = typeof v === 'string' && /^\d{16}$/.test(v) ? maskNiksInText(v) : '[redacted]';
      } else out[k] = maskForLog(v, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * Query parameters whose values never identify anyone (paging, codes, statuses, flags, UUIDs,
 * dates): the request log keeps them. Every other value is replaced, whatever its key: a name
 * or NIK searched for (`q`), a username (`assignee`, `actor`), a key added tomorrow.
 */
const PLAIN_QUERY_KEYS = new Set([
  'limit',
  'offset',
  'errorsLimit',
  'status',
  'serviceCode',
  'agencyCode',
  'areaCode',
  'dueSoon',
  'overdue',
  'open',
  'change',
  'against',
  'action',
  'kind',
  'year',
  'from',
  'to',
  'subject',
  'reason',
  'format',
  'lang',
]);

/**
 * A request URL as the request log may keep it: NIK and KK numbers in the path show their last
 * 4 digits, and the value of every query parameter not in PLAIN_QUERY_KEYS is replaced by `***`.
 * Personal searches belong in a request body (proxies and browsers keep URLs too); this is what
 * holds for a URL that still carries one.
 */
export function maskUrl(url: string): string {
  const at = url.indexOf('?');
  const path = maskNiksInText(at < 0 ? url : url.slice(0, at));
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = (eq < 0 ? pair : pair.slice(0, eq)).slice(0, 40);
      if (eq < 0) return maskNiksInText(key);
      return PLAIN_QUERY_KEYS.has(safeDecode(key)) ? maskNiksInText(pair) : `${maskNiksInText(key)}=***`;
    })
    .join('&');
  return `${path}?${query}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
