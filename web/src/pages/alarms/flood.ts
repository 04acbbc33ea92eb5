/**
 * Flood handling for the alarm list: how often each alarm was raised lately (repeats grouped into
 * one row with a count), and the first out of each flood per area — the alarm that activated first
 * in an area, when more alarms followed there within the flood window.
 */

/** The journal fields flood handling reads. */
export interface Activation {
  id: string;
  area?: string;
  event: string;
  at: number;
}

/** A flood: activations in one area within this long of its first one. */
export const FLOOD_WINDOW_MS = 10 * 60_000;

export interface FloodMarks {
  /** How many times each alarm was raised in the journal's range. */
  repeats: ReadonlyMap<string, number>;
  /** Alarms that came first in a flood of their area (with at least one other alarm after them). */
  firstOut: ReadonlySet<string>;
}

const NO_AREA = '';

/** Count activations per alarm and find the first out of each area's floods. */
export function floodMarks(entries: readonly Activation[], windowMs = FLOOD_WINDOW_MS): FloodMarks {
  const activations = entries.filter((e) => e.event === 'activate').sort((a, b) => a.at - b.at);
  const repeats = new Map<string, number>();
  const byArea = new Map<string, Activation[]>();
  for (const e of activations) {
    repeats.set(e.id, (repeats.get(e.id) ?? 0) + 1);
    const area = e.area ?? NO_AREA;
    const list = byArea.get(area);
    if (list) list.push(e);
    else byArea.set(area, [e]);
  }
  const firstOut = new Set<string>();
  for (const list of byArea.values()) {
    let i = 0;
    while (i < list.length) {
      const first = list[i]!;
      const ids = new Set<string>();
      let j = i;
      while (j < list.length && list[j]!.at - first.at <= windowMs) ids.add(list[j++]!.id);
      if (ids.size > 1) firstOut.add(first.id);
      i = j;
    }
  }
  return { repeats, firstOut };
}
