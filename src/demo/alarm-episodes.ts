/**
 * What makes the demo's alarms happen: scripted upsets of the simulated machines, each first within
 * the first minutes of a demo run and then from time to time, so a newcomer sees every alarm raised
 * and returning to normal (docs/alarms.md, "The demo's alarms"). Both the simulated devices and the
 * in-hub simulators take their tags from here, with the same timings.
 *
 * | upset (starts at)                                   | every  | alarm                    |
 * | --------------------------------------------------- | ------ | ------------------------ |
 * | compressor discharge pressure +1.2 bar (1 min)       | 15 min | hi, then hihi            |
 * | line 1 (line 2) filler under-fills 5 ml (2.5, 12.5 min) | 20 min | fill level lo         |
 * | compressor outlet temperature sensor silent (3 min)  | 20 min | sensor stale             |
 * | line 1 capper torque +13 Ncm (4 min)                 | 20 min | torque hi, chattering    |
 * | line 2 filler down, fill valve fault (1.5 min, for 6 min 40 s) | once | line stopped > 5 min |
 *
 * `scale` (tests only) makes every scripted time that many times shorter.
 */
import type { DemoMachine } from '../sources/simulator/index.js';
import type { DemoTag } from '../sources/simulator/demo-tags.js';

interface Episode {
  firstSeconds: number;
  everySeconds?: number;
  durationSeconds: number;
}

function scaled<T extends Episode>(e: T, scale: number): T {
  return { ...e, firstSeconds: e.firstSeconds / scale, durationSeconds: e.durationSeconds / scale, ...(e.everySeconds !== undefined ? { everySeconds: e.everySeconds / scale } : {}) };
}

/** Add an excursion to a numeric signal. */
function upset(tag: DemoTag, e: Episode & { by: number }, scale: number): DemoTag {
  return { ...tag, signal: { ...tag.signal, excursions: scaled(e, scale) } as DemoTag['signal'] };
}

function byId(tags: DemoTag[], id: string, change: (t: DemoTag) => DemoTag): DemoTag[] {
  return tags.map((t) => (t.id === id ? change(t) : t));
}

function opening(tag: DemoTag, steps: Array<{ state: 'running' | 'down'; seconds: number; reason?: number }>, scale: number): DemoTag {
  if (tag.signal.kind !== 'machine-state') return tag;
  return { ...tag, signal: { ...tag.signal, opening: steps.map((s) => ({ ...s, seconds: s.seconds / scale })) } };
}

/** The tags of one demo machine (ids `<prefix>_…`), with the upsets that raise its alarms. */
export function withAlarmEpisodes(tags: DemoTag[], machine: DemoMachine, line: number | undefined, prefix: string, scale = 1): DemoTag[] {
  const id = (name: string) => `${prefix}_${name}`;
  switch (machine) {
    case 'compressor': {
      let out = byId(tags, id('state'), (t) => opening(t, [{ state: 'running', seconds: 1800 }], scale));
      out = byId(out, id('discharge_pressure'), (t) => upset(t, { firstSeconds: 60, everySeconds: 900, durationSeconds: 150, by: 1.2 }, scale));
      return byId(out, id('outlet_temp'), (t) => ({ ...t, dropouts: scaled({ firstSeconds: 180, everySeconds: 1200, durationSeconds: 90 }, scale) }));
    }
    case 'filler': {
      // Line 1 runs through the first ten minutes; line 2 stops with a fill valve fault after 90 s, for 400 s.
      const start = line === 2 ? [{ state: 'running' as const, seconds: 90 }, { state: 'down' as const, seconds: 400, reason: 105 }] : [{ state: 'running' as const, seconds: 600 }];
      const out = byId(tags, id('state'), (t) => opening(t, start, scale));
      return byId(out, id('fill_level'), (t) => upset(t, { firstSeconds: line === 2 ? 750 : 150, everySeconds: 1200, durationSeconds: 60, by: -5 }, scale));
    }
    case 'capper': {
      if (line !== 1) return tags;
      const out = byId(tags, id('state'), (t) => opening(t, [{ state: 'running', seconds: 900 }], scale));
      return byId(out, id('torque'), (t) => upset(t, { firstSeconds: 240, everySeconds: 1200, durationSeconds: 90, by: 13 }, scale));
    }
    default:
      return tags;
  }
}
