/**
 * MQTT topic filters (MQTT 3.1.1 §4.7), as the broker's ACLs use them: is a filter well formed,
 * does a topic match it, does one filter cover another (every topic of the inner one matches the
 * outer one), and can two filters match the same topic. Pure; no I/O.
 *
 * Wildcards in the first level do not match topics that start with `$` (§4.7.2): `#` never covers
 * `$SYS/...`, so `$SYS` must be granted by name.
 */

/** The most levels a filter may have (aedes refuses deeper topics). */
export const MAX_FILTER_LEVELS = 100;

/** Why `filter` is not a valid MQTT topic filter, or undefined when it is one. */
export function filterProblem(filter: string): string | undefined {
  if (filter === '') return 'is empty';
  if (filter.includes('\u0000')) return 'contains a NUL character';
  const levels = filter.split('/');
  if (levels.length > MAX_FILTER_LEVELS) return `has more than ${MAX_FILTER_LEVELS} levels`;
  for (const [i, level] of levels.entries()) {
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) return 'uses # other than as the whole last level (write a/# or #)';
    if (level.includes('+') && level !== '+') return 'uses + inside a level (+ stands for a whole level: a/+/c)';
  }
  return undefined;
}

const isWild = (level: string | undefined): boolean => level === '+' || level === '#';
/** A wildcard in the first level does not reach a topic or literal level starting with $. */
const dollarBlocked = (wild: string | undefined, literal: string | undefined): boolean => isWild(wild) && !isWild(literal) && literal?.startsWith('$') === true;

/** True when the topic name matches the filter. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (dollarBlocked(f[0], t[0])) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/** True when every topic that matches `inner` also matches `outer`. */
export function filterCovers(outer: string, inner: string): boolean {
  const o = outer.split('/');
  const n = inner.split('/');
  if (dollarBlocked(o[0], n[0]) || (isWild(n[0]) && !isWild(o[0]) && o[0]!.startsWith('$'))) return false;
  for (let i = 0; i < o.length; i++) {
    if (o[i] === '#') return true;
    if (i >= n.length) return false;
    if (n[i] === '#') return false;
    if (o[i] === '+') continue;
    if (n[i] === '+' || n[i] !== o[i]) return false;
  }
  // `a/#` also matches `a`, which `a` alone does not cover.
  return o.length === n.length;
}

/** True when at least one topic matches both filters. */
export function filtersOverlap(a: string, b: string): boolean {
  const x = a.split('/');
  const y = b.split('/');
  if (dollarBlocked(x[0], y[0]) || dollarBlocked(y[0], x[0])) return false;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i];
    const q = y[i];
    if (p === '#' || q === '#') return true;
    if (p === undefined || q === undefined) return false;
    if (p !== '+' && q !== '+' && p !== q) return false;
  }
  return true;
}
