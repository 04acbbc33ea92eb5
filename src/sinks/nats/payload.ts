/** Subject, message id and payload of one sample on NATS JetStream. */
import type { Sample } from '../../core/sample.js';
import { unsRecord } from '../shared/payload.js';
import type { PathInfo } from '../types.js';

/** The subject of a path: `<prefix>.<path with "/" as ".">`. Path segments are valid subject tokens as they are. */
export function subjectFor(prefix: string, path: string): string {
  return `${prefix}.${path.replaceAll('/', '.')}`;
}

/** The subjects the stream captures: every path below the prefix. */
export function streamSubject(prefix: string): string {
  return `${prefix}.>`;
}

/** The message id JetStream deduplicates on: `<path>:<ts>`, the same when a batch is sent again. */
export function msgIdFor(sample: Sample): string {
  return `${sample.path}:${sample.ts}`;
}

/** The JSON payload: `{"path", "value", "timestamp", "quality", "unit"?}`. */
export function payloadFor(sample: Sample, info: PathInfo | undefined): string {
  return JSON.stringify(unsRecord(sample, info));
}
