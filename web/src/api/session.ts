/**
 * Who is signed in, and what they may do (GET /api/v1/me: the user, their grants, the permissions
 * they hold somewhere, and the session's CSRF token). A hub without sign-in (no /api/v1/me route)
 * runs the console open: every page is shown.
 */
import { ApiError, request, setCsrfToken, type Answer } from './client';

export type Permission = 'read' | 'write' | 'configure' | 'approve' | 'audit' | 'admin';
const ALL: readonly Permission[] = ['read', 'write', 'configure', 'approve', 'audit', 'admin'];

export interface Session {
  /** 'open' while the hub has no sign-in; 'signed-in' with a user; 'signed-out' when the hub wants a login. */
  state: 'open' | 'signed-in' | 'signed-out';
  username?: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
}

type MeAnswer = Answer<'/api/v1/me'>;

function signedIn(me: MeAnswer): Session {
  setCsrfToken(me.csrfToken);
  const roles = [...new Set(me.user.grants.map((g) => g.role))];
  return { state: 'signed-in', username: me.user.username, roles, permissions: new Set(ALL.filter((p) => me.permissions.includes(p))) };
}

export const OPEN_SESSION: Session = { state: 'open', roles: [], permissions: new Set(ALL) };
export const SIGNED_OUT: Session = { state: 'signed-out', roles: [], permissions: new Set() };

/** The current session: GET /api/v1/me, or open when the hub has no such route yet. */
export async function loadSession(): Promise<Session> {
  try {
    return signedIn(await request<MeAnswer>('GET', '/api/v1/me'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.problem.code === 'CW_API_NOT_FOUND') return OPEN_SESSION;
    if (e instanceof ApiError && e.status === 401) return SIGNED_OUT;
    throw e;
  }
}

/** Sign in with a password; the answer carries the CSRF token for later writes. */
export async function signIn(username: string, password: string): Promise<Session> {
  return signedIn(await request<MeAnswer>('POST', '/api/v1/login', { username, password }));
}

/** End the session. */
export async function signOut(): Promise<void> {
  await request('POST', '/api/v1/logout');
  setCsrfToken(undefined);
}

/** Redeem the one-time setup token printed at first start: creates the first admin. */
export async function completeSetup(token: string, username: string, password: string): Promise<void> {
  await request('POST', '/api/v1/setup', { token, username, password });
}
