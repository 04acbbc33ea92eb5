import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../config/schema.js';
import type { Sample } from '../core/sample.js';
import type { ConnectionState } from './status.js';
import { StalenessWatch } from './staleness.js';
import type { SourceSupervisor } from './supervisor.js';

/** A supervisor as the watch sees it: a state, and whether its source polls or subscribes. */
function supervisor(kind: 'poll' | 'push', state: { now: ConnectionState }): SourceSupervisor {
  const source = kind === 'poll' ? { poll: () => Promise.resolve([]) } : { subscribe: () => undefined };
  return { status: () => ({ state: state.now }), source } as unknown as SourceSupervisor;
}

function setUp(kind: 'poll' | 'push', cfg: Partial<SourceConfig> = {}) {
  const clock = { now: 1000 };
  const state: { now: ConnectionState } = { now: 'connected' };
  const calls: Array<[string, Sample[]]> = [];
  const source = { id: 'plc', kind: kind === 'poll' ? 'modbus' : 'mqtt', zone: 'cell', pollInterval: 500, tags: [{ id: 'a' }], ...cfg } as SourceConfig;
  const watch = new StalenessWatch({
    sources: [source],
    supervisors: new Map([['plc', supervisor(kind, state)]]),
    ingest: (id, batch) => {
      calls.push([id, [...batch]]);
      return Promise.resolve(calls.length);
    },
    now: () => clock.now,
    logger: pino({ level: 'silent' }),
  });
  return { watch, clock, state, calls };
}

const a = (value: number, ts: number): Sample => ({ path: 'plc/a', value, ts, quality: 'good' });

describe('the staleness watch', () => {
  it('passes batches through with the pipeline\'s answer, and marks a lost link once as the source', async () => {
    const { watch, clock, state, calls } = setUp('poll');
    expect(await watch.ingest('plc', [a(1, 900)])).toBe(1);
    watch.check();
    state.now = 'backoff';
    clock.now = 1100;
    watch.check();
    watch.check();
    await watch.stop();
    expect(calls).toEqual([
      ['plc', [a(1, 900)]],
      ['plc', [{ path: 'plc/a', value: 1, ts: 1100, quality: 'bad', qualityReason: 'link_lost' }]],
    ]);
  });

  it('marks a link that came up, delivered and went down between two checks', async () => {
    const { watch, state, calls } = setUp('poll');
    state.now = 'connecting';
    watch.check();
    await watch.ingest('plc', [a(1, 900)]);
    state.now = 'backoff';
    watch.check();
    await watch.stop();
    expect(calls.slice(1)).toEqual([['plc', [{ path: 'plc/a', value: 1, ts: 1000, quality: 'bad', qualityReason: 'link_lost' }]]]);
  });

  it('does not mark a source stopped on purpose', async () => {
    const { watch, state, calls } = setUp('poll');
    await watch.ingest('plc', [a(1, 900)]);
    watch.check();
    state.now = 'stopped';
    watch.check();
    await watch.stop();
    expect(calls).toHaveLength(1);
  });

  it('marks a polled value stale after 3 × its poll interval (at least 2 s), and not a pushed one', async () => {
    for (const [kind, marked] of [['poll', true], ['push', false]] as const) {
      const { watch, clock, calls } = setUp(kind);
      await watch.ingest('plc', [a(1, 900)]);
      clock.now = 2999;
      watch.check();
      // Ages are looked at once a second: the next look finds it stale.
      clock.now = 4000;
      watch.check();
      clock.now = 60_000;
      watch.check();
      await watch.stop();
      expect(calls.slice(1)).toEqual(marked ? [['plc', [{ path: 'plc/a', value: 1, ts: 4000, quality: 'uncertain', qualityReason: 'stale' }]]] : []);
    }
  });

  it('ingests the re-stamped recovery right after the batch that brought it', async () => {
    const { watch, clock, state, calls } = setUp('push');
    await watch.ingest('plc', [a(1, 900)]);
    watch.check();
    state.now = 'backoff';
    watch.check();
    state.now = 'connected';
    clock.now = 5000;
    await watch.ingest('plc', [a(1, 900)]);
    await watch.stop();
    expect(calls.slice(2)).toEqual([
      ['plc', [a(1, 900)]],
      ['plc', [a(1, 5000)]],
    ]);
  });
});
