/**
 * The KPIs of a generated alarm history with answers computed by hand, from the whole history and
 * from what the store's KPI query picks out of it (which must be the same).
 */
import { describe, expect, it } from 'vitest';
import { computeKpis, type KpiEntry } from './kpis.js';
import type { AlarmStateName, TransitionEvent } from './state-machine.js';
import { AlarmStore } from './store.js';

const T0 = Date.parse('2026-12-07T08:00:00Z');
const M = 60_000;
const H = 60 * M;
const FROM = T0;
const TO = T0 + H;

type Meta = { area?: string; priority: string };
const ALARMS: Record<string, Meta> = {
  A: { area: 'tanks', priority: 'low' },
  B: { area: 'tanks', priority: 'medium' },
  C: { area: 'boilers', priority: 'high' },
  D: { priority: 'urgent' },
  E: { area: 'boilers', priority: 'low' },
  F: { area: 'boilers', priority: 'medium' },
  G: { area: 'tanks', priority: 'low' },
  H: { area: 'tanks', priority: 'low' },
};

function history(): KpiEntry[] {
  const out: KpiEntry[] = [];
  const add = (id: string, event: TransitionEvent, from: AlarmStateName, to: AlarmStateName, at: number) =>
    out.push({ seq: out.length + 1, id: `plant/${id}/hi`, path: `plant/${id}`, name: 'hi', ...ALARMS[id]!, event, from, to, at });
  // A chatters: three activations within 20 s in the first 10 minutes.
  add('A', 'activate', 'NORMAL', 'UNACK_ACTIVE', T0 + 60_000);
  add('A', 'clear', 'UNACK_ACTIVE', 'RTN_UNACK', T0 + 65_000);
  add('A', 'activate', 'RTN_UNACK', 'UNACK_ACTIVE', T0 + 70_000);
  add('A', 'clear', 'UNACK_ACTIVE', 'RTN_UNACK', T0 + 75_000);
  add('A', 'activate', 'RTN_UNACK', 'UNACK_ACTIVE', T0 + 80_000);
  add('A', 'clear', 'UNACK_ACTIVE', 'RTN_UNACK', T0 + 85_000);
  // B floods the third 10 minutes: 11 activations 50 s apart (never 3 within a minute).
  for (let k = 0; k < 11; k++) {
    add('B', 'activate', k === 0 ? 'NORMAL' : 'RTN_UNACK', 'UNACK_ACTIVE', T0 + 20 * M + k * 50_000);
    add('B', 'clear', 'UNACK_ACTIVE', 'RTN_UNACK', T0 + 20 * M + k * 50_000 + 20_000);
  }
  // C: active since 25 h before the period, acknowledged, still active: standing and stale.
  add('C', 'activate', 'NORMAL', 'UNACK_ACTIVE', T0 - 25 * H);
  add('C', 'ack', 'UNACK_ACTIVE', 'ACKED_ACTIVE', T0 - 24.5 * H);
  // D: raised and acknowledged in the period, standing, not stale.
  add('D', 'activate', 'NORMAL', 'UNACK_ACTIVE', T0 + 45 * M);
  add('D', 'ack', 'UNACK_ACTIVE', 'ACKED_ACTIVE', T0 + 46 * M);
  // E: shelved before the period; its condition becomes active while shelved (not annunciated).
  add('E', 'shelve', 'NORMAL', 'SHELVED', T0 - H);
  add('E', 'activate', 'SHELVED', 'SHELVED', T0 + 5 * M);
  add('E', 'shelve-expired', 'SHELVED', 'UNACK_ACTIVE', T0 + 70 * M); // after `to`
  // F: raised, shelved, raised again when the shelving expires with the condition standing.
  add('F', 'activate', 'NORMAL', 'UNACK_ACTIVE', T0 + 25 * M);
  add('F', 'shelve', 'UNACK_ACTIVE', 'SHELVED', T0 + 30 * M);
  add('F', 'shelve-expired', 'SHELVED', 'UNACK_ACTIVE', T0 + 50 * M);
  // G: out of service since two hours before the period.
  add('G', 'out-of-service', 'NORMAL', 'OUT_OF_SERVICE', T0 - 2 * H);
  // H: raised exactly at `to`: outside [from, to).
  add('H', 'activate', 'NORMAL', 'UNACK_ACTIVE', TO);
  return out;
}

const id = (x: string) => `plant/${x}/hi`;

function expectHandComputed(k: ReturnType<typeof computeKpis>): void {
  expect(k.periods).toEqual([0, 1, 2, 3, 4, 5].map((i) => T0 + i * 10 * M));
  // Annunciated: A 3, B 11, F 2 (activation and re-announcement), D 1 = 17.
  expect(k.site).toMatchObject({ annunciated: 17, perHour: 17, peak10Min: 12, peakHour: 17, floodPeriods: 1, counts: [3, 0, 12, 0, 1, 1] });
  expect(k.site.per10Min).toBeCloseTo(17 / 6, 10);
  expect(k.site.floodShare).toBeCloseTo(1 / 6, 10);
  expect(k.positions.map((p) => [p.position, p.annunciated, p.counts, p.floodPeriods])).toEqual([
    ['(no area)', 1, [0, 0, 0, 0, 1, 0], 0],
    ['boilers', 2, [0, 0, 1, 0, 0, 1], 0],
    ['tanks', 14, [3, 0, 11, 0, 0, 0], 1],
  ]);
  expect(k.badActors.map((b) => [b.id, b.annunciated])).toEqual([[id('B'), 11], [id('A'), 3], [id('F'), 2], [id('D'), 1]]);
  expect(k.badActors[0]!.share).toBeCloseTo(11 / 17, 10);
  expect(k.topTenShare).toBe(1);
  expect(k.chattering).toEqual([{ id: id('A'), path: 'plant/A', area: 'tanks', priority: 'low', activations: 3, maxPerMinute: 3, firstAt: T0 + 80_000 }]);
  expect(k.standing.map((s) => [s.id, s.state, s.since])).toEqual([
    [id('C'), 'ACKED_ACTIVE', T0 - 25 * H], [id('F'), 'UNACK_ACTIVE', T0 + 25 * M], [id('D'), 'ACKED_ACTIVE', T0 + 45 * M],
  ]);
  expect(k.stale.map((s) => s.id)).toEqual([id('C')]);
  expect(k.shelved.map((s) => [s.id, s.since])).toEqual([[id('E'), T0 - H]]);
  expect(k.outOfService.map((s) => [s.id, s.since])).toEqual([[id('G'), T0 - 2 * H]]);
  expect(k.suppressed).toEqual([]);
  expect(k.priorities.map((p) => [p.priority, p.annunciated, p.recommended])).toEqual([['urgent', 1, 0.01], ['high', 0, 0.05], ['medium', 13, 0.15], ['low', 3, 0.8]]);
  expect(k.priorities[2]!.share).toBeCloseTo(13 / 17, 10);
}

describe('alarm-management KPIs', () => {
  it('computes the hand-computed figures of a known history', () => {
    expectHandComputed(computeKpis(history(), FROM, TO));
  });

  it('gets the same figures from what the store picks out of the journal for the period', () => {
    const store = AlarmStore.open(':memory:');
    try {
      store.record(history().map(({ seq: _s, ...e }) => e), new Map());
      const picked = store.kpiEntries(FROM, TO);
      // Not the whole history: C's activate before its ack is the last activate; nothing older is needed.
      expect(picked.length).toBeLessThan(history().length);
      expectHandComputed(computeKpis(picked, FROM, TO));
    } finally {
      store.close();
    }
  });

  it('answers an empty period with zeros and the periods', () => {
    const k = computeKpis([], FROM, FROM + 25 * M);
    expect(k.periods).toEqual([T0, T0 + 10 * M, T0 + 20 * M]);
    expect(k.site).toMatchObject({ annunciated: 0, per10Min: 0, perHour: 0, peak10Min: 0, peakHour: 0, floodPeriods: 0, floodShare: 0, counts: [0, 0, 0] });
    expect(k.positions).toEqual([]);
    expect(k.badActors).toEqual([]);
    expect(k.topTenShare).toBe(0);
    expect([k.chattering, k.standing, k.stale, k.shelved, k.outOfService]).toEqual([[], [], [], [], []]);
    expect(k.priorities.every((p) => p.annunciated === 0 && p.share === 0)).toBe(true);
  });

  it('weighs a flood in a shorter last period by its time', () => {
    const entries: KpiEntry[] = Array.from({ length: 12 }, (_, i) => ({ id: `x${i}`, path: `p/x${i}`, name: 'hi', priority: 'low', event: 'activate', from: 'NORMAL', to: 'UNACK_ACTIVE', at: T0 + 10 * M + i * 1000 }));
    const k = computeKpis(entries, T0, T0 + 15 * M);
    expect(k.site.counts).toEqual([0, 12]);
    expect(k.site.floodShare).toBeCloseTo(5 / 15, 10);
    expect(k.stale).toEqual([]);
    expect(k.standing).toHaveLength(12);
  });

  it('does not count an alarm raised before the period, and finds it stale only after 24 h', () => {
    const entries: KpiEntry[] = [{ id: 'c', path: 'p/c', name: 'hi', priority: 'high', event: 'activate', from: 'NORMAL', to: 'UNACK_ACTIVE', at: T0 - 23 * H }];
    const k = computeKpis(entries, T0, TO);
    expect(k.site.annunciated).toBe(0);
    expect(k.standing.map((s) => s.since)).toEqual([T0 - 23 * H]);
    expect(k.stale).toEqual([]);
    expect(computeKpis(entries, T0 + H, T0 + 2 * H).stale).toHaveLength(1);
  });
});
