/**
 * Who is asking: sign-in with lockout, and the principal behind a session cookie or an API token.
 * Every sign-in, failed or not, and every sign-out is in the audit log; when the log cannot record,
 * nobody signs in.
 */
import { CausewayError } from '../core/errors.js';
import type { AuditLog } from './audit.js';
import { checkPassword } from './passwords.js';
import type { Subject } from './rbac.js';
import type { Session, Sessions } from './sessions.js';
import type { ApiToken, Tokens } from './tokens.js';
import type { LoginFailures, User, Users } from './users.js';

export interface Principal {
  user: User;
  via: 'session' | 'token';
  session?: Session;
  token?: ApiToken;
  /** The grants to check, narrowed to a token's scopes. */
  subject: Subject;
  /** The name the audit log records. */
  actor: string;
}

export interface Client {
  address?: string;
  userAgent?: string;
}

export interface IdentityParts {
  users: Users;
  sessions: Sessions;
  tokens: Tokens;
  failures: LoginFailures;
  audit: AuditLog;
  now: () => number;
}

export class Identity {
  readonly #p: IdentityParts;

  constructor(parts: IdentityParts) {
    this.#p = parts;
  }

  /** Check the password and start a new session; throws CW_AUTH_LOGIN_FAILED, CW_AUTH_LOCKED or CW_AUDIT_WRITE_FAILED. */
  async login(username: string, password: string, client: Client): Promise<{ principal: Principal; secret: string }> {
    const { users, failures, audit, now } = this.#p;
    const at = (): { address?: string } => (client.address ? { address: client.address } : {});
    const locked = failures.lockedUntil(username, now());
    if (locked !== undefined) {
      audit.append({ actor: username, ...at(), action: 'login', outcome: 'refused', detail: { reason: 'locked' } });
      const seconds = Math.ceil((locked - now()) / 1000);
      throw new CausewayError('CW_AUTH_LOCKED', { minutes: Math.ceil(seconds / 60) }, { retryAfterSeconds: seconds });
    }
    const stored = users.passwordHashOf(username);
    const ok = (await checkPassword(password, stored?.hash)) && stored !== undefined && !stored.disabled;
    if (!ok) {
      const lockedNow = failures.fail(username, now());
      const reason = !stored ? 'unknown user' : stored.disabled ? 'disabled' : 'wrong password';
      audit.append({ actor: username, ...at(), action: 'login', outcome: 'failure', detail: { reason, ...(lockedNow ? { lockedUntil: lockedNow } : {}) } });
      throw new CausewayError('CW_AUTH_LOGIN_FAILED', {});
    }
    failures.clear(username);
    return this.startSession(users.get(stored.id)!, client, {});
  }

  /** A new session for a user who proved who they are (password, or an identity provider); audited. */
  startSession(user: User, client: Client, detail: Record<string, unknown>): { principal: Principal; secret: string } {
    const { session, secret } = this.#p.sessions.create(user.id, this.#p.now(), client);
    try {
      this.#p.audit.append({ actor: user.username, ...(client.address ? { address: client.address } : {}), action: 'login', outcome: 'success', detail: { session: session.id, ...detail } });
    } catch (e) {
      this.#p.sessions.revoke(session.id);
      throw e;
    }
    this.#p.users.recordLogin(user.id, session.createdAt);
    const signedIn = { ...user, lastLoginAt: session.createdAt };
    return { principal: this.#principal(signedIn, { session }), secret };
  }

  /** The principal of a session cookie's secret, if the session lives and its user is enabled. */
  fromSession(secret: string): Principal | undefined {
    const session = this.#p.sessions.resolve(secret, this.#p.now());
    const user = session ? this.#p.users.get(session.userId) : undefined;
    return session && user && !user.disabled ? this.#principal(user, { session }) : undefined;
  }

  /** The principal of an API token, if it is valid and its user is enabled. */
  fromToken(secret: string): Principal | undefined {
    const token = this.#p.tokens.resolve(secret, this.#p.now());
    const user = token ? this.#p.users.get(token.userId) : undefined;
    return token && user && !user.disabled ? this.#principal(user, { token }) : undefined;
  }

  /** End the principal's session. */
  logout(p: Principal, client: Client): void {
    if (!p.session) return;
    this.#p.sessions.revoke(p.session.id);
    this.#p.audit.append({ actor: p.actor, ...(client.address ? { address: client.address } : {}), action: 'logout', outcome: 'success', detail: { session: p.session.id } });
  }

  #principal(user: User, via: { session: Session } | { token: ApiToken }): Principal {
    if ('session' in via) return { user, via: 'session', session: via.session, subject: { grants: user.grants }, actor: user.username };
    return { user, via: 'token', token: via.token, subject: { grants: user.grants, scopes: via.token.scopes }, actor: `token:${via.token.name}@${user.username}` };
  }
}
