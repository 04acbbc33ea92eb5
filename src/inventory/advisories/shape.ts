/**
 * Hand checks of untrusted JSON (pure): typed getters that never throw and collect what is wrong,
 * with its JSON path, so one bad advisory yields one clear sentence instead of a crash.
 */

export type Json = Record<string, unknown>;

/** The problems found while reading a document, each with its JSON path. */
export class Problems {
  readonly list: string[] = [];
  /** What does not stop the document from being used (e.g. a status naming an undefined product). */
  readonly warnings: string[] = [];

  add(path: string, problem: string): void {
    this.list.push(`${path} ${problem}`.trim());
  }

  warn(path: string, problem: string): void {
    if (this.warnings.length < 50) this.warnings.push(`${path} ${problem}`.trim());
  }

  /** The first few problems in one sentence. */
  summary(max = 4): string {
    const shown = this.list.slice(0, max).join('; ');
    return this.list.length > max ? `${shown}; and ${this.list.length - max} more` : shown;
  }
}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `o[key]` as an object; absent gives undefined, a wrong type is a problem. */
export function obj(o: Json, key: string, path: string, p: Problems, required = false): Json | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) p.add(`${path}.${key}`, 'is missing');
    return undefined;
  }
  if (!isObject(v)) {
    p.add(`${path}.${key}`, 'must be an object');
    return undefined;
  }
  return v;
}

/** `o[key]` as an array (empty when absent); a wrong type is a problem. */
export function arr(o: Json, key: string, path: string, p: Problems): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    p.add(`${path}.${key}`, 'must be an array');
    return [];
  }
  return v;
}

/** `o[key]` as a string; absent gives undefined, a wrong type (or an empty required one) is a problem. */
export function str(o: Json, key: string, path: string, p: Problems, required = false): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) p.add(`${path}.${key}`, 'is missing');
    return undefined;
  }
  if (typeof v !== 'string') {
    p.add(`${path}.${key}`, 'must be a string');
    return undefined;
  }
  if (required && v.trim() === '') {
    p.add(`${path}.${key}`, 'is empty');
    return undefined;
  }
  return v;
}

/** `o[key]` as an array of strings (others dropped, as problems). */
export function strings(o: Json, key: string, path: string, p: Problems): string[] {
  const out: string[] = [];
  arr(o, key, path, p).forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else p.add(`${path}.${key}[${i}]`, 'must be a string');
  });
  return out;
}

/** The objects of an array; other elements are problems. */
export function objects(o: Json, key: string, path: string, p: Problems): Array<[Json, string]> {
  const out: Array<[Json, string]> = [];
  arr(o, key, path, p).forEach((v, i) => {
    if (isObject(v)) out.push([v, `${path}.${key}[${i}]`]);
    else p.add(`${path}.${key}[${i}]`, 'must be an object');
  });
  return out;
}
