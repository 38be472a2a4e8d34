import { useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../api/api-result';

export type LoadState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Runs `load` on mount and on `reload()`, as a tagged state; a late answer to an older request is
 * ignored, so a slow first load never overwrites a newer one.
 */
export function useApiCall<T>(load: () => Promise<ApiResult<T>>): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const request = ++latest.current;
    setState({ status: 'loading' });
    void load().then((result) => {
      if (request !== latest.current) return;
      setState(result.ok ? { status: 'ready', data: result.data } : { status: 'error', message: result.message });
    });
    // `load` is a stable client method; a new round is the only reason to load again.
  }, [round]);
  return { state, reload: () => setRound((n) => n + 1) };
}
