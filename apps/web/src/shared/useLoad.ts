import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** when the last successful answer arrived */
  updatedAt: Date | null;
  reload: () => void;
}

/**
 * Loads `fetcher` now and whenever `deps` change, and every `intervalMs` if given (the next
 * round starts only after the previous answer, so a slow gateway is not piled on). The last
 * good data stays on screen while a refresh fails.
 */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>, deps: unknown[], intervalMs?: number): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [round, setRound] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      setLoading(true);
      try {
        const d = await fetcherRef.current(ctrl.signal);
        if (ctrl.signal.aborted) return;
        setData(d);
        setError(null);
        setUpdatedAt(new Date());
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(e);
      }
      setLoading(false);
      if (intervalMs) timer = setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round, intervalMs]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, updatedAt, reload };
}
