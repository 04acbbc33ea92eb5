/**
 * Normalization: the first stage a batch meets. Checks each raw sample against its tag's rule
 * (known tag, plausible timestamp, valid quality, finite value of the declared type), then applies
 * `value * scale + offset` and the clamp. Pure: the clock is passed in.
 */
import type { TagConfig } from '../config/schema.js';
import type { DeadbandSpec } from '../core/deadband.js';
import { rawTagPath } from '../core/path.js';
import { coerceValue, isQuality, isValue, type Quality, type Sample, type Value, type ValueType } from '../core/sample.js';
import { durationMs } from '../core/time.js';

/** Why a sample was rejected. `mapping_failed` is set by the pipeline when namespace mapping throws. */
export const REJECT_REASONS = ['unknown_tag', 'bad_timestamp', 'bad_quality', 'not_finite', 'type_mismatch', 'mapping_failed'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Heartbeat of a tag that has a deadband but no maxInterval: like PI's default ExcMax of 600 s. */
export const DEFAULT_MAX_INTERVAL_MS = 10 * 60_000;
/** Samples stamped further ahead of the hub clock than this are rejected as `bad_timestamp`. */
export const DEFAULT_MAX_FUTURE_MS = 24 * 3_600_000;

/** How one raw tag is normalized; built once from its config by rulesFor(). */
export interface TagRule {
  readonly sourceId: string;
  /** The raw path, `<source-id>/<tag-id>`. */
  readonly path: string;
  /** Declared type; absent means "keep what the device sends". */
  readonly type?: ValueType;
  readonly scale: number;
  readonly offset: number;
  readonly clamp?: { readonly min?: number; readonly max?: number; readonly quality: Quality | 'keep' };
  readonly deadband?: DeadbandSpec;
  readonly unit?: string;
}

export interface Rejection {
  sample: Sample;
  reason: RejectReason;
  /** What is wrong, in plant terms, for the operator sentence. */
  problem: string;
}

export interface NormalizeResult {
  passed: Sample[];
  rejected: Rejection[];
}

export interface NormalizeOptions {
  /** The hub clock, epoch ms. */
  now: number;
  maxFutureMs?: number;
  /** The rule of a path no configured tag matches (sources with dynamic tags); undefined rejects it. */
  fallback?: (path: string) => TagRule | undefined;
}

/**
 * The rules of one source's tags, keyed by raw path. A tag with scale, offset or clamp but no
 * declared type is treated as a number; a deadband without maxInterval gets a 10-minute heartbeat.
 */
export function rulesFor(sourceId: string, tags: readonly TagConfig[]): Map<string, TagRule> {
  const rules = new Map<string, TagRule>();
  for (const tag of tags) {
    const path = rawTagPath(sourceId, tag.id);
    const numeric = tag.scale !== undefined || tag.offset !== undefined || tag.clamp !== undefined;
    const type = tag.type ?? (numeric ? 'number' : undefined);
    rules.set(path, {
      sourceId,
      path,
      scale: tag.scale ?? 1,
      offset: tag.offset ?? 0,
      ...(type ? { type } : {}),
      ...(tag.unit !== undefined ? { unit: tag.unit } : {}),
      ...(tag.clamp ? { clamp: { min: tag.clamp.min, max: tag.clamp.max, quality: tag.clamp.quality ?? 'uncertain' } } : {}),
      ...(tag.deadband ? { deadband: deadbandSpecOf(tag.deadband) } : {}),
    });
  }
  return rules;
}

/** The rule of a tag that no config lists, from a source with dynamic tags: kept as the device sends it. */
export function dynamicRule(sourceId: string, path: string): TagRule | undefined {
  return path.startsWith(`${sourceId}/`) ? { sourceId, path, scale: 1, offset: 0 } : undefined;
}

/** The core deadband spec of a tag's deadband config. */
function deadbandSpecOf(d: NonNullable<TagConfig['deadband']>): DeadbandSpec {
  return {
    ...(d.absolute !== undefined ? { absolute: d.absolute } : {}),
    ...(d.percent !== undefined ? { percent: d.percent } : {}),
    ...(d.span !== undefined ? { span: d.span } : {}),
    maxIntervalMs: durationMs(d.maxInterval, DEFAULT_MAX_INTERVAL_MS),
  };
}

/** Normalize a batch: samples that pass, in order, and those rejected with their reason. */
export function normalize(batch: readonly Sample[], rules: ReadonlyMap<string, TagRule>, options: NormalizeOptions): NormalizeResult {
  const passed: Sample[] = [];
  const rejected: Rejection[] = [];
  for (const sample of batch) {
    const rule = rules.get(sample.path) ?? options.fallback?.(sample.path);
    const out = rule ? normalizeSample(sample, rule, options) : reject(sample, 'unknown_tag', 'the tag is not configured for its source');
    if ('reason' in out) rejected.push(out);
    else passed.push(out);
  }
  return { passed, rejected };
}

/** Normalize one sample with its rule: the normalized sample, or why it was rejected. */
export function normalizeSample(sample: Sample, rule: TagRule, options: NormalizeOptions): Sample | Rejection {
  const tsProblem = timestampProblem(sample.ts, options.now, options.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS);
  if (tsProblem) return reject(sample, 'bad_timestamp', tsProblem);
  if (!isQuality(sample.quality)) return reject(sample, 'bad_quality', `its quality ${show(sample.quality)} is not good, uncertain or bad`);
  const raw: unknown = sample.value;
  if (typeof raw === 'number' && !Number.isFinite(raw)) return reject(sample, 'not_finite', `its value ${raw} is not a finite number`);
  if (!isValue(raw)) return reject(sample, 'type_mismatch', `its value ${show(raw)} is not a number, boolean or string`);
  const coerced = rule.type ? coerceValue(raw, rule.type) : raw;
  if (coerced === undefined) return reject(sample, 'type_mismatch', `its value ${show(raw)} cannot be read as a ${rule.type}`);
  if (typeof coerced !== 'number') return withValue(sample, coerced, sample.quality);
  const scaled = coerced * rule.scale + rule.offset;
  if (!Number.isFinite(scaled)) return reject(sample, 'not_finite', `its value ${show(raw)} scaled by ${rule.scale} and offset by ${rule.offset} is not a finite number`);
  return clampSample(sample, scaled, rule.clamp);
}

/** Why a timestamp is implausible, or undefined when it is fine. */
function timestampProblem(ts: unknown, now: number, maxFutureMs: number): string | undefined {
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts)) return `its timestamp ${show(ts)} is not a whole number of epoch milliseconds`;
  if (ts < 0) return `its timestamp ${ts} lies before 1970`;
  if (ts - now > maxFutureMs) {
    const hours = Math.round((ts - now) / 360_000) / 10;
    return `its timestamp ${new Date(ts).toISOString()} is ${hours} h ahead of the hub clock`;
  }
  return undefined;
}

const RANK: Record<Quality, number> = { good: 0, uncertain: 1, bad: 2 };

/** Clamp a number into [min, max]. A clamped sample never gets a better quality than it had. */
function clampSample(sample: Sample, value: number, clamp: TagRule['clamp']): Sample {
  if (!clamp) return withValue(sample, value, sample.quality);
  let clamped = value;
  if (clamp.min !== undefined && clamped < clamp.min) clamped = clamp.min;
  if (clamp.max !== undefined && clamped > clamp.max) clamped = clamp.max;
  if (clamped === value || clamp.quality === 'keep') return withValue(sample, clamped, sample.quality);
  const quality = RANK[clamp.quality] > RANK[sample.quality] ? clamp.quality : sample.quality;
  return withValue(sample, clamped, quality);
}

/** The sample itself when nothing changed (no allocation on the fast path), else a copy. */
function withValue(sample: Sample, value: Value, quality: Quality): Sample {
  if (value === sample.value && quality === sample.quality) return sample;
  return { ...sample, value, quality };
}

function reject(sample: Sample, reason: RejectReason, problem: string): Rejection {
  return { sample, reason, problem };
}

/** A short printable form of an untrusted value. */
function show(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' || (typeof v === 'object' && v !== null) ? JSON.stringify(v) : String(v);
  } catch {
    text = String(v);
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
