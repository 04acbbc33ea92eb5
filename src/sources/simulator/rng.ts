/**
 * Seeded randomness for the simulator. Two flavours, both pure:
 * - `mulberry32`: a sequential PRNG for things generated in order (machine-state events);
 * - `uniformAt` / `gaussianAt`: counter-based draws addressed by (stream, step index), so a value
 *   at step k never depends on how many draws were made before it (poll timing, skipped steps).
 * Every tag gets its own streams from (seed, tag id, purpose): adding a tag changes no other series.
 */

const TWO_POW_32 = 4294967296;

/** mulberry32 (Tommy Ettinger): a small, fast 32-bit PRNG; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return function nextMulberry32(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    return mulberryOutput(state) / TWO_POW_32;
  };
}

/** The output function of mulberry32 for one state: a good 32-bit integer mix. */
function mulberryOutput(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a 32-bit hash of a string (UTF-16 code units). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit stream key derived from a seed and any number of labels (tag id, purpose, ...). */
export function streamSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let h = fmix32(hashString(`seed:${seed}`));
  for (const label of labels) h = fmix32(h ^ hashString(String(label)) ^ Math.imul(h, 0x9e3779b9));
  return h;
}

/** A uniform number in [0, 1) for `stream` at integer `index` (>= 0), draw `draw` (0, 1, ...). */
export function uniformAt(stream: number, index: number, draw = 0): number {
  const lo = index >>> 0;
  const hi = Math.floor(index / TWO_POW_32) >>> 0;
  let h = fmix32(stream ^ Math.imul(lo, 0x9e3779b9));
  h = fmix32(h ^ Math.imul(hi + 1, 0x85ebca6b) ^ Math.imul(draw + 1, 0xc2b2ae35));
  return mulberryOutput(h) / TWO_POW_32;
}

/** A standard normal number for `stream` at `index` (Box–Muller on two uniform draws). */
export function gaussianAt(stream: number, index: number): number {
  const u1 = 1 - uniformAt(stream, index, 0); // (0, 1]: log stays finite
  const u2 = uniformAt(stream, index, 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A standard normal number from a sequential generator (Box–Muller). */
export function gaussian(next: () => number): number {
  const u1 = 1 - next();
  const u2 = next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Pick an index with probability proportional to its weight; `u` is uniform in [0, 1). */
export function pickWeighted(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += Math.max(0, w);
  if (total <= 0) return 0;
  let acc = 0;
  const target = u * total;
  for (let i = 0; i < weights.length; i++) {
    acc += Math.max(0, weights[i]!);
    if (target < acc) return i;
  }
  return weights.length - 1;
}
