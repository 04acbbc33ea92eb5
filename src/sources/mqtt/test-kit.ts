/** Helpers for the MQTT source's tests: a context with spies, a batch collector, a publisher. */
import { randomBytes } from 'node:crypto';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { TagConfig } from '../../config/schema.js';
import type { CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import type { SourceContext } from '../types.js';
import { MqttSource, type MqttConfig } from './index.js';

export interface Rig {
  source: MqttSource;
  batches: Sample[][];
  samples(): Sample[];
  errors: CausewayError[];
  /** Every logger call: [level, object, message]. */
  logs: unknown[][];
  /** connect() then subscribe(), as the supervisor does. */
  start(): Promise<void>;
}

/** A unique topic prefix, so concurrent runs on a shared broker do not see each other. */
export function uniquePrefix(): string {
  return `cwtest/${randomBytes(4).toString('hex')}`;
}

export function rig(config: MqttConfig, opts: { id?: string; tags?: Array<Record<string, unknown>> } = {}): Rig {
  const batches: Sample[][] = [];
  const errors: CausewayError[] = [];
  const logs: unknown[][] = [];
  const at = (level: string) => (...args: unknown[]) => void logs.push([level, ...args]);
  const logger = { warn: at('warn'), info: at('info'), debug: at('debug'), error: at('error'), trace: at('trace'), fatal: at('fatal') } as unknown as Logger;
  const ctx: SourceContext = {
    id: opts.id ?? 'mq',
    zone: 'ot',
    logger,
    tags: (opts.tags ?? []) as unknown as TagConfig[],
    dataDir: '/nonexistent',
    commandsAllowed: false,
    now: () => Date.now(),
    reportError: (e) => void errors.push(e),
  };
  const source = new MqttSource(config, ctx);
  return {
    source,
    batches,
    samples: () => batches.flat(),
    errors,
    logs,
    start: async () => {
      await source.connect(new AbortController().signal);
      source.subscribe((b) => void batches.push(b));
    },
  };
}

/** A plain MQTT client for publishing test messages. */
export function publisher(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return connectAsync(url, { reconnectPeriod: 0, ...options });
}

/** Resolve once `condition()` holds; checks on every loop turn, gives up (rejects) after `limitMs`. */
export async function waitFor(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** What a promise rejects with (fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<CausewayError> {
  try {
    await p;
  } catch (e) {
    return e as CausewayError;
  }
  throw new Error('expected a rejection');
}
