import { describe, expect, it } from 'vitest';
import { receive, transition, validateOrder, validateOrders, type OrderContext, type WorkOrder } from './orders.js';

const CTX: OrderContext = { lines: new Set(['line1', 'line2']), products: new Map([['COLA-500', { unit: 'bottles' }], ['WATER-1000', {}]]) };
const good = { id: 'WO-1001', product: 'COLA-500', quantity: 12000, line: 'line1', due: '2026-11-24T14:00:00Z' };

describe('work order validation', () => {
  it('accepts a good record, with the product\'s unit as default', () => {
    expect(validateOrder(good, CTX)).toEqual({ ok: true, order: { id: 'WO-1001', product: 'COLA-500', quantity: 12000, unit: 'bottles', line: 'line1', due: Date.parse('2026-11-24T14:00:00Z'), status: 'released' } });
  });

  it('takes the CSV and SQL spellings, numbers as text', () => {
    const v = validateOrder({ order_id: 'WO-2', material: 'WATER-1000', qty: '500', line_id: 'line2', due_date: '2026-11-25', uom: 'bottles' }, CTX);
    expect(v).toMatchObject({ ok: true, order: { id: 'WO-2', product: 'WATER-1000', quantity: 500, unit: 'bottles', line: 'line2', due: Date.parse('2026-11-25') } });
  });

  it('names every problem of a bad record', () => {
    expect(validateOrder({ id: 'WO 1', product: 'BEER', quantity: -5, line: 'line9', due: 'tomorrow', status: 'done' }, CTX)).toEqual({
      ok: false, id: 'WO 1', problems: [
        'order id "WO 1" may hold only letters, digits, ".", "_", ":" and "-", at most 64',
        'product "BEER" is not configured (known: COLA-500, WATER-1000)',
        'line "line9" is not configured (known: line1, line2)',
        'quantity "-5" is not a number above 0 and at most 1000000000',
        'due date "tomorrow" is not an ISO 8601 date such as 2026-11-24 or 2026-11-24T14:00:00Z',
        'status "done" is not released or cancelled (the ERP may release or cancel an order)',
      ],
    });
    expect(validateOrder({}, CTX)).toMatchObject({ ok: false, problems: ['the order id is missing', 'product is missing', 'line is missing', 'quantity is missing'] });
    expect(validateOrder('WO-1', CTX)).toEqual({ ok: false, problems: ['the record is not an object with fields'] });
  });

  it('rejects bad records one by one and keeps the good ones', () => {
    const r = validateOrders([
      { ref: 'record 0', raw: good },
      { ref: 'record 1', raw: { ...good, id: 'WO-1002', quantity: 'many' } },
      { ref: 'record 2', raw: { ...good, id: 'WO-1003', line: 'line2' } },
      { ref: 'record 3', raw: { ...good } },
    ], CTX);
    expect(r.accepted.map((o) => [o.ref, o.id])).toEqual([['record 0', 'WO-1001'], ['record 2', 'WO-1003']]);
    expect(r.rejected).toEqual([
      { ref: 'record 1', id: 'WO-1002', problems: ['quantity "many" is not a number above 0 and at most 1000000000'] },
      { ref: 'record 3', id: 'WO-1001', problems: ['order WO-1001 appears twice in the same delivery'] },
    ]);
  });
});

describe('work order status', () => {
  const record = (validateOrder(good, CTX) as { order: Parameters<typeof receive>[1] }).order;
  const created = receive(undefined, record, 'rest', 1000) as { order: WorkOrder; change: string };

  it('releases a new order, takes changes while released, and repeats as unchanged', () => {
    expect(created.change).toBe('created');
    expect(created.order).toMatchObject({ status: 'released', good: 0, scrap: 0, source: 'rest', receivedAt: 1000 });
    expect(receive(created.order, record, 'rest', 2000)).toMatchObject({ change: 'unchanged' });
    expect(receive(created.order, { ...record, quantity: 14000 }, 'rest', 2000)).toMatchObject({ change: 'updated', order: { quantity: 14000, updatedAt: 2000, receivedAt: 1000 } });
    expect(receive(created.order, { ...record, status: 'cancelled' }, 'staging', 2000)).toMatchObject({ change: 'cancelled', order: { status: 'cancelled', cancelledAt: 2000 } });
  });

  it('keeps a started order as it is', () => {
    const running = transition(created.order, 'start', 3000) as WorkOrder;
    expect(running).toMatchObject({ status: 'running', startedAt: 3000 });
    expect(receive(running, record, 'rest', 4000)).toMatchObject({ change: 'unchanged' });
    expect(receive(running, { ...record, quantity: 1 }, 'rest', 4000)).toEqual({ problem: 'order WO-1001 is already running on line line1; changes to it are not taken' });
    expect(receive(undefined, { ...record, status: 'cancelled' }, 'rest', 4000)).toEqual({ problem: 'order WO-1001 is cancelled but was never released to this hub' });
  });

  it('moves released → running → completed, or to cancelled, and nothing else', () => {
    const running = transition(created.order, 'start', 3000) as WorkOrder;
    expect(transition(running, 'complete', 5000)).toMatchObject({ status: 'completed', completedAt: 5000 });
    expect(transition(running, 'cancel', 5000)).toMatchObject({ status: 'cancelled', cancelledAt: 5000 });
    expect(transition(created.order, 'complete', 5000)).toBe('work order WO-1001 is released; only a running order can be completed');
    expect(transition(transition(running, 'complete', 5000) as WorkOrder, 'start', 6000)).toBe('work order WO-1001 is completed; only a released order can be started');
  });
});
