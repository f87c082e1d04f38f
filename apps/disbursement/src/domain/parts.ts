/** Lists cut into slices of at most `max` (the progress events name ≤ PROGRESS_PART_MAX applications each). */
export function chunk<T>(items: readonly T[], max: number): T[][] {
  if (max < 1) throw new Error('chunk: max must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += max) out.push(items.slice(i, i + max));
  return out;
}

/** The sum of whole-Rupiah amounts, exactly. */
export function total(amounts: Iterable<bigint>): bigint {
  let t = 0n;
  for (const a of amounts) t += a;
  return t;
}
