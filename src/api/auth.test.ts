import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import type { Principal } from '../security/index.js';
import { declaredRoutes, installAuth } from './auth.js';
import { installHardening } from './hardening.js';
import { sendProblem, toCausewayError } from './problem.js';
import type { HubSecurity } from './security-services.js';

const viewer: Principal = {
  user: { id: 'u1', username: 'vera', grants: [{ role: 'viewer' }], disabled: false, createdAt: 0, updatedAt: 0 },
  via: 'session', session: { id: 's1', userId: 'u1', csrf: 'the-csrf-token', createdAt: 0, lastSeenAt: 0, expiresAt: 1e15 },
  subject: { grants: [{ role: 'viewer', paths: ['acme/line1'] }] }, actor: 'vera',
};
const audit: unknown[] = [];
const security = {
  authenticate: (c: { session?: string; bearer?: string }) => (c.session === 'good' ? viewer : undefined),
  zoneOf: () => 'line1-ot',
  secureCookies: false,
  audit: { append: (e: unknown) => void audit.push(e) },
} as unknown as HubSecurity;

let app: FastifyInstance;
afterEach(() => app?.close());

async function build(register: (a: FastifyInstance) => void): Promise<FastifyInstance> {
  app = Fastify();
  app.setErrorHandler((e, req, reply) => sendProblem(reply, toCausewayError(e as Error, req), req.url));
  await installHardening(app, { tls: false });
  installAuth(app, security);
  register(app);
  await app.ready();
  return app;
}

describe('route authorization', () => {
  it('refuses a route that declares no permission, even to a signed-in user', async () => {
    await build((a) => a.get('/forgotten', async () => 'secret'));
    const r = await app.inject({ url: '/forgotten', cookies: { cw_session: 'good' } });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toMatchObject({ code: 'CW_AUTH_ROUTE_UNDECLARED' });
    expect(declaredRoutes(app).filter((x) => x.method === 'GET')).toEqual([{ method: 'GET', url: '/forgotten', permission: undefined }]);
  });

  it('checks the permission, the CSRF token of a session, and the paths a request touches', async () => {
    await build((a) => {
      a.get('/open', { config: { permission: 'public' } }, async () => 'ok');
      a.get('/read', { config: { permission: 'read', scope: (req) => ({ paths: [(req.query as { path: string }).path] }) } }, async () => 'ok');
      a.post('/change', { config: { permission: 'read' } }, async () => 'ok');
      a.post('/admin', { config: { permission: 'admin' } }, async () => 'ok');
    });
    const as = (url: string, method: 'GET' | 'POST' = 'GET', headers: Record<string, string> = {}) => app.inject({ url, method, cookies: { cw_session: 'good' }, headers });
    expect((await app.inject('/open')).statusCode).toBe(200);
    expect((await app.inject('/read?path=acme/line1/x')).json()).toMatchObject({ code: 'CW_AUTH_REQUIRED' });
    expect((await as('/read?path=acme/line1/x')).statusCode).toBe(200);
    expect((await as('/read?path=acme/line2/x')).json()).toMatchObject({ code: 'CW_AUTH_FORBIDDEN', title: 'Your account may not read acme/line2/x in zone line1-ot: that needs the read permission.' });
    expect((await as('/change', 'POST')).json()).toMatchObject({ code: 'CW_AUTH_CSRF' });
    expect((await as('/change', 'POST', { 'x-csrf-token': 'the-csrf-token' })).statusCode).toBe(200);
    expect((await as('/admin', 'POST', { 'x-csrf-token': 'the-csrf-token' })).json()).toMatchObject({ code: 'CW_AUTH_FORBIDDEN' });
    expect(audit.at(-1)).toMatchObject({ actor: 'vera', action: 'access.denied', target: 'POST /admin', outcome: 'refused' });
  });

  it('answers a rate-limited route with problem+json and Retry-After', async () => {
    await build((a) => a.post('/login', { config: { permission: 'public', rateLimit: { max: 2, timeWindow: 60_000 } } }, async () => 'ok'));
    for (let i = 0; i < 2; i++) expect((await app.inject({ url: '/login', method: 'POST' })).statusCode).toBe(200);
    const r = await app.inject({ url: '/login', method: 'POST', headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(r.statusCode).toBe(429);
    expect(r.json()).toMatchObject({ code: 'CW_API_RATE_LIMITED' });
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(new CausewayError('CW_API_RATE_LIMITED', { seconds: 5 }).retryable).toBe(true);
  });
});
