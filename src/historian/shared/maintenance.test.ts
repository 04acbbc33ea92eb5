import type { Logger } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Maintenance } from './maintenance.js';

afterEach(() => {
  vi.useRealTimers();
});

function setup(failing?: string) {
  const calls: string[] = [];
  const task = (name: string) => async () => {
    calls.push(name);
    if (name === failing) throw new Error(`${name} broke`);
    return { name };
  };
  const warn = vi.fn();
  const log = { warn, info: vi.fn(), error: vi.fn() } as unknown as Logger;
  let clock = 0;
  const m = new Maintenance({ compact: task('compact'), retention: task('retention'), rollups: task('rollups') }, log, () => clock, { intervalMs: 1000, retentionEveryMs: 3000 });
  return { m, calls, warn, advance: (ms: number) => (clock += ms) };
}

describe('Maintenance', () => {
  it('runs every task at start, then on the timer, retention at most every retentionEveryMs', async () => {
    vi.useFakeTimers();
    const { m, calls, advance } = setup();
    m.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['compact', 'rollups', 'retention']);
    for (let i = 0; i < 3; i++) {
      advance(1000);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(calls).toEqual(['compact', 'rollups', 'retention', 'compact', 'rollups', 'compact', 'rollups', 'compact', 'rollups', 'retention']);
    await m.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(10);
  });

  it('queues a task asked for soon once, however often it is asked before it starts', async () => {
    const { m, calls } = setup();
    m.soon('compact');
    m.soon('compact');
    m.soon('rollups');
    expect(await m.run([])).toEqual({});
    expect(calls).toEqual(['compact', 'rollups']);
  });

  it('reports what explicit runs did, and rejects with the task that failed', async () => {
    const { m } = setup('retention');
    expect(await m.run(['compact', 'rollups'])).toEqual({ compact: { name: 'compact' }, rollups: { name: 'rollups' } });
    await expect(m.run()).rejects.toMatchObject({ code: 'CW_HISTORIAN_MAINTENANCE_FAILED', params: { task: 'retention', reason: 'retention broke' } });
  });

  it('logs a failed timer run and goes on with the next task', async () => {
    vi.useFakeTimers();
    const { m, calls, warn } = setup('compact');
    m.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['compact', 'rollups', 'retention']);
    expect(warn).toHaveBeenCalledWith({ task: 'compact', err: 'compact broke' }, expect.stringMatching(/tried again/));
    await m.stop();
  });
});
