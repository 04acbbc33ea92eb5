/**
 * Path patterns of retention rules, matched segment by segment: `*` is any one segment, `**` any
 * number of segments (none included), and `*` inside a segment any characters within it
 * (`line*`). Everything else matches itself. Pure.
 */

export type PathPattern = readonly string[];

/** The problem with a pattern, or undefined when it is one. */
export function patternProblem(pattern: string): string | undefined {
  if (typeof pattern !== 'string' || pattern.length === 0) return 'the pattern is empty';
  const segments = pattern.split('/');
  if (segments.some((s) => s.length === 0)) return `"${pattern}" has an empty segment (a leading, trailing or doubled "/")`;
  if (segments.some((s) => s.includes('**') && s !== '**')) return `"${pattern}": "**" must be a whole segment`;
  return undefined;
}

/** A checked pattern, ready to match; throws on one patternProblem() refuses. */
export function compilePattern(pattern: string): PathPattern {
  const problem = patternProblem(pattern);
  if (problem) throw new Error(problem);
  return pattern.split('/');
}

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return pattern === segment;
  const parts = pattern.split('*');
  if (!segment.startsWith(parts[0]!) || !segment.endsWith(parts[parts.length - 1]!)) return false;
  let at = parts[0]!.length;
  const end = segment.length - parts[parts.length - 1]!.length;
  for (const part of parts.slice(1, -1)) {
    const i = segment.indexOf(part, at);
    if (i < 0 || i + part.length > end) return false;
    at = i + part.length;
  }
  return at <= end;
}

/** True when `path` matches the compiled pattern. */
export function matchPattern(pattern: PathPattern, path: string): boolean {
  const segments = path.split('/');
  // Positions in the pattern reachable after each path segment (a set: `**` branches).
  let states = new Set<number>([0]);
  const close = (s: Set<number>) => {
    for (const i of s) if (pattern[i] === '**') s.add(i + 1); // `**` may match nothing
    return s;
  };
  states = close(states);
  for (const seg of segments) {
    const next = new Set<number>();
    for (const i of states) {
      const p = pattern[i];
      if (p === undefined) continue;
      if (p === '**') next.add(i);
      else if (segmentMatches(p, seg)) next.add(i + 1);
    }
    states = close(next);
    if (states.size === 0) return false;
  }
  return states.has(pattern.length);
}
