import { afterEach, describe, expect, it } from 'vitest';
import { CausewayError } from '../core/errors.js';
import type { Confirmation } from './confirmation.js';
import { Outbox, retryDelay, type ConfirmationTarget } from './outbox.js';
import { ProductionStore } from './store.js';

const c = (key: string): Confirmation => ({ key, orderId: key.split('-')[0]!, sequence: 1, final: true, status: 'completed', line: 'line1', product: 'P', unit: 'u', quantity: 1, good: 1, scrap: 0, endedAt: '2026-11-24T00:00:00.000Z', createdAt: '2026-11-24T00:00:00.000Z' });

/** A target that answers from a script: 'ok', 'down' (retryable) or 'refuse'. */
function scripted(id: string, answers: string[]): ConfirmationTarget & { got: string[] } {
  const got: string[] = [];
  return {
    id, kind: 'webhook', got,
    async send(x) {
      got.push(x.key);
      const a = answers.shift() ?? 'ok';
      if (a === 'down') throw new CausewayError('CW_ERP_CONFIRM_FAILED', { target: id, key: x.key, reason: 'the receiver does not answer' });
      if (a === 'refuse') throw new CausewayError('CW_ERP_CONFIRM_REJECTED', { target: id, key: x.key, reason: 'HTTP 400: unknown order' });
    },
  };
}

describe('the confirmation outbox', () => {
  let store: ProductionStore;
  afterEach(() => store?.close());

  it('waits 5 s, 10 s, 20 s … up to 15 min between attempts', () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelay)).toEqual([5000, 10_000, 20_000, 40_000, 640_000, 900_000]);
  });

  it('retries a target that is down with backoff, and delivers each confirmation once per target', async () => {
    store = ProductionStore.open(':memory:');
    const erp = scripted('erp', ['down', 'down', 'ok']);
    const files = scripted('files', []);
    const box = new Outbox(store, [erp, files]);
    box.enqueue(c('A-1'), 0);
    box.enqueue(c('A-1'), 0); // queued twice by mistake: still one per target
    expect(await box.deliverDue(0)).toBe(1);
    expect(box.list({ state: 'pending' })).toMatchObject([{ key: 'A-1', target: 'erp', attempts: 1, nextAttemptAt: 5000, lastError: 'Confirmation A-1 could not be delivered to erp: the receiver does not answer.' }]);
    expect(await box.deliverDue(4999)).toBe(0);
    expect(await box.deliverDue(5000)).toBe(0);
    expect(box.list({ state: 'pending' })[0]).toMatchObject({ attempts: 2, nextAttemptAt: 15_000 });
    expect(await box.deliverDue(15_000)).toBe(1);
    expect(box.list().map((d) => [d.target, d.state, d.attempts, d.deliveredAt])).toEqual([['erp', 'delivered', 3, 15_000], ['files', 'delivered', 1, 0]]);
    expect(await box.deliverDue(1e9)).toBe(0);
    expect([erp.got, files.got]).toEqual([['A-1', 'A-1', 'A-1'], ['A-1']]);
  });

  it('stops at a refusal until retried by hand', async () => {
    store = ProductionStore.open(':memory:');
    const erp = scripted('erp', ['refuse', 'ok']);
    const box = new Outbox(store, [erp]);
    box.enqueue(c('B-1'), 0);
    await box.deliverDue(0);
    expect(box.list()[0]).toMatchObject({ state: 'failed', attempts: 1, lastError: 'The ERP refused confirmation B-1 at erp: HTTP 400: unknown order.' });
    expect(await box.deliverDue(1e9)).toBe(0);
    expect(box.retry('B-1', 100)).toBe(true);
    expect(await box.deliverDue(100)).toBe(1);
    expect(box.retry('B-1', 200)).toBe(false);
  });
});
