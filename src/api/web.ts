/**
 * The web console at `/`: the built UI from web/dist, with an SPA fallback so a reload of a client
 * route (/namespace, /trends, …) gets index.html. API, metrics and ingest paths never fall back:
 * they keep their problem+json 404. Every route here is public — the login page must load before
 * login; the data comes only from authenticated API calls.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` puts the UI: <repo>/web/dist, from src/api or dist/api alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Paths that belong to the hub itself and never get the UI. */
const NOT_UI = /^\/(api|ingest|metrics)(\/|$|\?)/;
/** A file at the top of web/dist (favicon.svg, robots.txt); anything with a slash or dots in a row is not. */
const ROOT_FILE = /^\/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$/;

export interface WebOptions {
  /** The built UI (default: web/dist beside the hub's code). */
  root?: string;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Causeway</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#111;background:#fff}code{background:#eee;padding:.1rem .3rem}</style></head>
<body><h1>Causeway hub</h1><p>The hub is running, but its web console has not been built.</p>
<p>Run <code>npm run build</code> in the Causeway folder, then restart the hub. The API is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></body></html>
`;

function isUiPath(request: FastifyRequest): boolean {
  return !NOT_UI.test(request.url);
}

/** Serve the console, or a page saying how to build it. */
export const webRoutes: FastifyPluginAsync<WebOptions> = async (app, opts) => {
  const root = opts.root ?? DEFAULT_WEB_ROOT;
  // Declared here once, for every route of this plugin (the static plugin's included).
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), permission: 'public' } as typeof route.config;
    route.schema = { ...(route.schema ?? {}), hide: true };
  });

  if (!existsSync(join(root, 'index.html'))) {
    const notBuilt = async (request: FastifyRequest, reply: FastifyReply) =>
      isUiPath(request) ? reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT) : reply.callNotFound();
    app.get('/', notBuilt);
    app.get('/*', notBuilt);
    return;
  }

  // Hashed file names are cached for good; everything else (index.html) is checked on every load.
  const assets = join(root, 'assets');
  await app.register(fastifyStatic, {
    root: assets,
    prefix: '/assets/',
    cacheControl: false,
    setHeaders: (reply, file) => void reply.header('cache-control', file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });

  const sendRootFile = (reply: FastifyReply, file: string) => reply.sendFile(file, root);
  app.get('/', async (_request, reply) => sendRootFile(reply, 'index.html'));
  app.get('/*', async (request, reply) => {
    if (!isUiPath(request)) return reply.callNotFound();
    const path = request.url.split('?')[0] ?? '/';
    const file = ROOT_FILE.test(path) ? path.slice(1) : undefined;
    if (file) return existsSync(join(root, file)) && statSync(join(root, file)).isFile() ? sendRootFile(reply, file) : reply.callNotFound();
    return sendRootFile(reply, 'index.html');
  });
};
