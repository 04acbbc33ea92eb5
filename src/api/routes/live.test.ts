import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import type { Principal } from '../../security/index.js';
import { LiveFeed } from '../../runtime/live-feed.js';
import type { HubServices } from '../services.js';
import { LIVE_FLUSH_MS, liveRoutes, parseSubscribe } from './live.js';

const LINE = 'acme/springfield/packaging/line1';
const s = (path: string, value: number, ts: number): Sample => ({ path, value, ts, quality: 'good' });

/** The live route over a feed and a small last-value cache, as the hub wires it. */
async function start(principal?: Principal) {
  const feed = new LiveFeed();
  const cache = new Map<string, Sample>([[`${LINE}/filler/speed`, s(`${LINE}/filler/speed`, 600, 1)], [`${LINE}/capper/speed`, s(`${LINE}/capper/speed`, 590, 1)], ['plc/x', s('plc/x', 1, 1)]]);
  const services = {
    live: { subscribe: (l: (b: readonly Sample[]) => void) => feed.subscribe(l) },
    namespace: {
      liveUnder: (p: string) => [...cache.values()].filter((v) => v.path === p || v.path.startsWith(`${p}/`)),
      attribute: (p: string) => (p.endsWith('/speed') ? { unit: 'bpm' } : undefined),
    },
  } as unknown as HubServices;
  const app = Fastify();
  await app.register(websocket);
  // As the security hook does for a signed-in user.
  if (principal) app.addHook('onRequest', async (req) => void ((req as { principal?: Principal }).principal = principal));
  await app.register(liveRoutes, { prefix: '/api/v1', services });
  await app.ready();
  return { app, feed };
}

/** A WebSocket client that collects every message. */
async function connect(app: Awaited<ReturnType<typeof start>>['app'], url: string) {
  const messages: any[] = [];
  const ws = await app.injectWS(url, {}, { onInit: (w) => w.on('message', (d) => messages.push(JSON.parse(String(d)))) });
  const next = async (n: number) => {
    for (let i = 0; i < 100 && messages.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    return messages[n - 1];
  };
  return { ws, messages, next };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('GET /api/v1/live', () => {
  it('sends a snapshot of the subscribed prefixes, then coalesced changes under them only', async () => {
    const { app, feed } = await start();
    close = () => app.close();
    const c = await connect(app, `/api/v1/live?path=${LINE}/filler`);
    const snap = await c.next(1);
    expect(snap).toEqual({ type: 'snapshot', paths: [`${LINE}/filler`], truncated: false, values: [{ path: `${LINE}/filler/speed`, value: 600, ts: 1, quality: 'good', unit: 'bpm' }] });
    feed.publish([s(`${LINE}/filler/speed`, 601, 2), s(`${LINE}/capper/speed`, 1, 2), s(`${LINE}/filler/speed`, 602, 3)]);
    const change = await c.next(2);
    expect(change).toEqual({ type: 'values', values: [{ path: `${LINE}/filler/speed`, value: 602, ts: 3, quality: 'good', unit: 'bpm' }] });
    c.ws.terminate();
  });

  it('replaces the subscription on a subscribe message and answers a bad one with a hint', async () => {
    const { app, feed } = await start();
    close = () => app.close();
    const c = await connect(app, '/api/v1/live');
    c.ws.send(JSON.stringify({ type: 'subscribe', paths: ['plc', `${LINE}/capper`] }));
    expect((await c.next(1)).values.map((v: any) => v.path)).toEqual(['plc/x', `${LINE}/capper/speed`]);
    c.ws.send('{"type":"subscribe","paths":["bad path"]}');
    expect(await c.next(2)).toMatchObject({ type: 'error', code: 'CW_PATH_INVALID' });
    c.ws.send('hello');
    expect(await c.next(3)).toMatchObject({ type: 'error', code: 'CW_API_BAD_REQUEST', hint: expect.any(String) });
    feed.publish([s('plc/x', 2, 5)]);
    expect(await c.next(4)).toMatchObject({ type: 'values', values: [{ path: 'plc/x', value: 2 }] });
    c.ws.terminate();
  });

  it('gives a user limited to a subtree only the values there, and refuses a prefix outside it', async () => {
    const viewer = { user: { id: 'v', username: 'v' }, via: 'session', actor: 'v', subject: { grants: [{ role: 'viewer', paths: [`${LINE}/filler`] }] } } as unknown as Principal;
    const { app, feed } = await start(viewer);
    close = () => app.close();
    const c = await connect(app, `/api/v1/live?path=${LINE}`);
    expect((await c.next(1)).values.map((v: any) => v.path)).toEqual([`${LINE}/filler/speed`]);
    feed.publish([s(`${LINE}/capper/speed`, 5, 9), s(`${LINE}/filler/speed`, 7, 9)]);
    expect((await c.next(2)).values.map((v: any) => v.path)).toEqual([`${LINE}/filler/speed`]);
    c.ws.send(JSON.stringify({ type: 'subscribe', paths: ['plc'] }));
    expect(await c.next(3)).toMatchObject({ type: 'error', code: 'CW_AUTH_FORBIDDEN' });
    c.ws.terminate();
  });

  it('stops listening when the client goes', async () => {
    const { app, feed } = await start();
    close = () => app.close();
    const c = await connect(app, `/api/v1/live?path=${LINE}`);
    await c.next(1);
    expect(feed.size).toBe(1);
    c.ws.terminate();
    for (let i = 0; i < 50 && feed.size > 0; i++) await new Promise((r) => setTimeout(r, LIVE_FLUSH_MS / 10));
    expect(feed.size).toBe(0);
  });

  it('tells a plain HTTP client to use a WebSocket', async () => {
    const { app } = await start();
    close = () => app.close();
    const res = await app.inject('/api/v1/live');
    expect(res.statusCode).toBe(400);
  });

  it('parses subscribe messages strictly', () => {
    expect(parseSubscribe('{"type":"subscribe","paths":["a/b","a/b/"]}')).toEqual(['a/b']);
    expect(parseSubscribe('{"type":"subscribe","paths":[]}')).toEqual([]);
    expect(() => parseSubscribe('{"type":"subscribe","paths":"a"}')).toThrow(/subscribe/);
    expect(() => parseSubscribe(JSON.stringify({ type: 'subscribe', paths: Array.from({ length: 101 }, (_, i) => `p${i}`) }))).toThrow(/at most 100/);
  });
});
