/**
 * Sign-in through the site's identity provider: GET /oidc/login sends the browser to the provider
 * (authorization code flow with PKCE); GET /oidc/callback takes it back, starts a session and
 * returns to the console. Both are public; the provider is the judge.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { clientOf, sessionCookieName } from '../auth.js';
import { problems } from '../schemas.js';
import type { HubSecurity } from '../security-services.js';

const FLOW_COOKIE = 'cw_oidc';

export const oidcRoutes: FastifyPluginAsyncTypebox<{ security: HubSecurity }> = async (app, { security }) => {
  const rateLimit = { max: security.loginPerMinute, timeWindow: 60_000 };
  const oidc = () => {
    if (!security.oidc) throw new CausewayError('CW_AUTH_OIDC_OFF', {});
    return security.oidc;
  };
  // The flow cookie must come back on the provider's redirect (a cross-site navigation): Lax, not Strict.
  const flowCookie = { httpOnly: true, secure: security.secureCookies, sameSite: 'lax' as const, path: '/api/v1/oidc' };

  app.get('/oidc/login', {
    config: { permission: 'public', rateLimit },
    schema: {
      summary: "Sign in through the site's identity provider: redirects there, and back to returnTo (a path on this hub) afterwards.", tags: ['auth'],
      querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 512 })) }),
      response: { 302: Type.Null(), ...problems(404, 401, 429) },
    },
  }, async (req, reply) => {
    const { url, flowId } = await oidc().start(req.query.returnTo);
    void reply.setCookie(FLOW_COOKIE, flowId, { ...flowCookie, maxAge: 600 });
    return reply.redirect(url, 302);
  });

  app.get('/oidc/callback', {
    config: { permission: 'public', rateLimit },
    schema: { summary: "The identity provider's redirect back: starts a session and returns to the console.", tags: ['auth'], response: { 302: Type.Null(), ...problems(401, 403, 404, 429) } },
  }, async (req: FastifyRequest, reply) => {
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    void reply.clearCookie(FLOW_COOKIE, flowCookie);
    const { secret, returnTo } = await oidc().finish(query, req.cookies?.[FLOW_COOKIE], clientOf(req));
    void reply.setCookie(sessionCookieName(security.secureCookies), secret, { httpOnly: true, secure: security.secureCookies, sameSite: 'strict', path: '/', maxAge: Math.floor(security.sessionMaxAgeMs / 1000) });
    return reply.redirect(returnTo, 302);
  });
};
