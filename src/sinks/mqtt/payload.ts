/** Topic and payload of one sample on the MQTT unified namespace (ARCHITECTURE §8). */
import type { Sample } from '../../core/sample.js';
import { unsPayload } from '../shared/payload.js';
import type { PathInfo } from '../types.js';

/** The topic of a path: `<prefix>/<path>`, or `<path>` for an empty prefix. Path segments are valid topic levels as they are. */
export function topicFor(prefix: string, path: string): string {
  return prefix === '' ? path : `${prefix}/${path}`;
}

/** The JSON payload of a sample: `{"value", "timestamp", "quality", "unit"?}`. */
export function payloadFor(sample: Sample, info: PathInfo | undefined): string {
  return JSON.stringify(unsPayload(sample, info));
}
