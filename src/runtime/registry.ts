/** Explicit registries of kinds: duplicates fail at start-up, unknown kinds give a clear error. */
import { CausewayError } from '../core/errors.js';

export interface Kinded {
  readonly kind: string;
}

/** Index definitions by kind; throws CW_REGISTRY_DUPLICATE_KIND on a duplicate. */
export function buildRegistry<T extends Kinded>(registry: string, definitions: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const d of definitions) {
    if (map.has(d.kind)) throw new CausewayError('CW_REGISTRY_DUPLICATE_KIND', { registry, kind: d.kind });
    map.set(d.kind, d);
  }
  return map;
}
