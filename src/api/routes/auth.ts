/**
 * Sign-in and the first run: POST /login, POST /logout, GET /me, GET /session (the console's
 * question on every load), POST /me/password, GET and POST /setup (the one-time setup token printed at first start creates the first admin).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { clientOf, principalOf, sessionCookieName } from '../auth.js';
import { problems } from '../schemas.js';
import type { HubSecurity } from '../security-services.js';
import { MeSchema, meOf, Password, Username, userView, UserSchema } from './security-schemas.js';

const SMALL_BODY = 16 * 1024;

export const authRoutes: FastifyPluginAsyncTypebox<{ security: HubSecurity }> = async (app, { security }) => {
  // Sign-in and setup: a few tries per minute per address, on top of the per-user lockout.
  const LOGIN_RATE = { max: security.loginPerMinute, timeWindow: 60_000 };
  const cookieName = sessionCookieName(security.secureCookies);
  const cookieOptions = { httpOnly: true, secure: security.secureCookies, sameSite: 'strict' as const, path: '/' };

  /** A session cookie sent along is ended: sign-in always makes a new session (no fixation). */
  const endPresented = (request: FastifyRequest) => {
    const presented = request.cookies?.[cookieName];
    const old = presented ? security.authenticate({ session: presented }) : undefined;
    if (old?.session) security.sessions.revoke(old.session.id);
  };

  app.post('/login', {
    bodyLimit: SMALL_BODY,
    config: { permission: 'public', rateLimit: LOGIN_RATE },
    schema: {
      summary: 'Sign in: sets an HttpOnly session cookie and answers with the user and the CSRF token.',
      tags: ['auth'],
      body: Type.Object({ username: Username, password: Password }, { additionalProperties: false }),
      response: { 200: MeSchema, ...problems(400, 401, 429, 503) },
    },
  }, async (req, reply) => {
    endPresented(req);
    const { principal, secret } = await security.login(req.body.username, req.body.password, clientOf(req));
    void reply.setCookie(cookieName, secret, { ...cookieOptions, maxAge: Math.floor(security.sessionMaxAgeMs / 1000) });
    return meOf(principal);
  });

  app.post('/logout', {
    config: { permission: 'session' },
    schema: { summary: 'Sign out: ends this session.', tags: ['auth'], response: { 204: Type.Null(), ...problems(401, 403) } },
  }, async (req, reply: FastifyReply) => {
    security.logout(principalOf(req), clientOf(req));
    void reply.clearCookie(cookieName, cookieOptions);
    return reply.code(204).send(null);
  });

  app.get('/me', {
    config: { permission: 'user' },
    schema: { summary: 'Who is signed in: user, grants, permissions, and the CSRF token of a session.', tags: ['auth'], response: { 200: MeSchema, ...problems(401) } },
  }, async (req) => meOf(principalOf(req)));

  // The console asks this on every full load, signed in or not: a 401 there would be a red line in
  // the browser console of everyone who opens the sign-in page. Only the session cookie counts.
  app.get('/session', {
    config: { permission: 'public' },
    schema: {
      summary: "This browser's session: signed in (with the answer of /me) or not. Never 401; a bearer token is not looked at (use /me).",
      tags: ['auth'],
      response: { 200: Type.Object({ signedIn: Type.Boolean(), me: Type.Optional(MeSchema) }) },
    },
  }, async (req) => {
    const cookie = req.cookies?.[cookieName];
    const principal = cookie ? security.authenticate({ session: cookie }) : undefined;
    return principal ? { signedIn: true, me: meOf(principal) } : { signedIn: false };
  });

  app.post('/me/password', {
    bodyLimit: SMALL_BODY,
    config: { permission: 'session', rateLimit: LOGIN_RATE },
    schema: {
      summary: 'Change your own password (every session of yours ends; sign in again).',
      tags: ['auth'],
      body: Type.Object({ current: Password, password: Password }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
    },
  }, async (req, reply) => {
    const p = principalOf(req);
    await security.accounts.changePassword({ name: p.actor, address: clientOf(req).address }, p.user, req.body.current, req.body.password);
    void reply.clearCookie(cookieName, cookieOptions);
    return reply.code(204).send(null);
  });

  app.get('/setup', {
    config: { permission: 'public' },
    schema: { summary: 'Is the first-run setup open (no admin yet)?', tags: ['auth'], response: { 200: Type.Object({ open: Type.Boolean() }) } },
  }, async () => ({ open: security.setupOpen() }));

  app.post('/setup', {
    bodyLimit: SMALL_BODY,
    config: { permission: 'public', rateLimit: LOGIN_RATE },
    schema: {
      summary: 'First run: create the first admin with the one-time setup token the hub printed at start.',
      tags: ['auth'],
      body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 256 }), username: Username, password: Password }, { additionalProperties: false }),
      response: { 201: Type.Object({ user: UserSchema }), ...problems(400, 401, 409, 429) },
    },
  }, async (req, reply) => {
    const user = await security.setup(req.body.token, req.body.username, req.body.password, clientOf(req));
    return reply.code(201).send({ user: userView(user) });
  });
};
