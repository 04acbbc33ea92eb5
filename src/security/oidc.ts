/**
 * Sign-in through the site's identity provider (OpenID Connect, authorization code flow with
 * PKCE, state and nonce). The provider says who the user is; its groups claim says which roles they
 * hold here, through the `security.oidc.roles` map, refreshed at every sign-in. A provider user is
 * linked to a hub user by issuer and subject, never by name, so it cannot take over a local account.
 */
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { CausewayError, detailOf, isCausewayError } from '../core/errors.js';
import type { AuditLog } from './audit.js';
import type { Client, Identity, Principal } from './identity.js';
import { isRole, type Grant } from './rbac.js';
import type { Users } from './users.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** This hub's callback, as registered at the provider: https://<hub>/api/v1/oidc/callback. */
  redirectUri: string;
  scopes?: string[];
  /** The claim with the user name (default preferred_username, then email, then sub). */
  usernameClaim?: string;
  /** The claim with the user's groups (default groups). */
  groupsClaim?: string;
  /** Group → role (site-wide) or a grant limited to zones and subtrees; unknown roles give nothing. */
  roles: Record<string, string | { role: string; zones?: string[]; paths?: string[] }>;
}

interface Flow {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  expires: number;
}

/** How long a started sign-in may take at the provider. */
const FLOW_MS = 10 * 60_000;
const MAX_FLOWS = 1000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The grants a set of groups maps to. */
export function grantsOf(groups: readonly string[], roles: OidcSettings['roles']): Grant[] {
  return groups.flatMap((g) => {
    const r = Object.hasOwn(roles, g) ? roles[g] : undefined;
    if (r === undefined) return [];
    if (typeof r === 'string') return isRole(r) ? [{ role: r }] : [];
    return isRole(r.role) ? [{ ...r, role: r.role } as Grant] : [];
  });
}

function claimList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

/** Only a path on this hub (never another site) is a place to return to after sign-in. */
export function safeReturn(to: string | undefined): string {
  return to && /^\/(?![/\\])[\w\-./?=&%]*$/.test(to) ? to : '/';
}

export class OidcLogin {
  readonly #s: OidcSettings;
  readonly #p: { users: Users; identity: Identity; audit: AuditLog; now: () => number };
  readonly #flows = new Map<string, Flow>();
  #config: Promise<client.Configuration> | undefined;

  constructor(settings: OidcSettings, parts: { users: Users; identity: Identity; audit: AuditLog; now: () => number }) {
    this.#s = settings;
    this.#p = parts;
  }

  #discover(): Promise<client.Configuration> {
    const issuer = new URL(this.#s.issuer);
    // Plain HTTP only to a provider on this machine (tests, a local Keycloak); anything else must be HTTPS.
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    this.#config ??= client.discovery(issuer, this.#s.clientId, this.#s.clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((e: unknown) => {
        this.#config = undefined;
        throw new CausewayError('CW_AUTH_OIDC_FAILED', { reason: `the identity provider at ${this.#s.issuer} cannot be reached (${detailOf(e) ?? 'unknown error'})` }, { cause: e });
      });
    return this.#config;
  }

  /** Start a sign-in: where to send the browser, and the id of this flow (kept in a short-lived cookie). */
  async start(returnTo?: string): Promise<{ url: string; flowId: string }> {
    const config = await this.#discover();
    const now = this.#p.now();
    for (const [id, f] of this.#flows) if (f.expires <= now || this.#flows.size > MAX_FLOWS) this.#flows.delete(id);
    const flow: Flow = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(), returnTo: safeReturn(returnTo), expires: now + FLOW_MS };
    const flowId = randomBytes(24).toString('base64url');
    this.#flows.set(flowId, flow);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.#s.redirectUri, scope: (this.#s.scopes ?? ['openid', 'profile', 'email']).join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier), code_challenge_method: 'S256', state: flow.state, nonce: flow.nonce,
    });
    return { url: url.href, flowId };
  }

  /** Finish a sign-in from the provider's redirect (its query string): a new session, or the refusal (audited). */
  async finish(query: string, flowId: string | undefined, c: Client): Promise<{ principal: Principal; secret: string; returnTo: string }> {
    const flow = flowId ? this.#flows.get(flowId) : undefined;
    if (flowId) this.#flows.delete(flowId);
    try {
      if (!flow || flow.expires <= this.#p.now()) throw new CausewayError('CW_AUTH_OIDC_FAILED', { reason: 'the sign-in was not started here or took too long' });
      const config = await this.#discover();
      // The callback URL is rebuilt from the configured redirect URI, never from the request's Host header.
      const current = new URL(this.#s.redirectUri);
      current.search = query;
      const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true })
        .catch((e: unknown) => Promise.reject(new CausewayError('CW_AUTH_OIDC_FAILED', { reason: detailOf(e)?.replace(/\.$/, '') ?? 'the provider refused the code' }, { cause: e })));
      const idClaims = tokens.claims()!;
      // Many providers put profile and group claims only in the UserInfo answer; the ID token's win.
      const info = config.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}))
        : {};
      const session = this.#signIn({ ...info, ...idClaims } as Record<string, unknown>, c);
      return { ...session, returnTo: flow.returnTo };
    } catch (e) {
      if (isCausewayError(e, 'CW_AUTH_OIDC_FAILED')) this.#p.audit.append({ actor: 'oidc', ...(c.address ? { address: c.address } : {}), action: 'login', outcome: 'failure', detail: { via: 'oidc', reason: e.params.reason } });
      throw e;
    }
  }

  #signIn(claims: Record<string, unknown>, c: Client): { principal: Principal; secret: string } {
    const name = [this.#s.usernameClaim ?? 'preferred_username', 'email', 'sub'].map((k) => claims[k]).find((v): v is string => typeof v === 'string' && v !== '')!;
    const grants = grantsOf(claimList(claims[this.#s.groupsClaim ?? 'groups']), this.#s.roles);
    const at = c.address ? { address: c.address } : {};
    if (grants.length === 0) {
      this.#p.audit.append({ actor: name, ...at, action: 'login', outcome: 'refused', detail: { via: 'oidc', reason: 'no group maps to a role' } });
      throw new CausewayError('CW_AUTH_OIDC_NO_ROLE', { username: name });
    }
    const externalId = `${this.#s.issuer} ${String(claims.sub)}`;
    const user = this.#p.users.linkExternal(externalId, name, grants, (u, created) => {
      this.#p.audit.append({ actor: 'oidc', ...at, action: created ? 'user.create' : 'user.update', target: u.username, outcome: 'success', detail: { via: 'oidc', issuer: this.#s.issuer, grants: u.grants } });
    });
    if (user.disabled) throw new CausewayError('CW_AUTH_LOGIN_FAILED', {});
    return this.#p.identity.startSession(user, c, { via: 'oidc', issuer: this.#s.issuer });
  }
}
