/** Live values at or below some path prefixes, over the hub's WebSocket. */
import { useEffect, useState } from 'react';
import { LiveSubscription, type LiveStatus, type LiveValue } from '../api/live';

export interface Live {
  values: ReadonlyMap<string, LiveValue>;
  status: LiveStatus;
  detail: string | undefined;
}

interface State {
  key: string;
  values: ReadonlyMap<string, LiveValue>;
  status: LiveStatus;
  detail?: string;
}

const NONE: ReadonlyMap<string, LiveValue> = new Map();

export function useLiveValues(prefixes: readonly string[]): Live {
  const key = prefixes.join(',');
  const [state, setState] = useState<State>({ key: '', values: NONE, status: 'connecting' });

  useEffect(() => {
    const sub = new LiveSubscription(key ? key.split(',') : [], {
      onValues(batch, snapshot) {
        setState((prev) => {
          const next = new Map(snapshot || prev.key !== key ? [] : prev.values);
          for (const v of batch) {
            const old = next.get(v.path);
            if (!old || old.ts <= v.ts) next.set(v.path, v);
          }
          return { ...prev, key, values: next };
        });
      },
      onStatus(status, detail) {
        setState((prev) => ({ key, values: prev.key === key ? prev.values : NONE, status, ...(detail ? { detail } : {}) }));
      },
    });
    return () => sub.close();
  }, [key]);

  const current = state.key === key;
  return { values: current ? state.values : NONE, status: current ? state.status : 'connecting', detail: current ? state.detail : undefined };
}
