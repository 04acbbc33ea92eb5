/** The session for the whole console: who is signed in, and a way to change it. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { onUnauthorized } from '../api/client';
import { loadSession, OPEN_SESSION, SIGNED_OUT, type Permission, type Session } from '../api/session';

interface SessionContextValue {
  session: Session;
  /** True until the first answer of /api/v1/me. */
  loading: boolean;
  setSession(s: Session): void;
  refresh(): void;
}

const SessionContext = createContext<SessionContextValue>({ session: OPEN_SESSION, loading: false, setSession: () => {}, refresh: () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(OPEN_SESSION);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(() => {
    loadSession()
      .then(setSession)
      // The hub is unreachable or failing: stay open; each page shows the API's own problem.
      .catch(() => setSession(OPEN_SESSION))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    refresh();
    return onUnauthorized(() => setSession(SIGNED_OUT));
  }, [refresh]);

  return <SessionContext.Provider value={{ session, loading, setSession, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

/** True when the session may use any of `needs` (or needs nothing). */
export function allows(session: Session, needs: readonly Permission[] | undefined): boolean {
  return !needs || needs.length === 0 || needs.some((p) => session.permissions.has(p));
}
