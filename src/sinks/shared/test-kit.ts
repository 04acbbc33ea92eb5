/** Helpers for sink tests: a context whose logs the test can read, unique names, and a wait. */
import pino from 'pino';
import type { PathInfo, SinkContext } from '../types.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A sink context; `units` gives the namespace's unit of some paths. */
export function testSinkContext(opts: { id?: string; units?: Record<string, string> } = {}): { ctx: SinkContext; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const units = opts.units ?? {};
  const ctx: SinkContext = {
    id: opts.id ?? 'test-sink',
    zone: 'enterprise',
    logger,
    dataDir: '/tmp',
    describe: (path: string): PathInfo | undefined => (units[path] ? { unit: units[path], type: 'number' } : undefined),
    now: () => Date.now(),
  };
  return { ctx, logs };
}

let counter = 0;
/** A name no earlier run used (letters, digits, "_" and "-"), so retained or stored data of other runs stays out. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

/** Wait until `cond` holds; the test's own timeout bounds the wait. */
export async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
