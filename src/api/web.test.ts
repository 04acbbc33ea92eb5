import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { webRoutes } from './web.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An app shaped like the hub's: an API route, /metrics, a problem 404, then the console. */
async function app(built: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'causeway-web-'));
  dirs.push(root);
  if (built) {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Causeway</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  const seen = new Map<string, unknown>();
  const a = Fastify();
  // As the security plugin will: read the route's declared permission on each request.
  a.addHook('onRequest', async (req) => void seen.set(req.url, (req.routeOptions.config as { permission?: unknown }).permission));
  a.setNotFoundHandler((_req, reply) => reply.code(404).type('application/problem+json').send({ code: 'CW_API_NOT_FOUND' }));
  a.get('/api/v1/health', async () => ({ status: 'ok' }));
  a.get('/metrics', async () => 'm 1');
  await a.register(webRoutes, { root });
  await a.ready();
  return { a, seen };
}

describe('the web console routes', () => {
  it('serves index.html at / and for client routes, with no-cache', async () => {
    const { a } = await app(true);
    for (const url of ['/', '/namespace', '/namespace/acme/springfield?x=1', '/trends']) {
      const res = await a.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for good and top-level files; a missing file is a 404', async () => {
    const { a } = await app(true);
    const js = await a.inject('/assets/index-abc123.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await a.inject('/favicon.svg')).headers['content-type']).toMatch(/svg/);
    expect((await a.inject('/assets/nope.js')).statusCode).toBe(404);
    expect((await a.inject('/nope.png')).statusCode).toBe(404);
    expect((await a.inject('/assets/../../../../etc/passwd')).body).not.toContain('root:');
  });

  it('never falls back for API, ingest and metrics paths', async () => {
    const { a } = await app(true);
    for (const url of ['/api/v1/nope', '/api', '/ingest/meter', '/metrics/x']) {
      const res = await a.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/problem\+json/);
    }
    expect((await a.inject('/api/v1/health')).json()).toEqual({ status: 'ok' });
    expect((await a.inject('/metrics')).body).toBe('m 1');
  });

  it('says to build the console when web/dist is missing', async () => {
    const { a } = await app(false);
    const res = await a.inject('/trends');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await a.inject('/api/v1/nope')).statusCode).toBe(404);
  });

  it('declares every console route public, and only those', async () => {
    const { a, seen } = await app(true);
    for (const url of ['/', '/trends', '/assets/index-abc123.js', '/favicon.svg', '/api/v1/health', '/metrics']) await a.inject(url);
    expect(Object.fromEntries(seen)).toEqual({
      '/': 'public', '/trends': 'public', '/assets/index-abc123.js': 'public', '/favicon.svg': 'public', '/api/v1/health': undefined, '/metrics': undefined,
    });
  });
});
