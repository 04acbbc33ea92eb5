import { afterEach, describe, expect, it } from 'vitest';
import { ProductionStore } from './store.js';
import type { WorkOrder } from './orders.js';

const order = (id: string, over: Partial<WorkOrder> = {}): WorkOrder => ({
  id, product: 'COLA-500', quantity: 100, unit: 'bottles', line: 'line1', status: 'released', good: 0, scrap: 0, source: 'rest', receivedAt: 1, updatedAt: 1, ...over,
});

describe('production store', () => {
  let store: ProductionStore;
  afterEach(() => store.close());

  it('keeps orders, filtered, and finds those that ran in a range', () => {
    store = ProductionStore.open(':memory:');
    store.save(order('A', { due: 50, description: 'first' }));
    store.save(order('B', { status: 'running', startedAt: 100, receivedAt: 2 }));
    store.save(order('C', { status: 'completed', startedAt: 10, completedAt: 90, receivedAt: 3, line: 'line2' }));
    expect(store.order('A')).toEqual(order('A', { due: 50, description: 'first' }));
    expect(store.orders().map((o) => o.id)).toEqual(['C', 'B', 'A']);
    expect(store.orders({ status: 'running' }).map((o) => o.id)).toEqual(['B']);
    expect(store.ordersRunIn('line1', 0, 200).map((o) => o.id)).toEqual(['B']);
    expect(store.ordersRunIn('line2', 90, 200)).toEqual([]);
    expect(store.ordersRunIn('line2', 89, 200).map((o) => o.id)).toEqual(['C']);
    store.save({ ...order('A'), status: 'cancelled', cancelledAt: 7 });
    expect(store.order('A')).toMatchObject({ status: 'cancelled', cancelledAt: 7 });
    expect(store.order('A')?.due).toBeUndefined();
    expect([store.nextConfirmation('A'), store.nextConfirmation('A')]).toEqual([1, 2]);
  });

  it('keeps rejected records, reasons and cursors', () => {
    store = ProductionStore.open(':memory:');
    store.reject('staging', [{ ref: 'seq 4', id: 'X', problems: ['quantity is missing'] }, { ref: 'seq 5', problems: ['the order id is missing'] }], 9);
    expect(store.rejections()).toEqual([{ at: 9, source: 'staging', ref: 'seq 5', problems: ['the order id is missing'] }, { at: 9, source: 'staging', ref: 'seq 4', id: 'X', problems: ['quantity is missing'] }]);
    store.assignReason({ line: 'line1', origin: 100, code: 104, by: 'olga', at: 5 });
    store.assignReason({ line: 'line1', origin: 100, code: 900, by: 'olga', at: 6 });
    expect(store.assignedReasons('line1', 0, 200)).toEqual(new Map([[100, 900]]));
    expect(store.cursor('staging')).toBeUndefined();
    store.setCursor('staging', '42');
    expect(store.cursor('staging')).toBe('42');
  });
});
