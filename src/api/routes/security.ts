/** The security resources under /api/v1: sign-in (password or OpenID Connect) and setup, users, sessions, tokens, writes, audit. */
import type { FastifyPluginAsync } from 'fastify';
import type { HubSecurity } from '../security-services.js';
import { accountRoutes } from './accounts.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { oidcRoutes } from './oidc.js';
import { writeRoutes } from './writes.js';

export const securityRoutes: FastifyPluginAsync<{ security: HubSecurity }> = async (app, opts) => {
  await app.register(authRoutes, opts);
  await app.register(oidcRoutes, opts);
  await app.register(accountRoutes, opts);
  await app.register(writeRoutes, opts);
  await app.register(auditRoutes, opts);
};
