// Formatting shared by the pages: dates, durations, numbers, and values of unknown shape
// (audit entries and rejected payloads are rendered defensively).

export function formatDateTime(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value as string);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

/** A moment as a short date and time ("12 Jun 2026 14.30"): what a table column has room for. */
export function formatDate(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value as string);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A day as a citizen reads it ("Jumat, 12 Juni 2026"), without the time. */
export function formatDay(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value as string);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(d);
}

export function formatTime(d: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(d);
}

export function formatNumber(n: unknown, locale: string): string {
  return typeof n === 'number' && Number.isFinite(n) ? new Intl.NumberFormat(locale).format(n) : '—';
}

/** Uptime as its two largest units, e.g. "2 hari 3 jam" / "2 d 3 h". */
export function formatDuration(seconds: unknown, units: { d: string; h: string; m: string; s: string }): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.floor(seconds);
  const parts: [number, string][] = [
    [Math.floor(s / 86400), units.d],
    [Math.floor((s % 86400) / 3600), units.h],
    [Math.floor((s % 3600) / 60), units.m],
    [s % 60, units.s],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return `0 ${units.s}`;
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}

/** A short, readable text for a value of unknown shape (an actor, a target, …). */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map(displayValue).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['username', 'displayName', 'name', 'type', 'id']) {
      if (typeof o[k] === 'string' && o[k]) {
        const extra = k !== 'id' && typeof o.id === 'string' ? ` (${o.id})` : '';
        return `${o[k] as string}${k === 'type' && typeof o.id === 'string' ? ` ${o.id}` : extra}`;
      }
    }
    return prettyJson(v, 0);
  }
  return String(v);
}

export function prettyJson(v: unknown, indent = 2): string {
  try {
    return JSON.stringify(v, null, indent) ?? String(v);
  } catch {
    return String(v);
  }
}
