/** Helpers for the Sparkplug integration tests: a source context, a sample collector, a topic watcher. */
import pino from 'pino';
import mqtt from 'mqtt';
import type { CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import type { TagConfig } from '../../config/schema.js';
import type { SourceContext } from '../types.js';

export const BROKER = 'mqtt://127.0.0.1:1883';

let counter = 0;
/** An id no earlier run used, so retained messages of other runs do not interfere. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}

/** Wait until `cond` holds; the test's own timeout bounds the wait. */
export async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

export interface LogLine {
  level: number;
  msg: string;
  code?: string;
  [key: string]: unknown;
}

/** A source context whose logs and reported errors the test can read. */
export function testContext(opts: { id?: string; zone?: string; commandsAllowed: boolean; tags?: TagConfig[] }) {
  const logs: LogLine[] = [];
  /** The lines as written: JSON.parse would hide a key written twice. */
  const lines: string[] = [];
  const errors: CausewayError[] = [];
  const write = (line: string) => {
    lines.push(line);
    logs.push(JSON.parse(line) as LogLine);
  };
  // As the hub makes it (runtime/connections.ts): a child logger that names the source once.
  const logger = pino({ level: 'debug' }, { write }).child({ source: opts.id ?? 'spb' });
  const ctx: SourceContext = {
    id: opts.id ?? 'spb',
    zone: opts.zone ?? 'cell-zone',
    logger,
    tags: opts.tags ?? [],
    dataDir: '/tmp',
    commandsAllowed: opts.commandsAllowed,
    now: () => Date.now(),
    reportError: (e) => void errors.push(e),
  };
  return { ctx, logs, lines, errors };
}

/** Collects the batches a source delivers. */
export class Collector {
  readonly samples: Sample[] = [];
  readonly onBatch = (batch: Sample[]): void => {
    this.samples.push(...batch);
  };

  /** The samples of one path, in arrival order. */
  of(path: string): Sample[] {
    return this.samples.filter((s) => s.path === path);
  }

  /** The last sample of one path. */
  last(path: string): Sample | undefined {
    return this.of(path).at(-1);
  }

  /** Wait until a sample matching `pred` arrived after `from` (an index into samples). */
  async waitFor(pred: (s: Sample) => boolean, from = 0): Promise<Sample> {
    let found: Sample | undefined;
    await until(() => (found = this.samples.slice(from).find(pred)) !== undefined);
    return found!;
  }
}

/** A plain MQTT client that records what arrives on a topic filter. */
export async function watch(filter: string): Promise<{ messages: Array<{ topic: string; payload: Buffer; retain: boolean }>; close(): Promise<void> }> {
  const client = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
  const messages: Array<{ topic: string; payload: Buffer; retain: boolean }> = [];
  client.on('message', (topic, payload, packet) => messages.push({ topic, payload, retain: packet.retain }));
  await client.subscribeAsync(filter, { qos: 1 });
  return { messages, close: () => client.endAsync() };
}

/** Remove a retained message (an empty retained payload deletes it). */
export async function clearRetained(topic: string): Promise<void> {
  const client = await mqtt.connectAsync(BROKER, { reconnectPeriod: 0 });
  await client.publishAsync(topic, '', { qos: 1, retain: true });
  await client.endAsync();
}
