/** Few path prefixes that cover many paths, for a live subscription (the hub takes at most 100 per connection). */

function parentOf(path: string): string | undefined {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : undefined;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Drop every path that lies under another one of the list. */
function outermost(paths: Iterable<string>): string[] {
  const sorted = [...new Set(paths)].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((o) => isUnder(p, o))) out.push(p);
  return out;
}

/**
 * At most `max` prefixes covering every path: the paths themselves when they are few enough, else
 * the deepest paths are replaced by their parents, one level at a time, until the list fits.
 */
export function coverPrefixes(paths: Iterable<string>, max: number): string[] {
  let list = outermost(paths);
  while (list.length > max) {
    const depth = Math.max(...list.map((p) => p.split('/').length));
    if (depth <= 1) return list.slice(0, max);
    list = outermost(list.map((p) => (p.split('/').length === depth ? (parentOf(p) ?? p) : p)));
  }
  return list;
}
