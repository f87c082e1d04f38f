/**
 * The drop guard of registry imports: a new snapshot with far fewer people than the current one
 * is more often a truncated export (a filter left on, a sheet cut at 65,536 rows, the wrong
 * regency) than a true change, and made current at once it would turn eligible applicants away.
 * Such an import waits for a verifier's confirmation instead.
 */

/** How far `accepted` falls below `previousRows`, in percent, to two decimals (0 when it does not fall). */
export function dropPercent(previousRows: number, accepted: number): number {
  if (previousRows <= 0 || accepted >= previousRows) return 0;
  return Math.round(((previousRows - accepted) * 10_000) / previousRows) / 100;
}

/**
 * Whether an import must wait: its accepted rows fall by more than `maxDropPercent` percent from
 * the current snapshot's. The first snapshot of an agency (no current one), or one replacing an
 * empty snapshot, never waits; a share of 100 turns the guard off, 0 holds any fall.
 */
export function needsConfirmation(previousRows: number | null, accepted: number, maxDropPercent: number): boolean {
  if (previousRows === null || previousRows <= 0) return false;
  return (previousRows - accepted) * 100 > maxDropPercent * previousRows;
}
