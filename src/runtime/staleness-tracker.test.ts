import { describe, expect, it } from 'vitest';
import type { Sample } from '../core/sample.js';
import { StalenessTracker, type StalePolicy } from './staleness-tracker.js';

/** plc: polled, tags a (1 s) and b (5 s); edge: dynamic, never stale unless a tag says so; mqtt: dynamic, 2 s. */
const POLICIES = new Map<string, StalePolicy>([
  ['plc', { defaultMs: 1000, tags: new Map([['plc/a', 1000], ['plc/b', 5000]]), dynamic: false }],
  ['edge', { defaultMs: 0, tags: new Map([['edge/slow', 3000]]), dynamic: true }],
  ['mqtt', { defaultMs: 2000, tags: new Map(), dynamic: true }],
]);

const good = (path: string, value: Sample['value'], ts: number): Sample => ({ path, value, ts, quality: 'good' });

type Step =
  | { at: number; observe: [string, Sample[]]; expect?: Sample[] }
  | { at: number; lost: string; expect: Sample[] }
  | { at: number; stale: true; expect: Record<string, Sample[]> };

const CASES: Array<[string, Step[]]> = [
  ['link lost marks every value of the source bad, once', [
    { at: 0, observe: ['plc', [good('plc/a', 1, 0), good('plc/b', 2, 0)]] },
    { at: 0, observe: ['mqtt', [good('mqtt/x', 3, 0)]] },
    { at: 100, lost: 'plc', expect: [
      { path: 'plc/a', value: 1, ts: 100, quality: 'bad', qualityReason: 'link_lost' },
      { path: 'plc/b', value: 2, ts: 100, quality: 'bad', qualityReason: 'link_lost' },
    ] },
    { at: 200, lost: 'plc', expect: [] },
    // Already bad: going stale does not mark it again.
    { at: 9000, stale: true, expect: { mqtt: [{ path: 'mqtt/x', value: 3, ts: 9000, quality: 'uncertain', qualityReason: 'stale' }] } },
  ]],
  ['a value not updated within its period turns uncertain, once', [
    { at: 0, observe: ['plc', [good('plc/a', 1, 0), good('plc/b', 2, 0)]] },
    { at: 999, stale: true, expect: {} },
    { at: 1000, stale: true, expect: { plc: [{ path: 'plc/a', value: 1, ts: 1000, quality: 'uncertain', qualityReason: 'stale' }] } },
    { at: 2000, stale: true, expect: {} },
    { at: 5000, stale: true, expect: { plc: [{ path: 'plc/b', value: 2, ts: 5000, quality: 'uncertain', qualityReason: 'stale' }] } },
  ]],
  ['the next sample clears the mark, and the value can go stale again', [
    { at: 0, observe: ['plc', [good('plc/a', 1, 0)]] },
    { at: 1000, stale: true, expect: { plc: [{ path: 'plc/a', value: 1, ts: 1000, quality: 'uncertain', qualityReason: 'stale' }] } },
    { at: 1500, observe: ['plc', [good('plc/a', 2, 1500)]], expect: [] },
    { at: 2000, stale: true, expect: {} },
    { at: 2500, stale: true, expect: { plc: [{ path: 'plc/a', value: 2, ts: 2500, quality: 'uncertain', qualityReason: 'stale' }] } },
  ]],
  ['a recovery stamped no later than the mark is re-stamped at hub time', [
    { at: 50, observe: ['plc', [good('plc/a', 7, 10)]] },
    { at: 100, lost: 'plc', expect: [{ path: 'plc/a', value: 7, ts: 100, quality: 'bad', qualityReason: 'link_lost' }] },
    // An OPC UA server re-sends an unchanged value with its original source time.
    { at: 4000, observe: ['plc', [{ ...good('plc/a', 7, 10), statusCode: 0 }]], expect: [{ path: 'plc/a', value: 7, ts: 4000, quality: 'good', statusCode: 0 }] },
    { at: 4100, lost: 'plc', expect: [{ path: 'plc/a', value: 7, ts: 4100, quality: 'bad', qualityReason: 'link_lost' }] },
  ]],
  ['a value already uncertain goes bad when the link is lost', [
    { at: 0, observe: ['plc', [good('plc/a', 1, 0)]] },
    { at: 1000, stale: true, expect: { plc: [{ path: 'plc/a', value: 1, ts: 1000, quality: 'uncertain', qualityReason: 'stale' }] } },
    { at: 1200, lost: 'plc', expect: [{ path: 'plc/a', value: 1, ts: 1200, quality: 'bad', qualityReason: 'link_lost' }] },
  ]],
  ['per-tag periods: only the tag with a period goes stale on a source that publishes on change', [
    { at: 0, observe: ['edge', [good('edge/slow', 1, 0), good('edge/fast', 2, 0)]] },
    { at: 60_000, stale: true, expect: { edge: [{ path: 'edge/slow', value: 1, ts: 60_000, quality: 'uncertain', qualityReason: 'stale' }] } },
  ]],
  ['values the device sent bad (a Sparkplug NDEATH) are not marked again', [
    { at: 0, observe: ['edge', [good('edge/slow', 1, 0)]] },
    { at: 10, observe: ['edge', [{ path: 'edge/slow', value: 1, ts: 10, quality: 'bad', qualityReason: 'link_lost' }]], expect: [] },
    { at: 20, lost: 'edge', expect: [] },
    { at: 60_000, stale: true, expect: {} },
  ]],
  ['a value the device sent uncertain is not marked stale, but goes bad on a lost link', [
    { at: 0, observe: ['plc', [{ ...good('plc/a', 1, 0), quality: 'uncertain' }]] },
    { at: 5000, stale: true, expect: {} },
    { at: 5000, lost: 'plc', expect: [{ path: 'plc/a', value: 1, ts: 5000, quality: 'bad', qualityReason: 'link_lost' }] },
  ]],
  ['paths the pipeline would refuse, invalid samples and late older samples are not tracked', [
    { at: 0, observe: ['plc', [good('plc/unknown', 1, 0), good('other/a', 1, 0), { ...good('plc/b', 1, 0), value: Number.NaN }]] },
    { at: 0, observe: ['plc', [good('plc/a', 5, 100), good('plc/a', 4, 50)]] },
    { at: 10, lost: 'plc', expect: [{ path: 'plc/a', value: 5, ts: 101, quality: 'bad', qualityReason: 'link_lost' }] },
    { at: 10, lost: 'nobody', expect: [] },
  ]],
  // A simulator polled late returns every step since its last poll, all stamped before the mark:
  // the re-stamped copy is the newest of them, so a counter never runs backwards in the history.
  ['a poll catching up several steps after a stale mark re-stamps its newest sample only', [
    { at: 0, observe: ['plc', [good('plc/a', 100, 0)]] },
    { at: 4000, stale: true, expect: { plc: [{ path: 'plc/a', value: 100, ts: 4000, quality: 'uncertain', qualityReason: 'stale' }] } },
    { at: 4100, observe: ['plc', [good('plc/a', 110, 1000), good('plc/a', 120, 2000), good('plc/a', 130, 3000), good('plc/a', 140, 4000)]], expect: [good('plc/a', 140, 4100)] },
  ]],
  ['no re-stamp when the same batch holds a sample newer than the mark', [
    { at: 0, observe: ['plc', [good('plc/a', 100, 0)]] },
    { at: 4000, stale: true, expect: { plc: [{ path: 'plc/a', value: 100, ts: 4000, quality: 'uncertain', qualityReason: 'stale' }] } },
    { at: 5100, observe: ['plc', [good('plc/a', 110, 3000), good('plc/a', 150, 5000)]], expect: [] },
  ]],
  ['a mark is never stamped before the value it marks (device clock ahead)', [
    { at: 0, observe: ['mqtt', [good('mqtt/x', 1, 5000)]] },
    { at: 2000, stale: true, expect: { mqtt: [{ path: 'mqtt/x', value: 1, ts: 5001, quality: 'uncertain', qualityReason: 'stale' }] } },
    { at: 2100, lost: 'mqtt', expect: [{ path: 'mqtt/x', value: 1, ts: 5002, quality: 'bad', qualityReason: 'link_lost' }] },
  ]],
];

describe('staleness transitions', () => {
  it.each(CASES)('%s', (_name, steps) => {
    const tracker = new StalenessTracker(POLICIES);
    for (const step of steps) {
      if ('observe' in step) {
        const restamped = tracker.observe(step.observe[0], step.observe[1], step.at);
        expect(restamped).toEqual(step.expect ?? []);
      } else if ('lost' in step) {
        expect(tracker.linkLost(step.lost, step.at)).toEqual(step.expect);
      } else {
        expect(Object.fromEntries(tracker.stale(step.at))).toEqual(step.expect);
      }
    }
  });

  it('reports the effective quality and reason of a path, and forgets a source', () => {
    const tracker = new StalenessTracker(POLICIES);
    tracker.observe('plc', [good('plc/a', 1, 0)], 0);
    expect(tracker.stateOf('plc/a')).toEqual({ quality: 'good' });
    tracker.linkLost('plc', 5);
    expect(tracker.stateOf('plc/a')).toEqual({ quality: 'bad', reason: 'link_lost' });
    tracker.forget('plc');
    expect(tracker.stateOf('plc/a')).toBeUndefined();
    expect(tracker.size).toBe(0);
  });
});
