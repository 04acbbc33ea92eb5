/** "Did you mean …?" suggestions from a small edit distance. */

/** Edit distance between two words (insert, delete, substitute, swap two neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // d[i][j] = distance between the first i characters of s and the first j of t
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/** The candidate closest to `word` when it is close enough to be a likely typo, else undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // One edit per three characters, at least one and at most three: "pasword" → "password", not "port".
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(word, c);
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` — did you mean "x"?` when a close candidate exists, else an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` — did you mean "${match}"?`;
}

/** `base` plus "— did you mean …?" when `word` is close to a candidate, else `base` plus a full stop. */
export function withSuggestion(base: string, word: unknown, candidates: Iterable<unknown>): string {
  const names = [...candidates].filter((c): c is string => typeof c === 'string');
  const suffix = typeof word === 'string' ? didYouMean(word, names) : '';
  return suffix === '' ? `${base}.` : `${base}${suffix}`;
}

/** A readable list of at most `max` names: `a, b, c` or `a, b, … (12 in all)`. */
export function listNames(names: readonly string[], max = 12): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')}, … (${names.length} in all)`;
}
