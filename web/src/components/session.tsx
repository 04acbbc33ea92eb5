/**
 * The session for the whole console: who is signed in, and a way to change it. Nothing else is
 * asked of the hub before the first answer: pages, polls and live sockets start once it is known,
 * and only for what the user's permissions allow.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized } from '../api/client';
import { loadSession, SIGNED_OUT, type Permission, type Session } from '../api/session';

interface SessionContextValue {
  session: Session;
  /** True until the first answer of /api/v1/session. */
  loading: boolean;
  /** Why the session could not be read (the hub is unreachable or failing); pages wait until it can. */
  error: ApiError | undefined;
  setSession(s: Session): void;
  refresh(): void;
}

const SessionContext = createContext<SessionContextValue>({ session: SIGNED_OUT, loading: true, error: undefined, setSession: () => {}, refresh: () => {} });

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ status: 0, title: 'The console could not read your session.', hint: 'Reload the page; if it keeps happening, the hub log says why.' });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(SIGNED_OUT);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();

  const refresh = useCallback(() => {
    loadSession()
      .then((s) => {
        setError(undefined);
        setSession(s);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    refresh();
    return onUnauthorized(() => setSession(SIGNED_OUT));
  }, [refresh]);

  return <SessionContext.Provider value={{ session, loading, error, setSession, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

/** True when the session may use any of `needs` (or needs nothing). */
export function allows(session: Session, needs: readonly Permission[] | undefined): boolean {
  return !needs || needs.length === 0 || needs.some((p) => session.permissions.has(p));
}
