/** What the API needs from hub security, as an interface (the runtime implements it over src/security). */
import type { AuditLog, Client, Principal, User, VerifyResult, WriteGate } from '../security/index.js';
import type { Accounts } from '../security/accounts.js';
import type { OidcLogin } from '../security/oidc.js';
import type { Sessions } from '../security/sessions.js';
import type { Tokens } from '../security/tokens.js';
import type { Users } from '../security/users.js';

export interface HubSecurity {
  /**
   * The principal behind a session cookie's secret or a bearer token; undefined when neither is
   * valid. With the client, invalid tokens pause its address (throws CW_AUTH_THROTTLED while paused).
   */
  authenticate(credentials: { session?: string; bearer?: string }, client?: Client): Principal | undefined;
  login(username: string, password: string, client: Client): Promise<{ principal: Principal; secret: string }>;
  logout(p: Principal, client: Client): void;
  /** True until an admin exists: the first-run setup is open. */
  setupOpen(): boolean;
  /** Redeem the one-time setup token: create the first admin. */
  setup(token: string, username: string, password: string, client: Client): Promise<User>;
  readonly users: Users;
  readonly sessions: Sessions;
  readonly tokens: Tokens;
  readonly accounts: Accounts;
  readonly audit: Pick<AuditLog, 'query' | 'append'> & { verify(): VerifyResult; readonly failure: string | undefined };
  readonly writes: WriteGate;
  /** Sign-in through the site's identity provider, when configured. */
  readonly oidc: Pick<OidcLogin, 'start' | 'finish'> | undefined;
  /** The zone a namespace path's values belong to (its source's, or the hub's for calculations). */
  zoneOf(path: string): string | undefined;
  /** True when the API serves TLS: cookies are then Secure and __Host- prefixed. */
  readonly secureCookies: boolean;
  /** Session lifetime, for the cookie's Max-Age. */
  readonly sessionMaxAgeMs: number;
  /** Sign-in (and setup) attempts per minute from one address. */
  readonly loginPerMinute: number;
  now(): number;
}
