import { maskNiksInText } from '#domain';

const SENSITIVE_KEYS = /^(nik|kkNumber|kk_number|no_kk|password|accessToken|authorization|cookie)$/i;

/** Deep copy of a log object with every NIK/KK masked and secrets removed. */
export function maskForLog(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return maskNiksInText(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => maskForLog(v, depth + 1));
  if (value && typeof value === 'object') {
    if (value instanceof Error) return { type: value.name, message: maskNiksInText(value.message), stack: value.stack && maskNiksInText(value.stack) };
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
