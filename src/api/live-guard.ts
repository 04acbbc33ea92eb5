/**
 * WebSocket upgrades that are refused, from browsers elsewhere, and too many at once. A refused
 * upgrade (no session, a wrong token, a bad Origin, a full hub) gets its HTTP answer and then its
 * socket is destroyed: Node hands an upgrade's socket over to us, so nothing else would ever close
 * it. The live route admits a browser's upgrade only from the hub's own origin or one listed in
 * api.allowedOrigins (a client without an Origin header is no browser: its credentials decide),
 * and counts live sockets per user and in all.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CausewayError } from '../core/errors.js';
import type { Principal } from '../security/index.js';
import type { ApiLimits } from './limits.js';

/** True for a request that asks to switch protocols (a WebSocket handshake). */
export function isUpgrade(request: FastifyRequest): boolean {
  return typeof request.headers.upgrade === 'string';
}

/**
 * Install on the root instance before any route and the not-found handler: an upgrade to a route
 * that is no WebSocket is refused (404) before its handler, and the socket of every upgrade answered
 * over HTTP (any refusal) is closed.
 */
export function installUpgradeGuard(app: FastifyInstance): void {
  const sockets = new Set<string>();
  app.addHook('onRoute', (route) => {
    const r = route as { wsHandler?: unknown; websocket?: unknown };
    if (r.wsHandler !== undefined || r.websocket === true) sockets.add(route.url);
  });
  // Else @fastify/websocket completes the handshake on any GET route and closes it politely,
  // which keeps the socket for 30 s when the client never answers the close.
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (isUpgrade(request) && !request.is404 && (url === undefined || !sockets.has(url))) {
      throw new CausewayError('CW_API_NOT_FOUND', { method: 'GET (WebSocket)', url: request.url.split('?')[0] ?? request.url });
    }
  });
  // An accepted upgrade is hijacked and never reaches onResponse; everything that does was refused.
  app.addHook('onResponse', async (request) => {
    if (isUpgrade(request) && !request.raw.socket.destroyed) request.raw.socket.destroy();
  });
}

function originOf(text: string): string | undefined {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a browser page at `origin` may open a live WebSocket: no Origin (not a browser), the
 * hub's own host (as the browser addressed it), or an origin listed in api.allowedOrigins.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  const o = originOf(origin);
  if (o === undefined) return false;
  if (host !== undefined && new URL(o).host === host.toLowerCase()) return true;
  return allowed.some((a) => originOf(a) === o);
}

/** The key a principal's sockets are counted under: its user, else its actor name. */
function ownerOf(p: Principal | undefined): string {
  return p?.user?.id ?? p?.actor ?? 'anonymous';
}

/** Live sockets per user and in all, against maxSocketsPerUser and maxSockets. */
export class LiveSockets {
  readonly #limits: Pick<ApiLimits, 'maxSockets' | 'maxSocketsPerUser'>;
  readonly #byOwner = new Map<string, number>();
  #total = 0;

  constructor(limits: Pick<ApiLimits, 'maxSockets' | 'maxSocketsPerUser'>) {
    this.#limits = limits;
  }

  get total(): number {
    return this.#total;
  }

  /** The refusal for one more socket of `principal`, or undefined when there is room. */
  refusal(principal: Principal | undefined): CausewayError | undefined {
    const mine = this.#byOwner.get(ownerOf(principal)) ?? 0;
    if (mine >= this.#limits.maxSocketsPerUser) return new CausewayError('CW_API_TOO_MANY_SOCKETS', { scope: `for ${principal?.actor ?? 'this user'}`, limit: this.#limits.maxSocketsPerUser, key: 'api.limits.maxSocketsPerUser' }, { retryAfterSeconds: 5 });
    if (this.#total >= this.#limits.maxSockets) return new CausewayError('CW_API_TOO_MANY_SOCKETS', { scope: 'to this hub', limit: this.#limits.maxSockets, key: 'api.limits.maxSockets' }, { retryAfterSeconds: 5 });
    return undefined;
  }

  /** Count one socket of `principal`; returns its release (idempotent). */
  take(principal: Principal | undefined): () => void {
    const owner = ownerOf(principal);
    this.#byOwner.set(owner, (this.#byOwner.get(owner) ?? 0) + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#byOwner.get(owner) ?? 1) - 1;
      if (left > 0) this.#byOwner.set(owner, left);
      else this.#byOwner.delete(owner);
    };
  }
}

/**
 * The live route's check before the handshake, as an HTTP refusal: a browser page from another
 * origin (403), or no room for one more socket (429).
 */
export function checkLiveUpgrade(request: FastifyRequest, sockets: LiveSockets, allowedOrigins: readonly string[]): void {
  if (!isUpgrade(request)) return;
  const origin = request.headers.origin;
  if (!originAllowed(origin, request.headers.host, allowedOrigins)) throw new CausewayError('CW_API_ORIGIN_REFUSED', { origin: String(origin).slice(0, 200) });
  const refusal = sockets.refusal(request.principal);
  if (refusal) throw refusal;
}
