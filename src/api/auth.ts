/**
 * Authentication and authorization for every route, fail closed. Each route declares
 * `config.permission`: a permission (read, write, configure, approve, audit, admin) or a list of
 * which the caller needs any one, `user` (any
 * signed-in principal), `session` (a signed-in browser session, not a token), `device` (the route
 * checks its own device token) or `public`. A route without a declaration is refused. Credentials
 * are a session cookie or `Authorization: Bearer <token>`; nothing is ever taken from Referer, Host,
 * Origin or X-Forwarded-* headers. Cookie-authenticated changes need the session's CSRF token.
 */
import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CausewayError } from '../core/errors.js';
import { can, canNavigate, canSomewhere, isPermission, type Permission, type Principal } from '../security/index.js';
import type { HubSecurity } from './security-services.js';

/** A permission, any one of several (security data: `['configure', 'audit']`), or a kind of caller. */
export type RoutePermission = Permission | readonly Permission[] | 'user' | 'session' | 'device' | 'public';

/** A route's data-level check: the namespace paths a request touches. */
export interface RouteScope {
  (request: FastifyRequest): { paths: string[]; navigate?: boolean } | undefined;
}

/** A route whose use is itself recorded in the audit log (e.g. exports), before it answers. */
export interface RouteAudit {
  (request: FastifyRequest): { action: string; target?: string; detail?: Record<string, unknown> };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; required on every route. */
    permission?: RoutePermission;
    /** The namespace paths a request touches, checked against the principal's zones and subtrees. */
    scope?: RouteScope;
    /** Record each use in the audit log; when the log cannot record, the request is refused. */
    audit?: RouteAudit;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session cookie's name: __Host- prefixed (Secure, host-only, Path=/) under TLS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-cw_session' : 'cw_session';
}

function bearerOf(request: FastifyRequest): string | undefined | null {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function routeOf(request: FastifyRequest): { method: string; url: string } {
  return { method: request.method, url: request.routeOptions.url ?? request.url.split('?')[0] ?? request.url };
}

/** Who is asking, from a bearer token or the session cookie; throws CW_AUTH_REQUIRED. */
function authenticate(security: HubSecurity, request: FastifyRequest): Principal {
  const bearer = bearerOf(request);
  const cookie = request.cookies?.[sessionCookieName(security.secureCookies)];
  // An Authorization header that is there decides alone: a bad token never falls back to the cookie.
  const principal = bearer !== undefined
    ? security.authenticate({ bearer: bearer ?? '' }, { address: clientOf(request).address })
    : security.authenticate(cookie ? { session: cookie } : {});
  if (!principal) throw new CausewayError('CW_AUTH_REQUIRED', routeOf(request));
  return principal;
}

function checkCsrf(p: Principal, request: FastifyRequest): void {
  if (p.via !== 'session' || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !p.session || !sameSecret(sent, p.session.csrf)) throw new CausewayError('CW_AUTH_CSRF', { method: request.method });
}

function authorize(p: Principal, permission: Exclude<RoutePermission, 'public' | 'device'>, request: FastifyRequest): void {
  const { method, url } = routeOf(request);
  if (permission === 'user') return;
  if (permission === 'session') {
    if (p.via !== 'session') throw new CausewayError('CW_AUTH_SESSION_ONLY', { action: `call ${method} ${url}` });
    return;
  }
  const any: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!any.some((x) => canSomewhere(p.subject, x))) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: any.join(' or '), action: `call ${method} ${url}` });
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

type RouteOptionsLike = { method: string | string[]; url: string; config?: unknown };
const declared = new WeakMap<FastifyInstance, RouteOptionsLike[]>();

/** Every route registered after installAuth, with its declared permission (for the route sweep). */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  // Read late: a plugin's own onRoute hook may set the declaration after ours ran.
  return (declared.get(app) ?? []).flatMap((r) => [r.method].flat().map((method) => ({ method, url: r.url, permission: (r.config as { permission?: RoutePermission } | undefined)?.permission })));
}

/** Install the hooks on the root instance, before any route is registered. */
export function installAuth(app: FastifyInstance, security: HubSecurity): void {
  const routes: RouteOptionsLike[] = [];
  declared.set(app, routes);
  app.addHook('onRoute', (r) => void routes.push(r));
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.is404) return;
    const permission = request.routeOptions.config?.permission;
    if (permission === undefined) throw new CausewayError('CW_AUTH_ROUTE_UNDECLARED', routeOf(request));
    if (permission === 'public' || permission === 'device') return;
    const principal = authenticate(security, request);
    checkCsrf(principal, request);
    try {
      authorize(principal, permission, request);
    } catch (e) {
      if (!SAFE_METHODS.has(request.method)) recordDenied(security, principal, request, typeof permission === 'string' ? permission : permission.join(' or '));
      throw e;
    }
    request.principal = principal;
  });

  // After validation, so the query is parsed: the paths a request touches, against zones and subtrees.
  app.addHook('preHandler', async (request: FastifyRequest) => {
    checkScope(security, request);
    const audit = request.routeOptions.config?.audit;
    if (audit && request.principal) {
      const entry = audit(request);
      security.audit.append({ actor: request.principal.actor, address: clientOf(request).address, outcome: 'success', ...entry });
    }
  });
}

/** A refused change is worth an audit record (who tried what); a failing log does not change the refusal. */
function recordDenied(security: HubSecurity, p: Principal, request: FastifyRequest, permission: string): void {
  const { method, url } = routeOf(request);
  try {
    security.audit.append({ actor: p.actor, address: clientOf(request).address, action: 'access.denied', target: `${method} ${url}`, outcome: 'refused', detail: { permission } });
  } catch {
    // The audit log raises its own alarm.
  }
}

/** The route's data-level check: every path it touches within the principal's zones and subtrees. */
function checkScope(security: HubSecurity, request: FastifyRequest): void {
  const { permission, scope } = request.routeOptions.config ?? {};
  if (!scope || !request.principal || typeof permission !== 'string' || !isPermission(permission)) return;
  const wanted = scope(request);
  for (const path of wanted?.paths ?? []) {
    const zone = security.zoneOf(path);
    const ok = wanted?.navigate ? canNavigate(request.principal.subject, permission, path) : can(request.principal.subject, permission, { path, ...(zone ? { zone } : {}) });
    if (!ok) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission, action: `${permission} ${path || 'the whole namespace'}${zone ? ` in zone ${zone}` : ''}` });
  }
}

/** The client as the audit log records it: the socket's address (never a forwarded header). */
export function clientOf(request: FastifyRequest): { address: string; userAgent?: string } {
  const ua = request.headers['user-agent'];
  return { address: request.socket.remoteAddress ?? request.ip, ...(typeof ua === 'string' ? { userAgent: ua.slice(0, 256) } : {}) };
}

/** The principal of an authenticated route (set by the onRequest hook). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new CausewayError('CW_AUTH_REQUIRED', routeOf(request));
  return request.principal;
}
