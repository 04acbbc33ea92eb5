/**
 * Checks the references between simulator tags and orders the tags so every tag comes after
 * the tags it depends on. Pure: returns problems as sentences, the caller raises the error.
 */
import type { ValueType } from '../../core/sample.js';
import type { DropoutConfig, SignalConfig } from './schema.js';

/** A simulator tag as create() sees it: the common keys it uses plus its own. */
export interface SimTag {
  id: string;
  type?: ValueType;
  signal: SignalConfig;
  badQualityRate?: number;
  dropouts?: DropoutConfig;
}

/** A reference from one tag's signal to another tag. */
export interface TagRef {
  /** The key that holds it, e.g. `signal.whileRunning`. */
  key: string;
  tag: string;
  /** True when the referenced tag must be a machine-state tag. */
  machine: boolean;
}

/** The tags a signal refers to. */
export function refsOf(signal: SignalConfig): TagRef[] {
  const refs: TagRef[] = [];
  if (signal.kind === 'follow') refs.push({ key: 'signal.tag', tag: signal.tag, machine: false });
  if (signal.kind === 'reason' || signal.kind === 'state-is') refs.push({ key: 'signal.tag', tag: signal.tag, machine: true });
  if ('whileRunning' in signal && signal.whileRunning !== undefined) {
    refs.push({ key: 'signal.whileRunning', tag: signal.whileRunning, machine: true });
  }
  return refs;
}

/** The type of the value a signal produces before the tag's `type` converts it. */
export function naturalType(signal: SignalConfig): ValueType {
  switch (signal.kind) {
    case 'constant':
    case 'setpoint':
      return typeof signal.value === 'number' ? 'number' : typeof signal.value === 'boolean' ? 'boolean' : 'string';
    case 'state-is':
      return 'boolean';
    default:
      return 'number';
  }
}

/** Problems with one tag's signal on its own (ranges, keys that do not apply). */
function ownProblems(tag: SimTag): string[] {
  const s = tag.signal;
  const problems: string[] = [];
  if (s.kind === 'random-walk' && s.min > s.max) problems.push(`tag ${tag.id}: signal.min (${s.min}) is above signal.max (${s.max})`);
  if ((s.kind === 'constant' || s.kind === 'setpoint') && typeof s.value !== 'number') {
    for (const key of ['noise', 'quantize', 'whileRunning', 'stoppedValue'] as const) {
      if (key in s && (s as Record<string, unknown>)[key] !== undefined) problems.push(`tag ${tag.id}: signal.${key} applies only to numeric values`);
    }
  }
  if (s.kind === 'machine-state' && s.initial && !s.states[s.initial]) {
    problems.push(`tag ${tag.id}: signal.initial is "${s.initial}" but signal.states has no ${s.initial}`);
  }
  return problems;
}

/** Problems with the references of every tag (unknown tags, wrong kinds, string inputs). */
function refProblems(tags: readonly SimTag[], byId: ReadonlyMap<string, SimTag>): string[] {
  const problems: string[] = [];
  for (const tag of tags) {
    for (const ref of refsOf(tag.signal)) {
      const target = byId.get(ref.tag);
      if (!target) problems.push(`tag ${tag.id}: ${ref.key} refers to "${ref.tag}", which is not a tag of this source`);
      else if (ref.machine && target.signal.kind !== 'machine-state') {
        problems.push(`tag ${tag.id}: ${ref.key} must name a machine-state tag, but "${ref.tag}" is a ${target.signal.kind} tag`);
      } else if (!ref.machine && naturalType(target.signal) === 'string') {
        problems.push(`tag ${tag.id}: ${ref.key} follows "${ref.tag}", whose value is text, not a number`);
      }
    }
  }
  return problems;
}

/** The tags in dependency order, or the problems that prevent it (unknown refs, cycles, duplicates). */
export function planTags(tags: readonly SimTag[]): { ordered: SimTag[]; problems: string[] } {
  const byId = new Map<string, SimTag>();
  const problems: string[] = [];
  for (const tag of tags) {
    if (byId.has(tag.id)) problems.push(`tag id "${tag.id}" is used twice`);
    byId.set(tag.id, tag);
    problems.push(...ownProblems(tag));
  }
  problems.push(...refProblems(tags, byId));
  if (problems.length > 0) return { ordered: [], problems };

  const ordered: SimTag[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = function visitTag(tag: SimTag): string | undefined {
    if (done.has(tag.id)) return undefined;
    const at = onPath.indexOf(tag.id);
    if (at >= 0) return [...onPath.slice(at), tag.id].join(' -> ');
    onPath.push(tag.id);
    for (const ref of refsOf(tag.signal)) {
      const cycle = visit(byId.get(ref.tag)!);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(tag.id);
    ordered.push(tag);
    return undefined;
  };
  for (const tag of tags) {
    const cycle = visit(tag);
    if (cycle) return { ordered: [], problems: [`tags ${cycle} depend on each other in a cycle`] };
  }
  return { ordered, problems: [] };
}
