/**
 * GET /api/v1/live — current values over a WebSocket. The client subscribes to path prefixes
 * (`?path=` and/or `{"type":"subscribe","paths":[…]}`, which replaces the subscription), gets a
 * snapshot of the values at or below them, then every change, coalesced per path and sent at most
 * every 250 ms. A slow client costs memory for one value per subscribed path, never a queue.
 * Like GET /values, a user limited to zones or subtrees gets only the values there: a prefix with
 * nothing readable at, above or below it is refused, and every value is checked against the grants.
 * A browser page may connect only from the hub's own origin or api.allowedOrigins, and live sockets
 * are limited per user and in all (live-guard.ts). Needs @fastify/websocket registered on the app
 * (server.ts does).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WebSocket } from 'ws';
import { CausewayError, isCausewayError } from '../../core/errors.js';
import { isUnder } from '../../core/path.js';
import type { Sample } from '../../core/sample.js';
import { checkLiveUpgrade, LiveSockets } from '../live-guard.js';
import { limitsOf } from '../limits.js';
import { checkedPaths } from '../params.js';
import { problemOf } from '../problem.js';
import { readerOf, type LiveReader } from '../readers.js';
import type { Principal } from '../../security/index.js';
import type { HubServices } from '../services.js';
import type { JournalEntry } from '../../alarms/index.js';

/** How often coalesced changes go out. */
export const LIVE_FLUSH_MS = 250;
/** Most prefixes one connection may subscribe to. */
export const LIVE_MAX_PREFIXES = 100;
/** Most values in a snapshot. */
export const LIVE_SNAPSHOT_LIMIT = 10_000;
/** Above this many bytes waiting in the socket, changes keep coalescing instead of being sent. */
const MAX_BUFFERED_BYTES = 1_048_576;
/** Most alarm events held for one client between flushes; older ones are dropped and counted. */
const MAX_PENDING_ALARMS = 1000;
/** Largest client message the WebSocket server accepts (server.ts registers it with this). */
export const LIVE_MAX_MESSAGE_BYTES = 64 * 1024;

export interface LiveValue {
  path: string;
  value: Sample['value'];
  ts: number;
  quality: Sample['quality'];
  /** Why the hub marked the value bad or uncertain; absent otherwise. */
  reason?: NonNullable<Sample['qualityReason']>;
  unit?: string;
}

/** Server → client messages. */
export type LiveMessage =
  | { type: 'snapshot'; paths: string[]; values: LiveValue[]; truncated: boolean }
  | { type: 'values'; values: LiveValue[] }
  /** Alarm transitions on attributes under the subscribed prefixes, in order (`dropped`: how many a slow client missed). */
  | { type: 'alarms'; events: JournalEntry[]; dropped?: number }
  | { type: 'error'; code: string; title: string; hint: string };

const Query = Type.Object({
  path: Type.Optional(Type.String({ maxLength: 8192, description: 'Prefixes to subscribe to at once, comma-separated (also possible later with a subscribe message).' })),
});

/** Parse a client message into the prefixes to subscribe to; throws CW_API_BAD_REQUEST or CW_PATH_INVALID. */
export function parseSubscribe(text: string): string[] {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'a live message must be JSON such as {"type":"subscribe","paths":["acme/springfield"]}' });
  }
  const m = msg as { type?: unknown; paths?: unknown };
  if (m?.type !== 'subscribe' || !Array.isArray(m.paths) || !m.paths.every((p) => typeof p === 'string')) {
    throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'the only live message is {"type":"subscribe","paths":[…]} with an array of path prefixes' });
  }
  return prefixes(m.paths as string[]);
}

function prefixes(paths: string[]): string[] {
  const list = paths.length === 0 ? [] : checkedPaths(paths);
  if (list.length > LIVE_MAX_PREFIXES) throw new CausewayError('CW_API_BAD_REQUEST', { problem: `at most ${LIVE_MAX_PREFIXES} path prefixes per connection (got ${list.length})` });
  return list;
}

/** One WebSocket client: its prefixes, the changes waiting to go out, and the flush timer. */
class LiveClient {
  readonly #socket: WebSocket;
  readonly #services: HubServices;
  readonly #reader: LiveReader;
  #prefixes: string[] = [];
  #pending = new Map<string, Sample>();
  #alarms: JournalEntry[] = [];
  #droppedAlarms = 0;
  readonly #timer: NodeJS.Timeout;
  readonly #unsubscribe: () => void;
  readonly #unsubscribeAlarms: (() => void) | undefined;

  constructor(socket: WebSocket, services: HubServices, reader: LiveReader) {
    this.#socket = socket;
    this.#services = services;
    this.#reader = reader;
    this.#unsubscribe = services.live.subscribe((batch) => this.#queue(batch));
    this.#unsubscribeAlarms = services.alarms?.subscribe((events) => this.#queueAlarms(events));
    this.#timer = setInterval(() => this.#flush(), LIVE_FLUSH_MS);
    this.#timer.unref();
  }

  subscribe(prefixes: string[]): void {
    const refused = prefixes.find((p) => !this.#reader.may(p));
    if (refused !== undefined) throw new CausewayError('CW_AUTH_FORBIDDEN', { permission: 'read', action: `read ${refused || 'the whole namespace'}` });
    this.#prefixes = prefixes;
    this.#pending.clear();
    const seen = new Map<string, Sample>();
    for (const p of prefixes) for (const s of this.#services.namespace.liveUnder(p)) if (this.#reader.sees(s.path)) seen.set(s.path, s);
    const all = [...seen.values()];
    this.#send({ type: 'snapshot', paths: prefixes, values: all.slice(0, LIVE_SNAPSHOT_LIMIT).map((s) => this.#view(s)), truncated: all.length > LIVE_SNAPSHOT_LIMIT });
  }

  error(e: unknown): void {
    const err = isCausewayError(e) ? e : new CausewayError('CW_API_INTERNAL', { reason: 'live message failed' });
    const p = problemOf(err, '/api/v1/live');
    this.#send({ type: 'error', code: p.code, title: p.title, hint: p.hint });
  }

  close(): void {
    clearInterval(this.#timer);
    this.#unsubscribe();
    this.#unsubscribeAlarms?.();
    this.#pending.clear();
    this.#alarms = [];
  }

  #queueAlarms(events: readonly JournalEntry[]): void {
    if (this.#prefixes.length === 0) return;
    for (const e of events) {
      if (!this.#prefixes.some((p) => isUnder(e.path, p)) || !this.#reader.sees(e.path)) continue;
      if (this.#alarms.length >= MAX_PENDING_ALARMS) {
        this.#alarms.shift();
        this.#droppedAlarms++;
      }
      this.#alarms.push(e);
    }
  }

  #queue(batch: readonly Sample[]): void {
    if (this.#prefixes.length === 0) return;
    for (const s of batch) {
      if (!this.#prefixes.some((p) => isUnder(s.path, p)) || !this.#reader.sees(s.path)) continue;
      const prev = this.#pending.get(s.path);
      if (!prev || prev.ts <= s.ts) this.#pending.set(s.path, s);
    }
  }

  #flush(): void {
    if (this.#socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
    if (this.#alarms.length > 0) {
      this.#send({ type: 'alarms', events: this.#alarms, ...(this.#droppedAlarms > 0 ? { dropped: this.#droppedAlarms } : {}) });
      this.#alarms = [];
      this.#droppedAlarms = 0;
    }
    if (this.#pending.size === 0) return;
    const values = [...this.#pending.values()].map((s) => this.#view(s));
    this.#pending = new Map();
    this.#send({ type: 'values', values });
  }

  #view(s: Sample): LiveValue {
    const unit = this.#services.namespace.attribute(s.path)?.unit;
    return { path: s.path, value: s.value, ts: s.ts, quality: s.quality, ...(s.qualityReason ? { reason: s.qualityReason } : {}), ...(unit ? { unit } : {}) };
  }

  #send(msg: LiveMessage): void {
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.send(JSON.stringify(msg));
  }
}

/** WebSocket close code for "try again later" (RFC 6455 registry): the one past the limit, when several raced. */
const TRY_AGAIN_LATER = 1013;

export const liveRoutes: FastifyPluginAsyncTypebox<{ services: HubServices }> = async (app, { services }) => {
  const limits = limitsOf(services);
  const sockets = new LiveSockets(limits);
  app.route({
    method: 'GET',
    url: '/live',
    config: { permission: 'read' },
    // Before the handshake, so a refusal is a plain HTTP answer (403 origin, 429 full).
    preHandler: async (req) => checkLiveUpgrade(req, sockets, limits.allowedOrigins),
    schema: {
      summary: 'Live values over a WebSocket: subscribe to path prefixes, get a snapshot, then every change (coalesced, at most every 250 ms).',
      description: 'Client → hub: {"type":"subscribe","paths":["acme/springfield/packaging/line1"]} (replaces the subscription). Hub → client: {"type":"snapshot","paths":[…],"values":[{path,value,ts,quality,reason?,unit}],"truncated":false}, then {"type":"values","values":[…]}, and alarm transitions under the prefixes as {"type":"alarms","events":[journal entries]}; a bad message gets {"type":"error","code","title","hint"}. A plain HTTP GET answers 400.',
      tags: ['values'],
      querystring: Query,
    },
    handler: async () => {
      throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'GET /api/v1/live is a WebSocket; connect with a WebSocket client (ws://…/api/v1/live), or use GET /api/v1/values for a one-off read' });
    },
    wsHandler: (socket, req) => {
      const principal = (req as { principal?: Principal }).principal;
      // Upgrades that passed the check together may still overrun the limit: the late ones are closed.
      if (sockets.refusal(principal)) {
        socket.close(TRY_AGAIN_LATER, 'too many live connections');
        return;
      }
      const release = sockets.take(principal);
      const client = new LiveClient(socket, services, readerOf(principal, (path) => services.security?.zoneOf(path)));
      const end = () => {
        release();
        client.close();
      };
      socket.on('close', end);
      socket.on('error', end);
      socket.on('message', (data, isBinary) => {
        try {
          if (isBinary) throw new CausewayError('CW_API_BAD_REQUEST', { problem: 'live messages are JSON text' });
          client.subscribe(parseSubscribe(data.toString()));
        } catch (e) {
          client.error(e);
        }
      });
      const initial = (req.query as { path?: string }).path;
      if (initial) {
        try {
          client.subscribe(prefixes(initial.split(',')));
        } catch (e) {
          client.error(e);
        }
      }
    },
  });
};
