/** Budget lines (pagu): what a commitment may take, what a revision may set. Pure: no I/O. */

export interface BudgetAmounts {
  ceiling: bigint;
  committed: bigint;
}

/** What a new commitment may still take: ceiling − committed (never below zero). */
export function remaining(line: BudgetAmounts): bigint {
  const left = line.ceiling - line.committed;
  return left > 0n ? left : 0n;
}

/** Whether `amount` fits what the line has left. */
export function fits(line: BudgetAmounts, amount: bigint): boolean {
  return amount >= 0n && line.committed + amount <= line.ceiling;
}

/**
 * Why a revision to `ceiling` is refused, or null: a ceiling never falls below what is already
 * committed (that money is promised in an approved proposal or a decree).
 */
export function ceilingRefusal(line: BudgetAmounts, ceiling: bigint): string | null {
  if (ceiling < 0n) return 'ceiling must not be negative';
  if (ceiling < line.committed) return `ceiling ${ceiling} is below what is already committed (${line.committed})`;
  return null;
}

/** The fiscal year (Indonesia's runs with the calendar year) of an instant, in Western Indonesia Time. */
export function fiscalYearOf(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}
