/**
 * The simulated site energy meter: a one-way device. Every 5 s it POSTs its latest reading,
 * `{ts, values: {power, energy, voltage_l1, ...}}`, to the hub's /ingest/<source-id> with its
 * bearer token (every second until the hub first answers, as the hub starts after its devices). On 429 or 503 it waits as long as Retry-After asks before sending again; while the
 * hub is unreachable it keeps measuring and keeps trying, logging once per outage.
 */
import type { Logger } from 'pino';
import { energyMeterTags, engineeringValue } from '../plant.js';
import { DEMO_SOURCE_IDS } from '../protocol-sources.js';
import { PlantClock, type PlantStep } from './clock.js';
import type { RunningDevice } from './types.js';

const METER_SOURCE_ID = DEMO_SOURCE_IDS.meter;
const SEND_EVERY_MS = 5000;
const STARTUP_RETRY_MS = 1000;
const REQUEST_TIMEOUT_MS = 4000;
const MAX_WAIT_MS = 60_000;

export interface EnergyMeterOptions {
  hubUrl: string;
  token: string;
  seed: number;
  epochMs: number;
  logger: Logger;
  /** How often a reading is sent (default 5 s). */
  intervalMs?: number;
  fetch?: typeof fetch;
}

/**
 * Whether a reading is due: once per `every` slot of the wall clock (…:00, :05, :10 for 5 s), but
 * every second until the hub first takes one, so a hub that is just starting gets it soon.
 */
export function isDue(now: number, last: number | undefined, delivered: boolean, every: number): boolean {
  if (last === undefined) return true;
  const slot = delivered ? every : Math.min(every, STARTUP_RETRY_MS);
  return Math.floor(now / slot) > Math.floor(last / slot);
}

/** Who the meter says it is, in every request (the asset inventory records it and its firmware). */
export const METER_IDENTITY = { vendor: 'Schneider Electric', product: 'PowerLogic PM5560', model: 'METSEPM5560', firmware: '2.7.4', serial: 'ZB2104001837' } as const;

/** One reading: the body the meter sends. */
export interface Reading {
  ts: number;
  values: Record<string, number | boolean | string>;
}

/** A step's values as the meter sends them (energy in kWh). */
export function readingOf(step: PlantStep): Reading {
  const values: Record<string, number | boolean | string> = {};
  for (const tag of energyMeterTags()) {
    const v = step.values.get(tag.id);
    if (v) values[tag.id] = engineeringValue(tag, v.value);
  }
  return { ts: step.ts, values };
}

/** How long to wait after an answer: Retry-After seconds (or an HTTP date), capped; undefined when sending may go on. */
export function waitAfter(status: number, retryAfter: string | null, now: number): number | undefined {
  if (status !== 429 && status !== 503) return undefined;
  if (retryAfter === null) return SEND_EVERY_MS;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  return Number.isFinite(ms) ? Math.min(MAX_WAIT_MS, Math.max(1000, ms)) : SEND_EVERY_MS;
}

/** The sending side: one request at a time, the newest reading wins, Retry-After honoured. */
class Sender {
  readonly #o: EnergyMeterOptions;
  readonly #url: string;
  #notBefore = 0;
  #busy = false;
  #problem: string | undefined;
  #delivered = false;

  constructor(o: EnergyMeterOptions) {
    this.#o = o;
    this.#url = `${o.hubUrl.replace(/\/$/, '')}/ingest/${METER_SOURCE_ID}`;
  }

  /** True once the hub has taken a reading. */
  get delivered(): boolean {
    return this.#delivered;
  }

  /** Send unless a request is under way or the hub asked to wait; returns whether it tried. */
  send(reading: Reading): Promise<void> | undefined {
    if (this.#busy || Date.now() < this.#notBefore) return undefined;
    this.#busy = true;
    return this.#post(reading);
  }

  async #post(reading: Reading): Promise<void> {
    try {
      const res = await (this.#o.fetch ?? fetch)(this.#url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#o.token}` },
        body: JSON.stringify({ ...reading, device: METER_IDENTITY }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      const wait = waitAfter(res.status, res.headers.get('retry-after'), Date.now());
      if (wait !== undefined) this.#notBefore = Date.now() + wait;
      if (res.ok) this.#recovered();
      else this.#report(`the hub answered ${res.status}${wait !== undefined ? `; waiting ${Math.round(wait / 1000)} s as it asks` : ''}`);
    } catch (e) {
      // Before the first delivery the hub is usually still starting: not worth a warning.
      if (!this.#delivered) this.#report(`the hub at ${this.#o.hubUrl} does not answer yet; trying every second`, 'info');
      else this.#report(`the hub at ${this.#o.hubUrl} is unreachable (${(e as Error).message}); the meter keeps measuring and trying every ${(this.#o.intervalMs ?? SEND_EVERY_MS) / 1000} s`);
    } finally {
      this.#busy = false;
    }
  }

  #report(problem: string, level: 'info' | 'warn' = 'warn'): void {
    if (problem !== this.#problem) this.#o.logger[level](`Energy meter: ${problem}.`);
    this.#problem = problem;
  }

  #recovered(): void {
    if (this.#problem !== undefined) this.#o.logger.info(`Energy meter: the hub takes readings${this.#delivered ? ' again' : ''}.`);
    this.#problem = undefined;
    this.#delivered = true;
  }
}

/** Start measuring and sending; resolves at once (the hub may not be up yet). */
export async function startEnergyMeter(o: EnergyMeterOptions): Promise<RunningDevice> {
  const clock = new PlantClock(energyMeterTags(), { seed: o.seed, epochMs: o.epochMs, onStep: () => undefined });
  clock.start();
  const sender = new Sender(o);
  const every = o.intervalMs ?? SEND_EVERY_MS;
  let pending: Promise<void> | undefined;
  let last: number | undefined;
  const timer = setInterval(() => {
    const step = clock.current;
    if (!step || !isDue(Date.now(), last, sender.delivered, every)) return;
    const sent = sender.send(readingOf(step));
    if (sent) [pending, last] = [sent, Date.now()];
  }, Math.min(every, STARTUP_RETRY_MS));
  o.logger.info(`Energy meter sending a reading every ${every / 1000} s to ${o.hubUrl}/ingest/${METER_SOURCE_ID}.`);
  return {
    endpoint: `${o.hubUrl}/ingest/${METER_SOURCE_ID}`,
    async stop() {
      clearInterval(timer);
      clock.stop();
      await pending;
    },
  };
}
