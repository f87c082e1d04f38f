/**
 * Retries an assertion until it passes or the time is up: asynchronous effects are awaited
 * by what they change, never by a fixed sleep.
 */
export async function eventually<T>(fn: () => Promise<T> | T, { timeoutMs = 15000, intervalMs = 100 } = {}): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) throw last;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
