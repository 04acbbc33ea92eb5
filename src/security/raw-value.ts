/**
 * From an attribute's value back to the raw device value a source writes: the transforms a
 * sample goes through on its way up (tag scale and offset, value map, binding scale and offset,
 * unit conversion), undone in reverse order. Pure.
 */
import type { Value } from '../core/sample.js';

/** The upward transforms that matter for a write, as the namespace's lineage lists them. */
export type RawTransform =
  | { stage: 'normalize'; scale: number; offset: number }
  | { stage: 'value-map'; map: Record<string, unknown> }
  | { stage: 'scale'; scale: number; offset: number }
  | { stage: 'unit-conversion'; factor: number; offset: number }
  | { stage: string };

/** Enough digits to undo float noise (1e-12 relative) without losing a real value. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

function undoLinear(v: Value, scale: number, offset: number, what: string): Value | { problem: string } {
  if (typeof v !== 'number') return v;
  if (scale === 0) return { problem: `the ${what} multiplies by 0, so no device value gives ${v}` };
  return tidy((v - offset) / scale);
}

function undoMap(v: Value, map: Record<string, unknown>): Value | { problem: string } {
  const keys = Object.keys(map).filter((k) => map[k] === v);
  if (keys.length === 0) return { problem: `no device value maps to ${JSON.stringify(v)}` };
  if (keys.length > 1) return { problem: `device values ${keys.join(', ')} all map to ${JSON.stringify(v)}` };
  const k = keys[0]!;
  return k.trim() !== '' && Number.isFinite(Number(k)) ? Number(k) : k === 'true' ? true : k === 'false' ? false : k;
}

/** The raw value for an attribute value, or the problem that prevents it. */
export function toRawValue(value: Value, transforms: readonly RawTransform[]): { value: Value } | { problem: string } {
  let v: Value = value;
  for (const t of [...transforms].reverse()) {
    let next: Value | { problem: string } = v;
    if (t.stage === 'unit-conversion' && 'factor' in t) next = undoLinear(v, t.factor, t.offset, 'unit conversion');
    else if ((t.stage === 'scale' || t.stage === 'normalize') && 'scale' in t) next = undoLinear(v, t.scale, t.offset, t.stage === 'scale' ? "binding's scale" : "tag's scale");
    else if (t.stage === 'value-map' && 'map' in t) next = undoMap(v, t.map);
    if (typeof next === 'object') return next;
    v = next;
  }
  return { value: v };
}

/** True when a value read back is the value written (numbers within a relative 1e-9). */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
