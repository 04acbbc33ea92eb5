/** Load data now and every `intervalMs`, keeping the last good answer while a reload runs. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Polled<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the first answer (or error) for the current key. */
  loading: boolean;
  reload(): void;
}

interface State<T> {
  key: string;
  data?: T;
  error?: ApiError;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ status: 0, title: (e as Error).message || 'Something went wrong.', hint: 'Reload the page; if it keeps happening, the browser console says more.' });
}

/**
 * `key` names what is loaded (change it to load something else; what was loaded for another key
 * is never shown); `load` may change on every render. An interval of 0 loads once.
 */
export function usePoll<T>(key: string, load: (signal: AbortSignal) => Promise<T>, intervalMs = 0): Polled<T> {
  const [state, setState] = useState<State<T>>({ key: '' });
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function run() {
      try {
        const data = await loader.current(abort.signal);
        if (!abort.signal.aborted) setState({ key, data });
      } catch (e) {
        if (!abort.signal.aborted) setState((prev) => ({ key, ...(prev.key === key ? { data: prev.data } : {}), error: asApiError(e) }));
      }
      if (!abort.signal.aborted && intervalMs > 0) timer = setTimeout(() => void run(), intervalMs);
    }
    void run();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [key, intervalMs, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !current, reload };
}
