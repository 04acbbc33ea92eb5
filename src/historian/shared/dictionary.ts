/**
 * The tag dictionary in memory: path -> id, handed out as max + 1 and never reused, with the
 * new tags not yet written (they go into the same flush transaction as their first samples).
 */
import { valueTypeOf } from '../../core/sample.js';
import type { Sample } from '../../core/sample.js';
import type { TagInfo } from '../types.js';
import type { TagRow } from './store.js';

export class TagDictionary {
  readonly #tags = new Map<string, TagRow>();
  readonly #ids = new Map<string, number>();
  #unsaved: TagRow[] = [];
  #nextId = 1;

  /** Path -> id of every known tag. */
  get ids(): ReadonlyMap<string, number> {
    return this.#ids;
  }

  get size(): number {
    return this.#tags.size;
  }

  get unsavedCount(): number {
    return this.#unsaved.length;
  }

  /** Add tags read from the store. */
  load(rows: readonly TagRow[]): void {
    for (const t of rows) {
      this.#set(t);
      this.#nextId = Math.max(this.#nextId, t.id + 1);
    }
  }

  clear(): void {
    this.#tags.clear();
    this.#ids.clear();
  }

  /** The ids of the known ones among `paths`, each once. */
  idsOf(paths: readonly string[]): number[] {
    return [...new Set(paths)].flatMap((p) => this.#ids.get(p) ?? []);
  }

  /** The id of a sample's path, assigned now when the path is new (its value type is the sample's). */
  idFor(s: Sample): number {
    let tag = this.#tags.get(s.path);
    if (tag === undefined) {
      tag = { id: this.#nextId++, path: s.path, valueType: valueTypeOf(s.value) };
      this.#set(tag);
      this.#unsaved.push(tag);
    }
    return tag.id;
  }

  /** Take the tags not yet written, for a flush; give them back with restoreUnsaved() if it fails. */
  takeUnsaved(): TagRow[] {
    const tags = this.#unsaved;
    this.#unsaved = [];
    return tags;
  }

  restoreUnsaved(tags: readonly TagRow[]): void {
    this.#unsaved = tags.concat(this.#unsaved);
  }

  /** Every tag by id; `byId` for lookups. */
  list(): TagInfo[] {
    return [...this.#tags.values()].sort((a, b) => a.id - b.id).map((t) => ({ path: t.path, id: t.id, valueType: t.valueType }));
  }

  byId(): Map<number, TagRow> {
    return new Map([...this.#tags.values()].map((t) => [t.id, t]));
  }

  #set(t: TagRow): void {
    this.#tags.set(t.path, t);
    this.#ids.set(t.path, t.id);
  }
}
