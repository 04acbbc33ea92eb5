/**
 * WebSockets against a running hub over real TCP: a refused upgrade (no session, a wrong token, a
 * page from another origin) is answered and its socket closed by the hub, so two thousand of them
 * leave nothing open and the hub still answers and stops; the live route takes browsers only from
 * its own origin and api.allowedOrigins; live sockets are limited per user and in all.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadCheckedText } from '../src/cli/config-io.js';
import { Hub } from '../src/runtime/hub.js';
import { apiToken } from '../src/test-support/auth.js';

const config = (api: string) => `
site: { enterprise: Acme, name: Springfield, hubZone: site-ops }
zones: [{ id: line1-ot, level: 1 }, { id: site-ops, level: 3 }]
conduits: [{ from: line1-ot, to: site-ops, allow: [telemetry] }]
sources:
  - id: plc1
    kind: simulator
    zone: line1-ot
    pollInterval: 200ms
    config: { seed: 7, period: 200ms }
    tags: [{ id: speed, signal: { kind: constant, value: 600 } }]
historian: { flushInterval: 200ms }
api: ${api}
`;

async function startHub(api: string): Promise<{ hub: Hub; url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-live-sockets-'));
  const { config: checked, problems } = await loadCheckedText(config(api), 'hub.yaml');
  expect(problems).toEqual([]);
  const hub = await Hub.create({ config: checked!, dataDir: dir, logger: pino({ level: 'silent' }), port: 0, announce: () => undefined });
  return { hub, url: await hub.start(), dir };
}

interface RawUpgrade {
  status: number;
  socket: net.Socket;
  /** Resolves when the hub has closed the connection. */
  closed: Promise<void>;
}

/** A WebSocket handshake over a bare TCP socket that the client never closes itself (as an attacker's would not). */
function rawUpgrade(port: number, headers: Record<string, string>, path = '/api/v1/live'): Promise<RawUpgrade> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let onClosed: () => void = () => undefined;
    const closed = new Promise<void>((r) => (onClosed = r));
    socket.once('close', () => onClosed());
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      const wasWaiting = !text.includes('\r\n\r\n');
      text += chunk;
      if (wasWaiting && text.includes('\r\n\r\n')) resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), socket, closed });
    });
    socket.once('close', () => {
      if (!text.includes('\r\n\r\n')) reject(new Error(`the hub closed the connection without an answer: ${JSON.stringify(text)}`));
    });
    const lines = [
      `GET ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: Upgrade', 'Upgrade: websocket',
      'Sec-WebSocket-Version: 13', `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** Run `task` for 0..n-1 with at most `width` in flight. */
async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  }));
  return out;
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

describe('refused WebSocket upgrades', () => {
  let hub: Hub;
  let url: string;
  let dir: string;
  let token: string;
  beforeAll(async () => {
    ({ hub, url, dir } = await startHub('{ port: 0 }'));
    token = await apiToken(hub, 'viewer');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 2,000 refused upgrades and closes every socket: the hub still answers and stops', async () => {
    const port = Number(new URL(url).port);
    const before = tcpHandles();
    // No credentials, a wrong token, a valid token from a page on another origin, a path that is no WebSocket.
    const refusals: Array<[Record<string, string>, number, string?]> = [
      [{}, 401],
      [{ Authorization: 'Bearer cw_wrong_token' }, 401],
      [{ Authorization: `Bearer ${token}`, Origin: 'http://evil.example' }, 403],
      [{ Authorization: `Bearer ${token}` }, 404, '/api/v1/no-such-socket'],
    ];
    const answers = await pool(2000, 50, (i) => rawUpgrade(port, refusals[i % 4]![0], refusals[i % 4]![2]));

    // Every socket is closed by the hub, not by us.
    const closedByHub = await Promise.race([
      Promise.all(answers.map((a) => a.closed)).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
    ]);
    const leaked = answers.filter((a) => !a.socket.destroyed).length;
    for (const a of answers) a.socket.destroy();
    expect({ closedByHub, leaked }).toEqual({ closedByHub: true, leaked: 0 });
    expect(tcpHandles()).toBeLessThanOrEqual(before + 5);
    expect(answers.map((a) => a.status)).toEqual(answers.map((_, i) => refusals[i % 4]![1]));

    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    await hub.stop();
  }, 60_000);
});

interface Opened {
  ws?: WebSocket;
  status?: number;
  body?: { code?: string; title?: string };
}

/** Open the live WebSocket as `token`; resolves open, or with the HTTP refusal. */
function openLive(url: string, token: string, origin?: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/live`, { headers: { authorization: `Bearer ${token}` }, ...(origin ? { origin } : {}) });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Opened['body'] }));
    });
    ws.once('error', (e) => reject(e));
  });
}

async function closeAll(list: Opened[]): Promise<void> {
  await Promise.all(list.map((o) => new Promise<void>((r) => {
    if (!o.ws || o.ws.readyState === WebSocket.CLOSED) return r();
    o.ws.once('close', () => r());
    o.ws.close();
  })));
}

describe('the live WebSocket: origins and socket limits', () => {
  let hub: Hub;
  let url: string;
  let dir: string;
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    ({ hub, url, dir } = await startHub('{ port: 0, limits: { maxSockets: 3, maxSocketsPerUser: 2 }, allowedOrigins: ["https://console.example.com"] }'));
    alice = await apiToken(hub, 'viewer', 'alice');
    bob = await apiToken(hub, 'viewer', 'bob');
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes browsers from the hub's own origin and api.allowedOrigins, and clients without an Origin", async () => {
    const own = await openLive(url, alice, url);
    const listed = await openLive(url, alice, 'https://console.example.com');
    expect([own.ws?.readyState, listed.ws?.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
    await closeAll([own, listed]);
    const plain = await openLive(url, alice);
    expect(plain.ws?.readyState).toBe(WebSocket.OPEN);
    await closeAll([plain]);

    const evil = await openLive(url, alice, 'https://evil.example');
    expect(evil).toMatchObject({ status: 403, body: { code: 'CW_API_ORIGIN_REFUSED' } });
    expect(evil.body?.title).toContain('https://evil.example');
    const nullOrigin = await openLive(url, alice, 'null');
    expect(nullOrigin).toMatchObject({ status: 403, body: { code: 'CW_API_ORIGIN_REFUSED' } });
  });

  it('refuses the socket past the per-user limit and past the total with 429, and takes one again once a socket closes', async () => {
    const a = [await openLive(url, alice), await openLive(url, alice)];
    expect(a.map((o) => o.ws?.readyState)).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
    const third = await openLive(url, alice);
    expect(third).toMatchObject({ status: 429, body: { code: 'CW_API_TOO_MANY_SOCKETS' } });
    expect(third.body?.title).toContain('api.limits.maxSocketsPerUser');

    const b = await openLive(url, bob);
    expect(b.ws?.readyState).toBe(WebSocket.OPEN);
    const fourth = await openLive(url, bob);
    expect(fourth).toMatchObject({ status: 429, body: { code: 'CW_API_TOO_MANY_SOCKETS' } });
    expect(fourth.body?.title).toContain('api.limits.maxSockets)');

    await closeAll([a[0]!]);
    // The hub counts the socket out when it sees the close; until then the refusal stands.
    let again: Opened = {};
    for (let i = 0; i < 50 && !again.ws; i++) {
      again = await openLive(url, alice);
      if (!again.ws) await new Promise((r) => setTimeout(r, 50));
    }
    expect(again.ws?.readyState).toBe(WebSocket.OPEN);
    await closeAll([a[1]!, b, again]);
  });
});
