import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/sample.js';
import { Batcher } from './batcher.js';

const s = (n: number): Sample => ({ path: `mq/t${n}`, value: n, ts: 0, quality: 'good' });
const turn = () => new Promise((r) => setImmediate(r));

describe('batcher', () => {
  it('collects what arrives in one loop turn into one batch', async () => {
    const batches: Sample[][] = [];
    const b = new Batcher(1000, () => undefined);
    b.attach((x) => void batches.push(x));
    for (let i = 0; i < 10; i++) b.push([s(i)]);
    expect(batches).toEqual([]);
    await turn();
    expect(batches).toEqual([Array.from({ length: 10 }, (_, i) => s(i))]);
    b.push([s(10)]);
    await turn();
    expect(batches).toHaveLength(2);
  });

  it('hands over at once when maxBatch samples are waiting', () => {
    const sizes: number[] = [];
    const b = new Batcher(3, () => undefined);
    b.attach((x) => void sizes.push(x.length));
    b.push([s(1), s(2)]);
    b.push([s(3), s(4), s(5), s(6), s(7)]);
    expect(sizes).toEqual([3, 3, 1]);
    b.detach();
  });

  it('keeps samples until subscribe(), bounded, and flushes on detach', async () => {
    const b = new Batcher(100, () => undefined, 5);
    for (let i = 0; i < 8; i++) b.push([s(i)]);
    expect(b.stats()).toMatchObject({ pending: 5, dropped: 3 });
    const batches: Sample[][] = [];
    b.attach((x) => void batches.push(x));
    await turn();
    expect(batches).toEqual([[s(3), s(4), s(5), s(6), s(7)]]);
    b.push([s(9)]);
    b.detach();
    expect(batches).toHaveLength(2);
    b.push([s(10)]);
    await turn();
    expect(batches).toHaveLength(2);
  });

  it('survives a throwing consumer', async () => {
    const errors: unknown[] = [];
    const b = new Batcher(2, (e) => void errors.push(e));
    b.attach(() => {
      throw new Error('boom');
    });
    b.push([s(1), s(2), s(3), s(4)]);
    // Reported as refusals (the default onRefused is onError), once the earlier batches settled.
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toHaveLength(2);
    expect(b.stats()).toMatchObject({ batches: 2, samples: 4, pending: 0 });
  });
});

describe('batcher acknowledgements', () => {
  it('acknowledges a message once its batch is accepted, and none after a refusal on the same link', async () => {
    const acked: number[] = [];
    const refused: unknown[] = [];
    const b = new Batcher(2, () => undefined, 200_000, (e) => refused.push(e));
    const outcomes = [Promise.resolve(), Promise.reject(new Error('spool full')), Promise.resolve()];
    b.attach(() => outcomes.shift()!);
    b.push([s(1), s(2)], () => acked.push(1)); // batch 1: accepted
    b.push([s(3)], () => acked.push(2)); // batch 2 (with message 3's first sample): refused
    b.push([s(4), s(5)], () => acked.push(3)); // message 3 ends in batch 3: accepted, yet not acknowledged
    b.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(acked).toEqual([1]);
    expect(refused).toHaveLength(1);
  });

  it('never acknowledges a message whose samples were dropped while nobody was attached', async () => {
    const acked: number[] = [];
    const b = new Batcher(100, () => undefined, 4);
    for (let m = 1; m <= 4; m++) b.push([s(m * 10), s(m * 10 + 1)], () => acked.push(m));
    b.attach(() => Promise.resolve());
    b.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(acked).toEqual([3, 4]);
  });

  it('treats a consumer that throws as a refusal: no acknowledgement on that link, the refusal reported', async () => {
    const acked: number[] = [];
    const refused: unknown[] = [];
    const b = new Batcher(2, () => undefined, 200_000, (e) => refused.push(e));
    let calls = 0;
    b.attach(() => {
      if (++calls === 1) throw new Error('boom');
      return Promise.resolve();
    });
    b.push([s(1), s(2)], () => acked.push(1)); // batch 1: the consumer throws
    b.push([s(3), s(4)], () => acked.push(2)); // batch 2: accepted, but the link already lost one
    await new Promise((r) => setTimeout(r, 10));
    expect(acked).toEqual([]);
    expect(refused).toEqual([new Error('boom')]);
    // A new link (attach) acknowledges again.
    b.attach(() => Promise.resolve());
    b.push([s(5)], () => acked.push(3));
    await new Promise((r) => setTimeout(r, 10));
    expect(acked).toEqual([3]);
  });
});
