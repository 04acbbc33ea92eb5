/**
 * Who is asking: sign-in, and the principal behind a session cookie or an API token. Failed
 * sign-ins pause the user name *from that address* with growing pauses (throttle.ts), so nobody can
 * lock the owner out from elsewhere; only an admin's lock refuses the right password from everywhere.
 * Invalid API tokens pause their address the same way. Every sign-in, failed or not, and every
 * sign-out is in the audit log; when the log cannot record, nobody signs in.
 */
import { CausewayError } from '../core/errors.js';
import type { AuditLog } from './audit.js';
import { checkPassword } from './passwords.js';
import type { Subject } from './rbac.js';
import type { Session, Sessions } from './sessions.js';
import type { ApiToken, Tokens } from './tokens.js';
import { pairKey, type Throttle } from './throttle.js';
import type { User, Users } from './users.js';

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
  /** Failed sign-ins per user name and address. */
  logins: Throttle;
  /** Invalid API tokens per address. */
  badTokens: Throttle;
  audit: AuditLog;
  now: () => number;
}

export class Identity {
  readonly #p: IdentityParts;

  constructor(parts: IdentityParts) {
    this.#p = parts;
  }

  /**
   * Check the password and start a new session; throws CW_AUTH_LOGIN_FAILED, CW_AUTH_THROTTLED (this
   * name from this address is paused), CW_AUTH_LOCKED (an admin locked the account; said only to
   * whoever gives the right password) or CW_AUDIT_WRITE_FAILED.
   */
  async login(username: string, password: string, client: Client): Promise<{ principal: Principal; secret: string }> {
    const { users, logins, audit, now } = this.#p;
    const at = (): { address?: string } => (client.address ? { address: client.address } : {});
    const key = pairKey(username, client.address);
    if (logins.pausedUntil(key, now()) !== undefined) {
      // Refused unchecked, and counted: a script that keeps trying only lengthens its own pause.
      const until = logins.fail(key, now())!;
      audit.append({ actor: username, ...at(), action: 'login', outcome: 'refused', detail: { reason: 'throttled', failures: logins.failures(key, now()), pausedUntil: until } });
      throw throttled(until - now(), 'login');
    }
    const stored = users.passwordHashOf(username);
    const ok = (await checkPassword(password, stored?.hash)) && stored !== undefined && !stored.disabled;
    if (!ok) {
      const until = logins.fail(key, now());
      const reason = !stored ? 'unknown user' : stored.disabled ? 'disabled' : 'wrong password';
      audit.append({ actor: username, ...at(), action: 'login', outcome: 'failure', detail: { reason, failures: logins.failures(key, now()), ...(until ? { pausedUntil: until } : {}) } });
      throw new CausewayError('CW_AUTH_LOGIN_FAILED', {});
    }
    logins.clear(key);
    return this.startSession(users.get(stored.id)!, client, {});
  }

  /** A new session for a user who proved who they are (password, or an identity provider); audited. */
  startSession(user: User, client: Client, detail: Record<string, unknown>): { principal: Principal; secret: string } {
    if (user.locked) {
      this.#p.audit.append({ actor: user.username, ...(client.address ? { address: client.address } : {}), action: 'login', outcome: 'refused', detail: { reason: 'locked by an admin', lockedBy: user.locked.by } });
      throw new CausewayError('CW_AUTH_LOCKED', { username: user.username });
    }
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
    return session && user && !user.disabled && !user.locked ? this.#principal(user, { session }) : undefined;
  }

  /**
   * The principal of an API token, if it is valid and its user is enabled (an admin's lock stops
   * sign-in, not the account's tokens). With the client's address, invalid tokens pause that
   * address: throws CW_AUTH_THROTTLED while it is paused, without looking at the token.
   */
  fromToken(secret: string, client: Client = {}): Principal | undefined {
    const { badTokens, now } = this.#p;
    const key = client.address;
    if (key !== undefined && badTokens.pausedUntil(key, now()) !== undefined) {
      throw throttled(badTokens.fail(key, now())! - now(), 'token');
    }
    const token = this.#p.tokens.resolve(secret, now());
    const user = token ? this.#p.users.get(token.userId) : undefined;
    if (token && user && !user.disabled) {
      // A valid token clears its address's count: behind one address (a gateway, a NAT) a single
      // misconfigured client must not pause the others for long. Token secrets have 256 bits, so a
      // guesser holding one valid token gains nothing from the free failures in between.
      if (key !== undefined) badTokens.clear(key);
      return this.#principal(user, { token });
    }
    if (key !== undefined) this.#badToken(key);
    return undefined;
  }

  #badToken(address: string): void {
    const { badTokens, now, audit } = this.#p;
    const until = badTokens.fail(address, now());
    // One record per pause (attempts while paused are not recorded): a flood must not fill the log.
    if (until === undefined) return;
    try {
      audit.append({ actor: 'anonymous', address, action: 'token.throttled', outcome: 'refused', detail: { failures: badTokens.failures(address, now()), pausedUntil: until } });
    } catch {
      // The audit log raises its own alarm; the refusal stands either way.
    }
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

/** CW_AUTH_THROTTLED with Retry-After: the pause, in whole seconds (at least one). */
function throttled(ms: number, kind: 'login' | 'token'): CausewayError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new CausewayError('CW_AUTH_THROTTLED', { kind, seconds }, { retryAfterSeconds: seconds });
}
