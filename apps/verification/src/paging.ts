/** A whole number within bounds (a missing or odd value: the lower bound). */
export function clamp(n: number, min: number, max: number): number {
  const v = Number.isFinite(Number(n)) ? Math.trunc(Number(n)) : min;
  return Math.min(max, Math.max(min, v));
}

/** `limit` and `offset` of a page, as the list RPCs take them. */
export function pageOf(
  b: { limit?: number; offset?: number },
  defaults: { limit: number; max: number },
): { limit: number; offset: number } {
  return { limit: clamp(b.limit ?? defaults.limit, 1, defaults.max), offset: Math.max(0, b.offset ?? 0) };
}
