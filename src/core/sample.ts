/** Quality of a sample: the three OPC UA severities; the protocol's own status code is kept beside it. */
export type Quality = 'good' | 'uncertain' | 'bad';

/**
 * Why the hub marked a value it had: `link_lost` (bad) when the source's link to the device broke,
 * `stale` (uncertain) when the value was not updated within its expected period.
 */
export type QualityReason = 'link_lost' | 'stale';

export const QUALITY_REASONS: readonly QualityReason[] = ['link_lost', 'stale'];

/** The value types a sample can carry. */
export type ValueType = 'number' | 'boolean' | 'string';

/** A value as stored and served: a number, a boolean or a string. */
export type Value = number | boolean | string;

/** One measured value at one place in the namespace at one instant. */
export interface Sample {
  /** Place in the namespace, e.g. `acme/springfield/packaging/line1/filler/speed` or `<source>/<tag>` for raw tags. */
  path: string;
  value: Value;
  /** Source timestamp, epoch milliseconds. */
  ts: number;
  quality: Quality;
  /** The protocol's original status code, where it has one (OPC UA StatusCode, Modbus exception, ...). */
  statusCode?: number;
  /**
   * Set only on samples the hub made to mark a value it had as bad or uncertain (see QualityReason).
   * Shown as `reason` in the API and the UNS payload; not named so here because `'reason' in x`
   * tells rejections from samples in the pipeline and the connectors.
   */
  qualityReason?: QualityReason;
}

/** Sources emit and stages process batches, never single samples. */
export type Batch = readonly Sample[];

export const QUALITIES: readonly Quality[] = ['good', 'uncertain', 'bad'];

/** True when `q` is one of the three qualities. */
export function isQuality(q: unknown): q is Quality {
  return q === 'good' || q === 'uncertain' || q === 'bad';
}

/** The value type of a value. */
export function valueTypeOf(value: Value): ValueType {
  return typeof value as ValueType;
}

/** True when `v` is a storable value: a finite number, a boolean or a string. */
export function isValue(v: unknown): v is Value {
  return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || typeof v === 'string';
}

/** Coerce a value to the declared type, or return undefined when it cannot be represented. */
export function coerceValue(v: Value, type: ValueType): Value | undefined {
  switch (type) {
    case 'number':
      if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (v.trim() === '') return undefined;
      return Number.isFinite(Number(v)) ? Number(v) : undefined;
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (/^(true|1|on)$/i.test(v)) return true;
      if (/^(false|0|off)$/i.test(v)) return false;
      return undefined;
    case 'string':
      return String(v);
  }
}
