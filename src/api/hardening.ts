/**
 * HTTP hardening for the whole API: cookies, security headers with a strict Content-Security-Policy
 * (no inline scripts, nothing from other origins, no framing), and the rate limiter that routes such
 * as login opt into with `config.rateLimit`.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { CausewayError } from '../core/errors.js';

/** The Content-Security-Policy of every answer (the web console included). */
export function contentSecurityPolicy(tls: boolean): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
    upgradeInsecureRequests: tls ? [] : null,
  };
}

/** Register cookies, security headers and the (opt-in) rate limiter on the root instance. */
export async function installHardening(app: FastifyInstance, opts: { tls: boolean }): Promise<void> {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts.tls) },
    hsts: opts.tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: false,
    // The socket's address: X-Forwarded-For is never trusted (trustProxy stays off).
    keyGenerator: (request) => request.socket.remoteAddress ?? request.ip,
    errorResponseBuilder: (_request, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new CausewayError('CW_API_RATE_LIMITED', { seconds }, { retryAfterSeconds: seconds });
    },
  });
}
