/**
 * Live values from GET /api/v1/live (WebSocket): subscribe to path prefixes, get a snapshot, then
 * the changes. Reconnects with backoff; where a WebSocket cannot be opened at all (a proxy that
 * drops upgrades), it falls back to reading /api/v1/values every second.
 */
import type { JournalEntry } from './alarms';
import { get } from './client';

export interface LiveValue {
  path: string;
  value: number | boolean | string;
  ts: number;
  quality: 'good' | 'uncertain' | 'bad';
  /** Why the hub marked the value bad (link_lost) or uncertain (stale); absent otherwise. */
  reason?: 'link_lost' | 'stale';
  unit?: string;
}

export type LiveStatus = 'connecting' | 'live' | 'polling' | 'closed';

type Message =
  | { type: 'snapshot'; values: LiveValue[] }
  | { type: 'values'; values: LiveValue[] }
  | { type: 'alarms'; events: JournalEntry[]; dropped?: number }
  | { type: 'error'; title: string; hint: string };

export interface LiveHandlers {
  onValues(values: LiveValue[], snapshot: boolean): void;
  onStatus(status: LiveStatus, detail?: string): void;
  /** Alarm transitions on attributes under the prefixes (`dropped`: how many the hub could not send in time). */
  onAlarms?(events: JournalEntry[], dropped: number): void;
}

export interface LiveOptions {
  /** Read /api/v1/values every second when no WebSocket can be opened (default); false: only report 'polling' and stop. */
  pollValues?: boolean;
}

const POLL_MS = 1000;
const MAX_BACKOFF_MS = 15_000;
/** Failed opens in a row before polling instead. */
const FALLBACK_AFTER = 3;

export class LiveSubscription {
  readonly #prefixes: string[];
  readonly #h: LiveHandlers;
  readonly #pollValues: boolean;
  #socket: WebSocket | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #closed = false;

  constructor(prefixes: string[], handlers: LiveHandlers, options: LiveOptions = {}) {
    this.#prefixes = prefixes;
    this.#h = handlers;
    this.#pollValues = options.pollValues ?? true;
    if (prefixes.length > 0) this.#open();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#socket?.close();
    this.#h.onStatus('closed');
  }

  #open(): void {
    this.#h.onStatus('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live`;
    const socket = new WebSocket(url);
    this.#socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.#failures = 0;
      socket.send(JSON.stringify({ type: 'subscribe', paths: this.#prefixes }));
      this.#h.onStatus('live');
    };
    socket.onmessage = (e) => this.#message(JSON.parse(String(e.data)) as Message);
    socket.onclose = () => {
      if (this.#closed) return;
      if (!opened) this.#failures++;
      if (this.#failures >= FALLBACK_AFTER) return this.#poll();
      const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#failures);
      this.#h.onStatus('connecting', `reconnecting in ${Math.round(wait / 1000)} s`);
      this.#timer = setTimeout(() => this.#open(), wait);
    };
  }

  #message(m: Message): void {
    if (m.type === 'error') this.#h.onStatus('live', `${m.title} ${m.hint}`);
    else if (m.type === 'alarms') this.#h.onAlarms?.(m.events, m.dropped ?? 0);
    else this.#h.onValues(m.values, m.type === 'snapshot');
  }

  async #poll(): Promise<void> {
    if (this.#closed) return;
    if (!this.#pollValues) return this.#h.onStatus('polling', 'the WebSocket could not be opened');
    this.#h.onStatus('polling', 'the WebSocket could not be opened; reading every second');
    try {
      const answers = await Promise.all(this.#prefixes.map((path) => get('/api/v1/values', { query: { path } })));
      this.#h.onValues(answers.flatMap((a) => a.values), true);
    } catch {
      // The next round tries again; the page shows the last values it had.
    }
    if (!this.#closed) this.#timer = setTimeout(() => void this.#poll(), POLL_MS);
  }
}
