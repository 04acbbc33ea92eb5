/**
 * Tag ids for picked browse nodes: the node's name as a path segment allows it, qualified by its
 * parents' names only where two picks would otherwise share an id (Filler/State and Capper/State
 * become filler_state and capper_state), and numbered as a last resort. Ids the source already has
 * are taken too.
 */

/** A tag id from a browse name: the characters a path segment allows. */
export function tagId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase() || 'tag';
}

/** Tag ids are at most 64 characters (config schema). */
const MAX = 64;

function qualified(path: readonly string[], depth: number): string {
  const id = path.slice(-depth).map(tagId).join('_');
  return id.length > MAX ? id.slice(id.length - MAX).replace(/^[_-]+/, '') : id;
}

/**
 * One unique id per pick, in order. `path` is the pick's names from the browse root to itself.
 * `taken` holds ids already in use (e.g. the source's configured tags).
 */
export function uniqueTagIds(picks: ReadonlyArray<{ path: readonly string[] }>, taken: Iterable<string> = []): string[] {
  const depth = picks.map(() => 1);
  // Lengthen the qualification of every pick whose id collides, until none does or paths run out.
  for (;;) {
    const ids = picks.map((p, i) => qualified(p.path, depth[i]!));
    const count = new Map<string, number>();
    for (const id of [...ids, ...taken]) count.set(id, (count.get(id) ?? 0) + 1);
    let grew = false;
    ids.forEach((id, i) => {
      if (count.get(id)! > 1 && depth[i]! < picks[i]!.path.length) {
        depth[i]!++;
        grew = true;
      }
    });
    if (!grew) break;
  }
  const used = new Set<string>(taken);
  return picks.map((p, i) => {
    const base = qualified(p.path, depth[i]!);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, MAX - String(n).length - 1)}_${n}`;
    used.add(id);
    return id;
  });
}
