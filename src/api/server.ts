/** The HTTP API: Fastify with one plugin per resource, problem+json errors and an OpenAPI document. */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { CausewayError } from '../core/errors.js';
import { installAuth } from './auth.js';
import { installHardening } from './hardening.js';
import { installUpgradeGuard } from './live-guard.js';
import { sendProblem, toCausewayError } from './problem.js';
import { advisoryRoutes } from './routes/advisories.js';
import { alarmRoutes } from './routes/alarms.js';
import { vulnerabilityRoutes } from './routes/vulnerabilities.js';
import { alarmKpiRoutes } from './routes/alarm-kpis.js';
import { assetRoutes } from './routes/assets.js';
import { exportRoutes } from './routes/export.js';
import { confirmationRoutes } from './routes/confirmations.js';
import { downtimeRoutes } from './routes/downtime.js';
import { oeeRoutes } from './routes/oee.js';
import { pkiRoutes } from './routes/pki.js';
import { workOrderRoutes } from './routes/work-orders.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { historyRoutes } from './routes/history.js';
import { lineageRoutes } from './routes/lineage.js';
import { LIVE_MAX_MESSAGE_BYTES, liveRoutes } from './routes/live.js';
import { namespaceRoutes } from './routes/namespace.js';
import { quarantineRoutes } from './routes/quarantine.js';
import { securityRoutes } from './routes/security.js';
import { sinkRoutes } from './routes/sinks.js';
import { sourceRoutes } from './routes/sources.js';
import { trendRoutes } from './routes/trend.js';
import { valueRoutes } from './routes/values.js';
import type { HubServices } from './services.js';
import { webRoutes } from './web.js';
import { zoneRoutes } from './routes/zones.js';
import { siteScope } from './scopes.js';

export interface ApiOptions {
  services: HubServices;
  logger: Logger;
  /** Serve HTTPS with this certificate and key. */
  https?: { cert: string; key: string };
}

/** Build the API (not yet listening). */
export async function buildApi({ services, logger, https }: ApiOptions): Promise<FastifyInstance> {
  // The TypeBox provider only refines route typing; callers see a plain instance.
  const app = Fastify({
    loggerInstance: logger.child({ component: 'api' }),
    // Per-request lines would drown the log; errors are logged by our own handler.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    bodyLimit: 1_048_576,
    // Alarm ids are attribute paths (up to 512 characters) with a name, URL-encoded in the path.
    routerOptions: { maxParamLength: 1024 },
    ...(https ? { https } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // First: hooks added after the not-found handler is set do not reach it, and a refused upgrade to an unknown path must close too.
  installUpgradeGuard(app as unknown as FastifyInstance);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, toCausewayError(error as Error, request), request.url));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new CausewayError('CW_API_NOT_FOUND', { method: request.method, url: request.url.split('?')[0] ?? request.url }), request.url),
  );

  // Before any route: every route declares its permission, and one without is refused.
  const root = app as unknown as FastifyInstance;
  await installHardening(root, { tls: services.security.secureCookies });
  installAuth(root, services.security);

  const info = services.info();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Causeway hub API', version: info.version, description: `IT/OT integration hub for ${info.enterprise}, site ${info.site}. Errors are application/problem+json with a stable code and a hint.` },
      tags: [{ name: 'auth' }, { name: 'writes' }, { name: 'audit' }, { name: 'zones' }, { name: 'pki' }, { name: 'hub' }, { name: 'sources' }, { name: 'sinks' }, { name: 'namespace' }, { name: 'values' }, { name: 'history' }, { name: 'ingest' }, { name: 'alarms' }, { name: 'advisories' }, { name: 'assets' }, { name: 'vulnerabilities' }],
    },
  });

  await app.register(websocket, { options: { maxPayload: LIVE_MAX_MESSAGE_BYTES } });

  await app.register(async (v1) => {
    const opts = { services };
    await v1.register(healthRoutes, opts);
    await v1.register(securityRoutes, { security: services.security });
    // zones and conduits, and the OPC UA certificates to trust or reject
    await v1.register(zoneRoutes, opts);
    await v1.register(pkiRoutes, opts);
    await v1.register(sourceRoutes, opts);
    await v1.register(sinkRoutes, opts);
    await v1.register(namespaceRoutes, opts);
    await v1.register(lineageRoutes, opts);
    await v1.register(quarantineRoutes, opts);
    await v1.register(valueRoutes, opts);
    await v1.register(liveRoutes, opts);
    await v1.register(historyRoutes, opts);
    await v1.register(trendRoutes, opts);
    await v1.register(exportRoutes, opts);
    // production: work orders from the ERP, OEE, stops and their reasons, confirmations back
    await v1.register(workOrderRoutes, opts);
    await v1.register(oeeRoutes, opts);
    await v1.register(downtimeRoutes, opts);
    await v1.register(confirmationRoutes, opts);
    // alarms (ISA-18.2): the active list, operator actions, the journal
    await v1.register(alarmRoutes, opts);
    await v1.register(vulnerabilityRoutes, opts);
    // security advisories (CSAF 2.0): list, one, import status, upload
    await v1.register(advisoryRoutes, opts);
    await v1.register(alarmKpiRoutes, opts);
    // the OT asset inventory: discovered and hand-kept devices, CSV import
    await v1.register(assetRoutes, opts);
    v1.get('/openapi.json', { config: { permission: 'read' }, schema: { hide: true } }, async () => app.swagger());
  }, { prefix: '/api/v1' });

  await app.register(ingestRoutes, { services });

  // Counters of every source and sink, across zones: site-wide readers only.
  app.get('/metrics', { config: { permission: 'read', scope: siteScope }, schema: { summary: 'Prometheus metrics: samples received, stored, rejected and dropped with reasons; connection states.', tags: ['hub'] } }, async (_req, reply) => {
    const m = await services.metrics();
    return reply.type(m.contentType).send(m.body);
  });

  // Last: the console's SPA fallback leaves every route above alone.
  await app.register(webRoutes);

  return app as unknown as FastifyInstance;
}
