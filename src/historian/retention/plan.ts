/**
 * Which raw samples retention deletes: the first rule whose pattern matches a tag's path sets how
 * long its samples are kept; tags no rule matches are kept for ever. Pure: the stores turn a plan
 * into DELETEs (and, on PostgreSQL, dropped partitions).
 */
import { compilePattern, matchPattern, patternProblem } from './glob.js';
import type { PathPattern } from './glob.js';

/** A rule as configured: `keep` is a count with a unit h, d, w or y (365 days), or `forever`. */
export interface RetentionRule {
  paths: string;
  keep: string;
}

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 365 * 86_400_000 };

/** How long `keep` is in ms (Infinity for `forever`), or the problem with it. */
export function parseKeep(keep: string): number | string {
  if (keep === 'forever') return Infinity;
  const m = typeof keep === 'string' ? /^(\d{1,6})(h|d|w|y)$/.exec(keep.trim()) : null;
  if (!m || Number(m[1]) === 0) return `keep "${String(keep)}" is not a count above 0 with a unit h, d, w or y (e.g. 90d, 2y), or forever`;
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

/** Rules checked and compiled, in order. */
export interface RetentionPolicy {
  rules: readonly { paths: string; pattern: PathPattern; keepMs: number }[];
}

/** Check and compile rules; throws an Error naming the first bad one. */
export function retentionPolicy(rules: readonly RetentionRule[]): RetentionPolicy {
  return {
    rules: rules.map((r, i) => {
      const problem = patternProblem(r.paths);
      if (problem) throw new Error(`retention rule ${i + 1}: ${problem}`);
      const keepMs = parseKeep(r.keep);
      if (typeof keepMs === 'string') throw new Error(`retention rule ${i + 1}: ${keepMs}`);
      return { paths: r.paths, pattern: compilePattern(r.paths), keepMs };
    }),
  };
}

/** Tags whose samples older than `cutoff` go: one group per rule that matched any tag. */
export interface RetentionGroup {
  /** The rule's pattern, for the log. */
  paths: string;
  cutoff: number;
  tagIds: number[];
}

export interface RetentionPlan {
  groups: RetentionGroup[];
  /** Every sample older than this goes, whatever its tag (-Infinity when some tag is kept for ever). */
  allBefore: number;
}

/** The plan at `now` for the given tags (first matching rule wins). */
export function planRetention(policy: RetentionPolicy, tags: readonly { id: number; path: string }[], now: number): RetentionPlan {
  const groups = new Map<number, RetentionGroup>();
  let allBefore = Infinity;
  for (const tag of tags) {
    const i = policy.rules.findIndex((r) => matchPattern(r.pattern, tag.path));
    const keepMs = i < 0 ? Infinity : policy.rules[i]!.keepMs;
    const cutoff = now - keepMs;
    allBefore = Math.min(allBefore, cutoff);
    if (!Number.isFinite(cutoff)) continue;
    let g = groups.get(i);
    if (g === undefined) {
      g = { paths: policy.rules[i]!.paths, cutoff, tagIds: [] };
      groups.set(i, g);
    }
    g.tagIds.push(tag.id);
  }
  return { groups: [...groups.values()], allBefore: tags.length === 0 ? -Infinity : allBefore };
}
