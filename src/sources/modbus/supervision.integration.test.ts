/**
 * The Modbus source driven by the runtime's real SourceSupervisor against a real Modbus TCP
 * server: a device that goes away and comes back, and a device slower than the poll interval.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TagConfig } from '../../config/schema.js';
import type { Sample } from '../../core/sample.js';
import { SourceSupervisor } from '../../runtime/supervisor.js';
import { freePort } from '../../test-support/services.js';
import { TestDevice } from './__fixtures__/device.js';
import { modbusHarness } from './__fixtures__/harness.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function setUp(list: Array<Record<string, unknown>>, config: Record<string, unknown>) {
  const port = await freePort();
  const device = await TestDevice.start(port);
  const h = modbusHarness(port, list as TagConfig[], config);
  const batches: Sample[][] = [];
  const supervisor = new SourceSupervisor({
    id: 'plc', kind: 'modbus', zone: 'cell', role: 'source', logger: h.ctx.logger, source: h.source,
    pollIntervalMs: 50, policy: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0 },
    onBatch: async (b) => void batches.push(b),
  });
  stops.push(async () => {
    await supervisor.stop();
    await device.stop();
  });
  return { device, supervisor, batches, h };
}

const waitFor = <T>(fn: () => T) => vi.waitFor(fn, { timeout: 10_000, interval: 10 });

describe('modbus source under the supervisor', () => {
  it('backs off while the device is gone and recovers when it returns on the same port', async () => {
    const { device, supervisor, batches } = await setUp([{ id: 'speed', area: 'holding', address: 0 }], { timeout: 200 });
    device.setRegisters('holding', 0, [42]);
    supervisor.start();
    await waitFor(() => expect(batches.length).toBeGreaterThan(0));
    expect(batches[0]![0]).toMatchObject({ path: 'plc/speed', value: 42, quality: 'good' });

    await device.stop();
    // The open connection breaks (read failed), then new connections are refused (connect failed).
    await waitFor(() => expect(supervisor.status()).toMatchObject({ state: 'backoff', lastError: { code: 'CW_SOURCE_CONNECT_FAILED' } }));
    const st = supervisor.status();
    expect(st.lastError!.message).toBe(`Cannot reach plc at 127.0.0.1:${device.port}: the connection was refused.`);
    expect(st.nextRetryAt).toBeGreaterThan(0);
    expect(st.attempts).toBeGreaterThan(0);

    device.setRegisters('holding', 0, [43]);
    await device.listen();
    await waitFor(() => expect(batches.at(-1)![0]).toMatchObject({ value: 43, quality: 'good' }));
    expect(supervisor.status()).toMatchObject({ state: 'connected', attempts: 0 });
  });

  it('shows a lost link as a failed read first', async () => {
    const { device, supervisor, h } = await setUp([{ id: 'speed', area: 'holding', address: 0 }], { timeout: 200 });
    supervisor.start();
    await waitFor(() => expect(supervisor.status().state).toBe('connected'));
    await device.stop();
    await waitFor(() => expect(h.lines.some((l) => l.level === 40 && String(l.code) === 'CW_SOURCE_READ_FAILED')).toBe(true));
    const line = h.lines.find((l) => String(l.code) === 'CW_SOURCE_READ_FAILED')!;
    expect(line.msg).toMatch(/^Reading from plc failed: .*127\.0\.0\.1:\d+/);
  });

  it('counts overruns for a slow device and never has more than one request in flight', async () => {
    const tags = [
      { id: 'a', area: 'holding', address: 0, group: 'fast' },
      { id: 'b', area: 'holding', address: 200, group: 'fast' },
      { id: 'c', area: 'input', address: 0, group: 'also-fast' },
      { id: 'd', area: 'input', address: 300, group: 'also-fast' },
    ];
    const groups = [{ id: 'fast', interval: 20 }, { id: 'also-fast', interval: 30 }];
    const { device, supervisor } = await setUp(tags, { groups, timeout: 5000 });
    device.delayMs = 60; // two requests per group: each cycle takes longer than its interval
    supervisor.start();
    await waitFor(() => expect(supervisor.status().overruns).toBeGreaterThan(3));
    expect(device.maxInFlight).toBe(1);
    // slow is not dead: the link stays up, cycles are skipped instead of queued
    expect(supervisor.status()).toMatchObject({ state: 'connected', attempts: 0 });
    expect(supervisor.status().lastError).toBeUndefined();
  });

  it('polls each group at its own rate', async () => {
    const tags = [{ id: 'a', area: 'holding', address: 0, group: 'fast' }, { id: 'b', area: 'holding', address: 100, group: 'slow' }];
    const { device, supervisor } = await setUp(tags, { groups: [{ id: 'fast', interval: 20 }, { id: 'slow', interval: 400 }] });
    supervisor.start();
    const at = (address: number) => device.reads.filter((r) => r.address === address).length;
    await waitFor(() => expect(at(100)).toBeGreaterThanOrEqual(3));
    expect(at(0)).toBeGreaterThan(at(100) * 3);
  });
});
