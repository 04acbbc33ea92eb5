/**
 * Users (admins), sessions and API tokens: GET/POST /users, GET/PATCH/DELETE /users/:id,
 * POST /users/:id/lock and /users/:id/unlock;
 * GET /sessions, DELETE /sessions/:id; GET/POST /tokens, DELETE /tokens/:id. Sessions and tokens
 * are managed from a signed-in session only, so a stolen token cannot mint more.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { can, type Actor, type Principal } from '../../security/index.js';
import { clientOf, principalOf } from '../auth.js';
import { problems } from '../schemas.js';
import type { HubSecurity } from '../security-services.js';
import { GrantSchema, Password, PermissionSchema, Username, userView, UserSchema } from './security-schemas.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const AllQuery = Type.Object({ all: Type.Optional(Type.Boolean({ description: 'Admins: everyone\'s, not only yours.' })) });
const SessionSchema = Type.Object({
  id: Type.String(), username: Type.String(), createdAt: Type.Number(), lastSeenAt: Type.Number(), expiresAt: Type.Number(),
  address: Type.Optional(Type.String()), userAgent: Type.Optional(Type.String()), current: Type.Boolean(),
});
const TokenSchema = Type.Object({
  id: Type.String(), name: Type.String(), username: Type.String(), scopes: Type.Array(PermissionSchema),
  createdAt: Type.Number(), expiresAt: Type.Optional(Type.Number()), lastUsedAt: Type.Optional(Type.Number()),
});

const actorOf = (req: FastifyRequest): Actor => ({ name: principalOf(req).actor, address: clientOf(req).address });
const isAdmin = (p: Principal) => can(p.subject, 'admin');

export const accountRoutes: FastifyPluginAsyncTypebox<{ security: HubSecurity }> = async (app, { security }) => {
  const nameOf = (userId: string) => security.users.get(userId)?.username ?? '(removed)';
  /** Whose things the caller may see: its own, or with ?all and admin rights, everyone's. */
  const ownerFilter = (p: Principal, all: boolean | undefined): string | undefined => {
    if (all && !isAdmin(p)) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'admin', action: "list other users' sessions and tokens" });
    return all ? undefined : p.user.id;
  };
  const mayManage = (p: Principal, ownerId: string, what: string) => {
    if (ownerId !== p.user.id && !isAdmin(p)) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'admin', action: `manage another user's ${what}` });
  };

  app.get('/users', { config: { permission: 'admin' }, schema: { summary: 'Every user with their grants.', tags: ['auth'], response: { 200: Type.Object({ users: Type.Array(UserSchema) }), ...problems(401, 403) } } },
    async () => ({ users: security.users.list().map(userView) }));

  app.post('/users', {
    bodyLimit: 16 * 1024,
    config: { permission: 'admin' },
    schema: {
      summary: 'Create a user with grants (roles per zone or subtree).', tags: ['auth'],
      body: Type.Object({ username: Username, password: Password, grants: Type.Array(GrantSchema, { maxItems: 64 }) }, { additionalProperties: false }),
      response: { 201: UserSchema, ...problems(400, 401, 403, 409) },
    },
  }, async (req, reply) => reply.code(201).send(userView(await security.accounts.createUser(actorOf(req), req.body))));

  app.get('/users/:id', { config: { permission: 'admin' }, schema: { summary: 'One user.', tags: ['auth'], params: IdParams, response: { 200: UserSchema, ...problems(401, 403, 404) } } }, async (req) => {
    const user = security.users.get(req.params.id);
    if (!user) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'user', id: req.params.id });
    return userView(user);
  });

  app.patch('/users/:id', {
    bodyLimit: 16 * 1024,
    config: { permission: 'admin' },
    schema: {
      summary: 'Change grants, disable or enable, or set a new password (sessions end when disabled or on a new password).', tags: ['auth'], params: IdParams,
      body: Type.Object({ grants: Type.Optional(Type.Array(GrantSchema, { maxItems: 64 })), disabled: Type.Optional(Type.Boolean()), password: Type.Optional(Password) }, { additionalProperties: false }),
      response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const user = await security.accounts.updateUser(actorOf(req), req.params.id, req.body);
    // A disabled user's pending write requests are cancelled now, not when someone next looks.
    if (user.disabled) security.writes.sweep();
    return userView(user);
  });

  app.delete('/users/:id', { config: { permission: 'admin' }, schema: { summary: 'Remove a user with its sessions and tokens.', tags: ['auth'], params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404, 409) } } },
    async (req, reply) => {
      security.accounts.removeUser(actorOf(req), req.params.id);
      security.writes.sweep();
      return reply.code(204).send(null);
    });

  app.post('/users/:id/lock', {
    bodyLimit: 16 * 1024,
    config: { permission: 'admin' },
    schema: {
      summary: 'Lock an account: nobody signs in as it, from any address, until an admin unlocks it; its sessions end (its API tokens keep working). Audited.', tags: ['auth'], params: IdParams,
      body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 256 })) }, { additionalProperties: false, description: 'Optional: a bare POST locks too.' }),
      response: { 200: UserSchema, ...problems(400, 401, 403, 404, 409) },
    },
    // A bare POST (no body) is a lock without a reason; the schema still checks a body that is sent.
    preValidation: async (req) => {
      req.body ??= {};
    },
  }, async (req) => userView(security.accounts.lockUser(actorOf(req), req.params.id, req.body.reason)));

  app.post('/users/:id/unlock', {
    config: { permission: 'admin' },
    schema: { summary: "Unlock an account an admin locked. Audited.", tags: ['auth'], params: IdParams, response: { 200: UserSchema, ...problems(401, 403, 404) } },
  }, async (req) => userView(security.accounts.unlockUser(actorOf(req), req.params.id)));

  app.get('/sessions', { config: { permission: 'session' }, schema: { summary: 'Your live sessions (admins: ?all=true for everyone\'s).', tags: ['auth'], querystring: AllQuery, response: { 200: Type.Object({ sessions: Type.Array(SessionSchema) }), ...problems(401, 403) } } }, async (req) => {
    const p = principalOf(req);
    const sessions = security.sessions.list(security.now(), ownerFilter(p, req.query.all));
    return { sessions: sessions.map(({ csrf: _csrf, userId, ...s }) => ({ ...s, username: nameOf(userId), current: s.id === p.session?.id })) };
  });

  app.delete('/sessions/:id', { config: { permission: 'session' }, schema: { summary: 'End a session (yours, or anyone\'s as admin).', tags: ['auth'], params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } } }, async (req, reply) => {
    const p = principalOf(req);
    const session = security.sessions.get(req.params.id);
    if (!session) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'session', id: req.params.id });
    mayManage(p, session.userId, 'sessions');
    security.accounts.revokeSession(actorOf(req), session, nameOf(session.userId));
    return reply.code(204).send(null);
  });

  app.get('/tokens', { config: { permission: 'session' }, schema: { summary: 'Your API tokens, never their secrets (admins: ?all=true).', tags: ['auth'], querystring: AllQuery, response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...problems(401, 403) } } }, async (req) => {
    const tokens = security.tokens.list(ownerFilter(principalOf(req), req.query.all));
    return { tokens: tokens.map(({ userId, ...t }) => ({ ...t, username: nameOf(userId) })) };
  });

  app.post('/tokens', {
    bodyLimit: 16 * 1024,
    config: { permission: 'session' },
    schema: {
      summary: 'Create an API token for a machine; the secret is in this answer only.', tags: ['auth'],
      body: Type.Object({
        name: Type.String({ pattern: '^[A-Za-z0-9 ._-]{1,64}$' }),
        scopes: Type.Optional(Type.Array(PermissionSchema, { minItems: 1, uniqueItems: true, description: 'Default: every permission you hold.' })),
        expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 90 })),
        userId: Type.Optional(Type.String({ maxLength: 64, description: 'Admins: make it for another user.' })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ token: TokenSchema, secret: Type.String({ description: 'Send as "Authorization: Bearer <secret>". Shown once.' }) }), ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const p = principalOf(req);
    const ownerId = req.body.userId ?? p.user.id;
    mayManage(p, ownerId, 'tokens');
    const owner = security.users.get(ownerId);
    if (!owner) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'user', id: ownerId });
    const { token, secret } = security.accounts.createToken(actorOf(req), owner, { name: req.body.name, ...(req.body.scopes ? { scopes: req.body.scopes } : {}), ...(req.body.expiresInDays ? { expiresInDays: req.body.expiresInDays } : {}) });
    const { userId: _u, ...view } = token;
    return reply.code(201).send({ token: { ...view, username: owner.username }, secret });
  });

  app.delete('/tokens/:id', { config: { permission: 'session' }, schema: { summary: 'Revoke an API token.', tags: ['auth'], params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } } }, async (req, reply) => {
    const token = security.tokens.get(req.params.id);
    if (!token) throw new CausewayError('CW_AUTH_NOT_FOUND', { what: 'token', id: req.params.id });
    mayManage(principalOf(req), token.userId, 'tokens');
    security.accounts.revokeToken(actorOf(req), token, nameOf(token.userId));
    return reply.code(204).send(null);
  });
};
