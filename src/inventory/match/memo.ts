/**
 * A bounded memo for the pure readers (range texts, names): advisories repeat the same texts
 * thousands of times (`vers:all/*`, `Siemens`). Cleared when full, so memory stays bounded.
 */
export function memo<T>(fn: (key: string) => T, max = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      if (cache.size >= max) cache.clear();
      v = fn(key);
      cache.set(key, v);
    }
    return v as T;
  };
}
