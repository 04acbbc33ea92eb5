/** The JSON a sample becomes on the way out (ARCHITECTURE §8): shared by every sink kind. */
import type { Quality, QualityReason, Sample, Value } from '../../core/sample.js';
import type { PathInfo } from '../types.js';

/** The unified-namespace payload: `{"value", "timestamp", "quality", "reason"?, "unit"?}`. */
export interface UnsPayload {
  value: Value;
  /** Source timestamp, epoch milliseconds. */
  timestamp: number;
  quality: Quality;
  /** Only when the hub marked the value bad (link_lost) or uncertain (stale). */
  reason?: QualityReason;
  /** Only when the namespace gives the path a unit. */
  unit?: string;
}

/** The payload plus the sample's path, for outputs whose address does not carry it in full. */
export interface UnsRecord extends UnsPayload {
  path: string;
}

/** The §8 payload of one sample; `info` is what the namespace says of its path. */
export function unsPayload(sample: Sample, info: PathInfo | undefined): UnsPayload {
  const payload: UnsPayload = { value: sample.value, timestamp: sample.ts, quality: sample.quality };
  if (sample.qualityReason) payload.reason = sample.qualityReason;
  if (info?.unit) payload.unit = info.unit;
  return payload;
}

/** The §8 payload with the path first: `{"path", "value", "timestamp", "quality", "reason"?, "unit"?}`. */
export function unsRecord(sample: Sample, info: PathInfo | undefined): UnsRecord {
  return { path: sample.path, ...unsPayload(sample, info) };
}
