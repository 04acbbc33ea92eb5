import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sample } from '../core/sample.js';
import { MemoryHistorian } from '../historian/memory.js';
import type { OrderWrite, WriteGate } from './dispatch.js';
import { parsePerformance } from './formats/b2mml.js';
import { Production } from './index.js';
import { productionSettings } from './settings.js';
import { ProductionStore } from './store.js';
import { folderTarget } from './targets.js';

const LINE = 'acme/site/packaging/line1';
const T0 = Date.parse('2026-11-24T06:00:00Z');
const MIN = 60_000;

function setup(o: { interval?: string; gate?: WriteGate } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cw-production-'));
  const store = ProductionStore.open(':memory:');
  const historian = new MemoryHistorian();
  const published: Sample[] = [];
  const writes: OrderWrite[] = [];
  const gate: WriteGate = o.gate ?? { async submit(w) { writes.push(w); return { state: 'done' }; } };
  let now = T0;
  const settings = productionSettings({
    shifts: [{ name: 'A', start: '06:00', end: '14:00' }],
    products: [{ id: 'COLA-500', idealRate: 60, unit: 'bottles', speed: 57 }],
    reasons: [{ code: 101, label: 'Jam', loss: 'breakdown' }],
    lines: [{ id: 'line1', path: LINE, state: { attribute: 'filler/state', map: { '1': 'running', '3': 'down' } }, reason: 'filler/down_reason', good: { attribute: 'filler/good', rolloverAt: 65536 }, reject: { attribute: 'filler/reject' }, dispatch: { order: 'filler/order', quantity: 'filler/target', speed: 'filler/speed_sp' } }],
    confirmations: { targets: [{ id: 'files', kind: 'folder', path: 'out' }], ...(o.interval ? { interval: o.interval } : {}) },
  }, 'UTC', dir);
  const production = new Production(settings, {
    store, historian, gate, now: () => now, targets: [folderTarget('files', join(dir, 'out'))],
    publish: async (b) => void published.push(...b),
  });
  const samples = async (rows: Array<[number, string, number]>) => historian.write(rows.map(([min, attr, value]) => ({ path: `${LINE}/${attr}`, ts: T0 + min * MIN, value, quality: 'good' as const })));
  return { dir, store, historian, production, published, writes, samples, setNow: (t: number) => (now = t) };
}

describe('the production application', () => {
  let ctx: ReturnType<typeof setup>;
  afterEach(async () => {
    await ctx.production.close();
    ctx.store.close();
  });

  it('takes orders, dispatches one through the gate, tracks it, completes it and confirms it as B2MML', async () => {
    ctx = setup();
    const got = ctx.production.receive('rest', [{ ref: '0', raw: { id: 'WO-1', product: 'COLA-500', quantity: 500, line: 'line1' } }, { ref: '1', raw: { id: 'WO-2', product: 'BEER', quantity: 5, line: 'line1' } }]);
    expect(got).toEqual({ accepted: [{ id: 'WO-1', change: 'created' }], rejected: [{ ref: '1', id: 'WO-2', problems: ['product "BEER" is not configured (known: COLA-500)'] }] });
    expect(ctx.store.rejections()).toHaveLength(1);

    const started = await ctx.production.start('WO-1', { id: 'u1', name: 'olga' });
    expect(started).toMatchObject({ status: 'running', startedAt: T0 });
    expect(ctx.writes.map((w) => [w.path, w.value, w.flow])).toEqual([[`${LINE}/filler/order`, 'WO-1', 'orders'], [`${LINE}/filler/target`, 500, 'orders'], [`${LINE}/filler/speed_sp`, 57, 'orders']]);
    expect(ctx.published.map((s) => [s.path, s.value])).toEqual([[`${LINE}/order/id`, 'WO-1'], [`${LINE}/order/product`, 'COLA-500'], [`${LINE}/order/quantity`, 500]]);

    // 10 minutes: running, 5 min down (jam), running. Good 65500 → 30 (wrap: +66) → 300 (+270); rejects +4.
    await ctx.samples([[-1, 'filler/state', 1], [-1, 'filler/good', 65_500], [-1, 'filler/reject', 0], [3, 'filler/state', 3], [3, 'filler/down_reason', 101], [3, 'filler/good', 30], [8, 'filler/state', 1], [8, 'filler/down_reason', 0], [9, 'filler/good', 300], [9, 'filler/reject', 4]]);
    ctx.setNow(T0 + 10 * MIN);
    await ctx.production.tick();
    expect(ctx.production.order('WO-1')).toMatchObject({ good: 336, scrap: 4 });
    // OEE of shift A so far (10 min): A = 5/10; P = 340 s / 300 s; Q = 336/340; OEE = 336 s / 600 s = 0.56.
    const oee = Object.fromEntries(ctx.published.filter((s) => s.path.includes('/oee/')).map((s) => [s.path.split('/').pop(), s.value]));
    expect(oee).toEqual({ availability: 0.5, performance: 340 / 300, quality: 336 / 340, oee: 0.56 });

    const [byShift] = await ctx.production.oee({ line: 'line1', from: T0, to: T0 + 10 * MIN, by: 'shift' });
    expect(byShift).toMatchObject({ period: { kind: 'shift', name: 'A', date: '2026-11-24' }, downtime: [{ reason: 101, label: 'Jam', durationMs: 5 * MIN, stops: 1 }] });
    const [stop] = await ctx.production.stops('line1', T0, T0 + 10 * MIN);
    expect(stop).toMatchObject({ id: `line1.${T0 + 3 * MIN}`, reason: 101, reasonSource: 'plc' });

    const done = await ctx.production.complete('WO-1');
    expect(done).toMatchObject({ status: 'completed', good: 336, scrap: 4, completedAt: T0 + 10 * MIN });
    expect(ctx.production.deliveries()).toMatchObject([{ key: 'WO-1-1', target: 'files', state: 'pending' }]);
    expect(await ctx.production.deliver()).toBe(1);
    expect(ctx.production.deliveries()).toMatchObject([{ key: 'WO-1-1', state: 'delivered', attempts: 1 }]);
    const file = join(ctx.dir, 'out', 'WO-1-1.xml');
    expect(parsePerformance(readFileSync(file, 'utf8'))).toMatchObject({ key: 'WO-1-1', orderId: 'WO-1', final: true, good: 336, scrap: 4, oee: { oee: 0.56 } });
    expect(await ctx.production.deliver()).toBe(0);
    expect(readdirSync(join(ctx.dir, 'out'))).toEqual(['WO-1-1.xml']);
  });

  it('refuses a second running order on a line and moves nothing on a refused dispatch', async () => {
    ctx = setup();
    ctx.production.receive('rest', ['A', 'B'].map((id) => ({ ref: id, raw: { id, product: 'COLA-500', quantity: 5, line: 'line1' } })));
    await ctx.production.start('A', { id: 'u', name: 'u' });
    await expect(ctx.production.start('B', { id: 'u', name: 'u' })).rejects.toMatchObject({ code: 'CW_PRODUCTION_LINE_BUSY' });
    await expect(ctx.production.complete('B')).rejects.toMatchObject({ code: 'CW_PRODUCTION_ORDER_STATE' });
    await ctx.production.cancel('B');
    expect(ctx.production.order('B').status).toBe('cancelled');
  });

  it('confirms a running order at intervals, then finally, each with its own key', async () => {
    ctx = setup({ interval: '5m' });
    ctx.production.receive('rest', [{ ref: '0', raw: { id: 'WO-3', product: 'COLA-500', quantity: 50, line: 'line1' } }]);
    await ctx.production.start('WO-3', { id: 'u', name: 'u' });
    ctx.setNow(T0 + 4 * MIN);
    await ctx.production.tick();
    expect(ctx.production.deliveries()).toEqual([]);
    ctx.setNow(T0 + 5 * MIN);
    await ctx.production.tick();
    ctx.setNow(T0 + 7 * MIN);
    await ctx.production.complete('WO-3');
    expect(ctx.production.deliveries().map((d) => [d.key, d.confirmation.final, d.confirmation.status])).toEqual([['WO-3-2', true, 'completed'], ['WO-3-1', false, 'running']]);
  });

  it('keeps the order released while its dispatch waits for approval', async () => {
    ctx = setup({ gate: { async submit() { return { state: 'pending', writeId: 'w-1' }; } } });
    ctx.production.receive('rest', [{ ref: '0', raw: { id: 'WO-4', product: 'COLA-500', quantity: 50, line: 'line1' } }]);
    await expect(ctx.production.start('WO-4', { id: 'u', name: 'u' })).rejects.toMatchObject({ code: 'CW_PRODUCTION_DISPATCH_FAILED', message: expect.stringContaining('(write w-1)') });
    expect(ctx.production.order('WO-4').status).toBe('released');
  });

  it('assigns reasons to stops after the fact and checks the code', async () => {
    ctx = setup();
    expect(ctx.production.assignReason(`line1.${T0}`, 101, 'olga')).toEqual({ line: 'line1', origin: T0, code: 101 });
    expect(() => ctx.production.assignReason(`line1.${T0}`, 5, 'olga')).toThrow(expect.objectContaining({ code: 'CW_PRODUCTION_REASON_UNKNOWN' }));
    expect(() => ctx.production.assignReason('line7.5', 101, 'olga')).toThrow(expect.objectContaining({ code: 'CW_PRODUCTION_STOP_NOT_FOUND' }));
  });

  describe('a start whose writes wait for a second person', () => {
    /** A gate that holds every write until the test settles it, as the hub's does behind an approval conduit. */
    function holdingGate() {
      const states = new Map<string, 'pending' | 'done' | 'denied' | 'cancelled'>();
      const listeners: Array<(id: string) => void> = [];
      const gate: WriteGate = {
        async submit() {
          const id = `w${states.size + 1}`;
          states.set(id, 'pending');
          return { state: 'pending', writeId: id };
        },
        progress: (id) => states.get(id) ?? 'unknown',
        cancel: (id) => void (states.get(id) === 'pending' && states.set(id, 'cancelled')),
        onSettled: (l) => void listeners.push(l),
      };
      const settle = (id: string, st: 'done' | 'denied') => {
        states.set(id, st);
        for (const l of listeners) l(id);
      };
      return { gate, states, settle };
    }

    it('keeps the order released, awaiting approval, and starts it once every write is done', async () => {
      const held = holdingGate();
      ctx = setup({ gate: held.gate });
      ctx.production.receive('rest', [{ ref: '0', raw: { id: 'WO-1', product: 'COLA-500', quantity: 500, line: 'line1' } }]);
      const waiting = await ctx.production.start('WO-1', { id: 'u1', name: 'olga' });
      expect(waiting).toMatchObject({ status: 'released', dispatch: { state: 'awaiting-approval', writes: ['w1', 'w2', 'w3'], requestedBy: 'olga' } });
      await expect(ctx.production.start('WO-1', { id: 'u1', name: 'olga' })).rejects.toMatchObject({ code: 'CW_PRODUCTION_ORDER_STATE' });
      held.settle('w1', 'done');
      held.settle('w2', 'done');
      await ctx.production.settleDispatches();
      expect(ctx.production.order('WO-1').status).toBe('released');
      held.settle('w3', 'done');
      await ctx.production.settleDispatches();
      const running = ctx.production.order('WO-1');
      expect(running).toMatchObject({ status: 'running' });
      expect(running.dispatch).toBeUndefined();
      expect(ctx.published.map((x) => [x.path, x.value])).toContainEqual([`${LINE}/order/id`, 'WO-1']);
    });

    it('gives up when a write is denied, withdrawing the others, and withdraws them when the order is cancelled', async () => {
      const held = holdingGate();
      ctx = setup({ gate: held.gate });
      ctx.production.receive('rest', [{ ref: '0', raw: { id: 'WO-1', product: 'COLA-500', quantity: 500, line: 'line1' } }, { ref: '1', raw: { id: 'WO-2', product: 'COLA-500', quantity: 5, line: 'line1' } }]);
      await ctx.production.start('WO-1', { id: 'u1', name: 'olga' });
      held.settle('w2', 'denied');
      await ctx.production.settleDispatches();
      expect(ctx.production.order('WO-1')).toMatchObject({ status: 'released', dispatch: { state: 'refused', problem: 'write w2 was denied; the order stays released' } });
      expect([...held.states.values()]).toEqual(['cancelled', 'denied', 'cancelled']);
      await ctx.production.start('WO-2', { id: 'u1', name: 'olga' });
      await ctx.production.cancel('WO-2');
      expect([...held.states.values()].slice(3)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      expect(ctx.production.order('WO-2')).toMatchObject({ status: 'cancelled' });
      expect(ctx.production.order('WO-2').dispatch).toBeUndefined();
    });
  });
});
