/** Test helpers: a Modbus source on a test device, with a logger whose lines the test can read. */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { TagConfig } from '../../../config/schema.js';
import type { Source, SourceContext } from '../../types.js';
import { modbusSource, type ModbusConfig } from '../index.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its lines. */
export function capturingLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export interface Harness {
  source: Source;
  ctx: SourceContext;
  lines: LogLine[];
}

/** A modbus source `plc` for the device on `port`, with these tags (config defaults to host 127.0.0.1). */
export function modbusHarness(port: number, tags: TagConfig[], config: Partial<ModbusConfig> = {}): Harness {
  const { logger, lines } = capturingLogger();
  const ctx: SourceContext = {
    id: 'plc', zone: 'cell', logger, tags, dataDir: '/tmp', commandsAllowed: true,
    now: () => Date.now(),
    reportError: () => {},
  };
  const source = modbusSource.create({ host: '127.0.0.1', port, ...config }, ctx);
  return { source, ctx, lines };
}

/** The samples of a poll as { tag id: value }. */
export function valuesOf(samples: ReadonlyArray<{ path: string; value: unknown }>): Record<string, unknown> {
  return Object.fromEntries(samples.map((s) => [s.path.split('/').pop()!, s.value]));
}
