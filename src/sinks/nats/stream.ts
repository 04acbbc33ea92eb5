/**
 * The durable stream the sink publishes into: created when missing, left alone when an existing one
 * fits, refused with CW_SINK_STREAM_CONFLICT when it does not. The checks are pure; ensureStream()
 * only orchestrates the JetStream API calls.
 */
import { nanos, type JetStreamManager, type StreamConfig } from 'nats';
import type { Logger } from 'pino';
import { CausewayError } from '../../core/errors.js';

/** What the sink wants of its stream. */
export interface WantedStream {
  sink: string;
  name: string;
  /** `<subjectPrefix>.>` */
  subject: string;
  /** 0: no age limit. */
  maxAgeMs: number;
  replicas: number;
  duplicateWindowMs: number;
}

/** True when the subject filter `filter` captures every subject that `subject` (which may end in ">") matches. */
export function subjectCovers(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || s[i] === '>') return false;
    if (f[i] !== '*' && f[i] !== s[i]) return false;
  }
  return f.length === s.length;
}

type StreamShape = Partial<Pick<StreamConfig, 'subjects' | 'mirror' | 'sealed' | 'no_ack' | 'max_age' | 'num_replicas' | 'duplicate_window'>>;

/** Why an existing stream cannot take the sink's subjects, or undefined when it can. */
export function streamProblem(config: StreamShape, subject: string): string | undefined {
  if (config.mirror) return `it mirrors stream ${config.mirror.name} and takes no publishes`;
  if (config.sealed) return 'it is sealed and takes no publishes';
  if (config.no_ack) return 'it does not acknowledge publishes (no_ack), so the hub could not know a value was stored';
  const subjects = config.subjects ?? [];
  if (!subjects.some((f) => subjectCovers(f, subject))) {
    return `its subjects (${subjects.length > 0 ? subjects.join(', ') : 'none'}) do not include ${subject}`;
  }
  return undefined;
}

/** Settings of an existing stream that differ from what the sink would have created (kept as they are). */
export function settingDifferences(config: StreamShape, wanted: WantedStream): string[] {
  const out: string[] = [];
  const ms = (n: number | undefined) => Math.round((n ?? 0) / 1e6);
  if (ms(config.max_age) !== wanted.maxAgeMs) out.push(`max age ${ms(config.max_age)} ms instead of ${wanted.maxAgeMs} ms`);
  if ((config.num_replicas ?? 1) !== wanted.replicas) out.push(`${config.num_replicas ?? 1} replicas instead of ${wanted.replicas}`);
  if (ms(config.duplicate_window) !== effectiveDuplicateWindow(wanted)) out.push(`duplicate window ${ms(config.duplicate_window)} ms instead of ${effectiveDuplicateWindow(wanted)} ms`);
  return out;
}

/** JetStream refuses a duplicate window longer than the max age: cap it there. */
export function effectiveDuplicateWindow(wanted: WantedStream): number {
  return wanted.maxAgeMs > 0 ? Math.min(wanted.duplicateWindowMs, wanted.maxAgeMs) : wanted.duplicateWindowMs;
}

/** The stream config the sink creates: file storage, limits retention, the sink's subjects. */
export function streamConfigFor(wanted: WantedStream): Partial<StreamConfig> & { name: string } {
  return {
    name: wanted.name,
    subjects: [wanted.subject],
    description: `Causeway samples, created by sink ${wanted.sink}`,
    max_age: nanos(wanted.maxAgeMs),
    num_replicas: wanted.replicas,
    duplicate_window: nanos(effectiveDuplicateWindow(wanted)),
  };
}

/** The JetStream API error number of a failed call (10059 stream not found, 10065 subjects overlap, ...). */
export function apiErrorCode(e: unknown): number | undefined {
  return (e as { api_error?: { err_code?: number } } | undefined)?.api_error?.err_code;
}

const STREAM_NOT_FOUND = 10059;
const STREAM_NAME_IN_USE = 10058;
const SUBJECTS_OVERLAP = 10065;

/** Create the stream when missing, accept a fitting one; throws CW_SINK_STREAM_CONFLICT otherwise. */
export async function ensureStream(jsm: JetStreamManager, wanted: WantedStream, logger: Logger): Promise<'created' | 'existing'> {
  const conflict = (problem: string) =>
    new CausewayError('CW_SINK_STREAM_CONFLICT', { sink: wanted.sink, stream: wanted.name, subjects: wanted.subject, problem });
  const existing = await streamConfig(jsm, wanted.name);
  if (existing === undefined) {
    try {
      await jsm.streams.add(streamConfigFor(wanted));
      logger.info({ stream: wanted.name, subjects: [wanted.subject] }, `Created JetStream stream ${wanted.name} for ${wanted.subject}.`);
      return 'created';
    } catch (e) {
      const code = apiErrorCode(e);
      if (code === SUBJECTS_OVERLAP) throw conflict(`another stream already captures subjects that overlap ${wanted.subject}`);
      if (code !== STREAM_NAME_IN_USE) throw e;
      // Another client created it meanwhile: check that one like any existing stream.
    }
  }
  const config = existing ?? (await streamConfig(jsm, wanted.name));
  const problem = config === undefined ? 'it disappeared while the hub was checking it' : streamProblem(config, wanted.subject);
  if (problem) throw conflict(problem);
  const differences = settingDifferences(config!, wanted);
  if (differences.length > 0) {
    logger.info({ stream: wanted.name, differences }, `JetStream stream ${wanted.name} exists with ${differences.join(', ')}; the hub uses it as it is.`);
  }
  return 'existing';
}

/** The config of a stream, or undefined when there is none by that name. */
async function streamConfig(jsm: JetStreamManager, name: string): Promise<StreamConfig | undefined> {
  try {
    return (await jsm.streams.info(name)).config;
  } catch (e) {
    if (apiErrorCode(e) === STREAM_NOT_FOUND) return undefined;
    throw e;
  }
}
