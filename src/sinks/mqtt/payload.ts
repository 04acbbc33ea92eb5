/** Topic and payload of one sample on the MQTT unified namespace (ARCHITECTURE §8). */
import type { Sample } from '../../core/sample.js';
import type { PathInfo } from '../types.js';

/** The topic of a path: `<prefix>/<path>`, or `<path>` for an empty prefix. Path segments are valid topic levels as they are. */
export function topicFor(prefix: string, path: string): string {
  return prefix === '' ? path : `${prefix}/${path}`;
}

/** Topics by path for one prefix, so a busy path's topic is joined once, not once per sample. */
export class TopicCache {
  readonly #prefix: string;
  readonly #max: number;
  readonly #topics = new Map<string, string>();

  constructor(prefix: string, max = 100_000) {
    this.#prefix = prefix;
    this.#max = max;
  }

  topic(path: string): string {
    let t = this.#topics.get(path);
    if (t === undefined) {
      // A namespace larger than the cache only costs the joins again; memory stays bounded.
      if (this.#topics.size >= this.#max) this.#topics.clear();
      t = topicFor(this.#prefix, path);
      this.#topics.set(path, t);
    }
    return t;
  }
}

function jsonValue(v: Sample['value']): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return String(v);
}

/**
 * The JSON payload of a sample: `{"value", "timestamp", "quality", "reason"?, "unit"?}` — the text
 * JSON.stringify of the shared §8 payload gives, written directly (no object per sample).
 */
export function payloadFor(sample: Sample, info: PathInfo | undefined): string {
  let out = `{"value":${jsonValue(sample.value)},"timestamp":${sample.ts},"quality":${JSON.stringify(sample.quality)}`;
  if (sample.qualityReason) out += `,"reason":${JSON.stringify(sample.qualityReason)}`;
  if (info?.unit) out += `,"unit":${JSON.stringify(info.unit)}`;
  return `${out}}`;
}
