/**
 * Who is signed in, and what they may do (GET /api/v1/session: signed in or not, and then the
 * user, their grants, the permissions they hold somewhere, and the session's CSRF token). The
 * console asks it once per load, before any page asks for anything. A hub without sign-in (no such
 * route) runs the console open: every page is shown.
 */
import { ApiError, get, request, setCsrfToken, type Answer } from './client';

export type Permission = 'read' | 'write' | 'configure' | 'approve' | 'audit' | 'admin';
const ALL: readonly Permission[] = ['read', 'write', 'configure', 'approve', 'audit', 'admin'];

export interface Session {
  /** 'open' while the hub has no sign-in; 'signed-in' with a user; 'signed-out' when the hub wants a login. */
  state: 'open' | 'signed-in' | 'signed-out';
  username?: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  /**
   * True when a grant covers the whole site (no zones, no subtrees): figures of the whole hub
   * (/metrics) are for these users only; a reader limited to a zone is refused them.
   */
  siteWide: boolean;
}

type MeAnswer = Answer<'/api/v1/me'>;

function signedIn(me: MeAnswer): Session {
  setCsrfToken(me.csrfToken);
  const roles = [...new Set(me.user.grants.map((g) => g.role))];
  // Every role carries read, so any grant without zones and subtrees reads the whole site.
  const siteWide = me.user.grants.some((g) => !g.zones && !g.paths);
  return { state: 'signed-in', username: me.user.username, roles, permissions: new Set(ALL.filter((p) => me.permissions.includes(p))), siteWide };
}

export const OPEN_SESSION: Session = { state: 'open', roles: [], permissions: new Set(ALL), siteWide: true };
export const SIGNED_OUT: Session = { state: 'signed-out', roles: [], permissions: new Set(), siteWide: false };

/**
 * The current session: GET /api/v1/session, which answers signed in or not without a 401 (a 401
 * would put an error in the browser console of everyone opening the sign-in page); open when the
 * hub has no such route.
 */
export async function loadSession(signal?: AbortSignal): Promise<Session> {
  try {
    const answer = await get('/api/v1/session', signal ? { signal } : {});
    return answer.signedIn && answer.me ? signedIn(answer.me) : SIGNED_OUT;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.problem.code === 'CW_API_NOT_FOUND') return OPEN_SESSION;
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
export async function completeSetup(token: string, username: string, password: string): Promise<{ username: string }> {
  const answer = await request<{ user: { username: string } }>('POST', '/api/v1/setup', { token, username, password });
  return { username: answer.user.username };
}
