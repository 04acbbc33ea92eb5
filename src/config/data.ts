/** Careful readers of a config that may not have passed the schema: wrong shapes read as absent. */

/** A YAML mapping as read from the config. */
export type Obj = Record<string, unknown>;

/** True for a plain mapping (not a list, not null). */
export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The string, or undefined for anything else. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The mapping entries of the list `obj[key]`, with their index in that list. */
export function entries(obj: unknown, key: string): [Obj, number][] {
  const list = isObj(obj) ? obj[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [Obj, number][] => (isObj(item) ? [[item, i]] : []));
}

/** True unless the entry says `enabled: false`. */
export function isEnabled(entry: Obj): boolean {
  return entry.enabled !== false;
}
