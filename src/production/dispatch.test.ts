import { describe, expect, it } from 'vitest';
import type { Value } from '../core/sample.js';
import { conduitGate, dispatchWrites, type GatePlant } from './dispatch.js';
import type { WorkOrder } from './orders.js';

const order = { id: 'WO-1', product: 'COLA-500', quantity: 500, unit: 'bottles', line: 'line1', status: 'released', good: 0, scrap: 0, source: 'rest', receivedAt: 0, updatedAt: 0 } as WorkOrder;

function plant(): GatePlant & { written: Array<[string, string, Value]> } {
  const written: Array<[string, string, Value]> = [];
  const attrs: Record<string, ReturnType<GatePlant['attribute']>> = {
    'l/filler/order': { writable: true, boundTo: 'plc/order', valueType: 'string' },
    'l/filler/speed': { writable: true, boundTo: 'plc/speed_sp', valueType: 'number', min: 0, max: 1200 },
    'l/filler/state': { writable: false, boundTo: 'plc/state', valueType: 'number' },
  };
  return { written, attribute: (p) => attrs[p], sourceZone: (id) => (id === 'plc' ? 'packaging' : undefined), write: async (s, t, v) => void written.push([s, t, v]) };
}
const w = (path: string, value: Value) => ({ path, value, requester: { id: 'u', name: 'olga' }, flow: 'orders' as const, reason: 'start work order WO-1' });

describe('dispatch', () => {
  it('builds the writes of an order for the targets a line has', () => {
    expect(dispatchWrites(order, 'l', { order: 'filler/order', quantity: 'filler/qty', speed: 'filler/speed' }, 570)).toEqual([
      { path: 'l/filler/order', value: 'WO-1' }, { path: 'l/filler/qty', value: 500 }, { path: 'l/filler/speed', value: 570 },
    ]);
    expect(dispatchWrites(order, 'l', { speed: 'filler/speed' }, undefined)).toEqual([]);
    expect(dispatchWrites(order, 'l', undefined, 570)).toEqual([]);
  });

  it('writes through a conduit that allows orders, and refuses without one', async () => {
    const p = plant();
    const gate = conduitGate(p, [{ from: 'site-ops', to: 'packaging', allow: ['orders'] }], 'site-ops');
    expect(await gate.submit(w('l/filler/order', 'WO-1'))).toEqual({ state: 'done' });
    expect(p.written).toEqual([['plc', 'order', 'WO-1']]);
    const commandsOnly = conduitGate(p, [{ from: 'site-ops', to: 'packaging', allow: ['commands'] }], 'site-ops');
    await expect(commandsOnly.submit(w('l/filler/order', 'WO-1'))).rejects.toMatchObject({ code: 'CW_PRODUCTION_DISPATCH_REFUSED', message: expect.stringContaining('no conduit allows orders from zone site-ops to zone packaging') });
  });

  it('refuses a zone whose conduits require approval: the stand-in cannot hold a write for a second person', async () => {
    const p = plant();
    const gate = conduitGate(p, [{ from: 'site-ops', to: 'packaging', allow: ['orders'] }, { from: 'site-ops', to: 'packaging', allow: ['commands'], require: { approval: true } }], 'site-ops');
    await expect(gate.submit(w('l/filler/order', 'WO-1'))).rejects.toMatchObject({ code: 'CW_PRODUCTION_DISPATCH_REFUSED', message: expect.stringContaining("need a second person's approval") });
    expect(p.written).toEqual([]);
  });

  it.each([
    ['l/filler/nothing', 'x', 'there is no attribute at this path'],
    ['l/filler/state', 1, 'the attribute is not writable (writable: true in its template)'],
    ['l/filler/speed', 'fast', 'the value is a string, the attribute takes a number'],
    ['l/filler/speed', 5000, '5000 is outside 0…1200'],
  ])('refuses %s = %s: %s', async (path, value, problem) => {
    const gate = conduitGate(plant(), [{ from: 'site-ops', to: 'packaging', allow: ['orders'] }], 'site-ops');
    await expect(gate.submit(w(path, value))).rejects.toMatchObject({ code: 'CW_PRODUCTION_DISPATCH_REFUSED', params: { problem } });
  });
});
