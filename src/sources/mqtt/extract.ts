/**
 * Payload to samples: for each route whose filter matches the topic, each value rule builds a tag
 * id from the captures, reads the value (JSON Pointer, or the whole plain payload), applies the
 * expression, and reads timestamp and quality. A rule that cannot do so yields a problem with a
 * quarantine reason instead of a sample; the other rules of the message still deliver. Pure.
 */
import { isCausewayError } from '../../core/errors.js';
import type { ExprValue } from '../../core/expression/index.js';
import { rawTagPath } from '../../core/path.js';
import { isValue, type Quality, type Sample } from '../../core/sample.js';
import { parsePayloadQuality, parsePayloadTime } from './fields.js';
import { resolvePointer, type Pointer } from './pointer.js';
import type { Route, ValueRule } from './routes.js';
import { renderTag } from './template.js';
import { matchTopic } from './topic.js';

export const QUARANTINE_REASONS = ['not_json', 'pointer_missing', 'not_a_value', 'bad_timestamp', 'bad_quality', 'expression_failed', 'too_large', 'bad_tag'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** Why (part of) a message was set aside. */
export interface Problem {
  reason: QuarantineReason;
  /** What is wrong, as a phrase for the operator sentence. */
  problem: string;
  /** The configured rule, e.g. subscriptions[0].values[1]. */
  rule?: string;
}

export interface Extraction {
  samples: Sample[];
  problems: Problem[];
}

export interface ExtractOptions {
  readonly sourceId: string;
  readonly maxPayloadBytes: number;
  /** Arrival time, epoch ms: the timestamp of samples whose payload carries none. */
  readonly receivedAt: number;
}

/** The payload, decoded at most once, and only as far as a rule needs it. */
class Payload {
  #text: string | undefined;
  #json: { ok: true; value: unknown } | { ok: false; problem: string } | undefined;
  constructor(readonly bytes: Uint8Array) {}

  text(): string {
    this.#text ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8');
    return this.#text;
  }

  json(): { ok: true; value: unknown } | { ok: false; problem: string } {
    if (!this.#json) {
      try {
        this.#json = { ok: true, value: JSON.parse(this.text()) as unknown };
      } catch (e) {
        this.#json = { ok: false, problem: `the payload is not JSON (${clip((e as Error).message, 120)})` };
      }
    }
    return this.#json;
  }

  /** JSON when it parses (23.5, true, "on", {...}), else the trimmed text: for rules without a value pointer. */
  plain(): unknown {
    const j = this.json();
    return j.ok ? j.value : this.text().trim();
  }
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return `the number ${v}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

type Step<T> = { ok: T } | { fail: Problem };

/** The value at a pointer, or the problem (payload not JSON, or nothing there). */
function at(payload: Payload, pointer: Pointer, what: string): Step<unknown> {
  const doc = payload.json();
  if (!doc.ok) return { fail: { reason: 'not_json', problem: doc.problem } };
  const r = resolvePointer(doc.value, pointer);
  if ('missing' in r) return { fail: { reason: 'pointer_missing', problem: `the payload has no ${what} at ${r.missing}` } };
  return { ok: r.value };
}

function readValue(rule: ValueRule, payload: Payload, topic: string, captures: Record<string, string>): Step<unknown> {
  const raw = rule.value ? at(payload, rule.value, 'value') : { ok: payload.plain() };
  if (!('ok' in raw) || !rule.expression) return raw;
  const scope = (name: string): ExprValue | undefined => {
    if (name === 'value') return raw.ok as ExprValue;
    if (name === 'payload') return payload.plain() as ExprValue;
    if (name === 'topic') return topic;
    return Object.hasOwn(captures, name) ? captures[name] : undefined;
  };
  try {
    return { ok: rule.expression.evaluate(scope) };
  } catch (e) {
    if (!isCausewayError(e)) throw e;
    return { fail: { reason: 'expression_failed', problem: e.message.replace(/\.$/, '') } };
  }
}

function readTime(rule: ValueRule, payload: Payload, receivedAt: number): Step<number> {
  if (!rule.timestamp) return { ok: receivedAt };
  const v = at(payload, rule.timestamp, 'timestamp');
  if (!('ok' in v)) return v;
  const ts = parsePayloadTime(v.ok);
  if (ts === undefined) return { fail: { reason: 'bad_timestamp', problem: `the timestamp ${clip(JSON.stringify(v.ok) ?? 'undefined', 60)} is not epoch seconds, milliseconds or an ISO 8601 time` } };
  return { ok: ts };
}

function readQuality(rule: ValueRule, payload: Payload): Step<{ quality: Quality; statusCode?: number }> {
  if (!rule.quality) return { ok: { quality: 'good' } };
  const v = at(payload, rule.quality, 'quality');
  if (!('ok' in v)) return v;
  const q = parsePayloadQuality(v.ok);
  if (!q) return { fail: { reason: 'bad_quality', problem: `the quality ${clip(JSON.stringify(v.ok) ?? 'undefined', 60)} is not good, uncertain, bad, a boolean or a status code` } };
  return { ok: q };
}

/** Apply one rule: a sample, or the problem that stopped it. */
function applyRule(rule: ValueRule, payload: Payload, topic: string, captures: Record<string, string>, opts: ExtractOptions): Sample | Problem {
  const tag = renderTag(rule.tag, captures);
  if ('problem' in tag) return { reason: 'bad_tag', problem: tag.problem, rule: rule.label };
  const value = readValue(rule, payload, topic, captures);
  if (!('ok' in value)) return { ...value.fail, rule: rule.label };
  if (!isValue(value.ok)) return { reason: 'not_a_value', problem: `the value of tag ${tag.id} is ${describe(value.ok)}, not a finite number, a boolean or a string`, rule: rule.label };
  const ts = readTime(rule, payload, opts.receivedAt);
  if (!('ok' in ts)) return { ...ts.fail, rule: rule.label };
  const q = readQuality(rule, payload);
  if (!('ok' in q)) return { ...q.fail, rule: rule.label };
  const sample: Sample = { path: rawTagPath(opts.sourceId, tag.id), value: value.ok, ts: ts.ok, quality: q.ok.quality };
  if (q.ok.statusCode !== undefined) sample.statusCode = q.ok.statusCode;
  return sample;
}

/**
 * The samples of one message, and the problems of the rules that failed. An empty payload (the
 * MQTT way of clearing a retained message) yields nothing; an oversized one only `too_large`.
 */
export function extractMessage(routes: readonly Route[], topic: string, bytes: Uint8Array, opts: ExtractOptions): Extraction {
  const out: Extraction = { samples: [], problems: [] };
  if (bytes.byteLength === 0) return out;
  if (bytes.byteLength > opts.maxPayloadBytes) {
    out.problems.push({ reason: 'too_large', problem: `the payload has ${bytes.byteLength} bytes; at most ${opts.maxPayloadBytes} are accepted` });
    return out;
  }
  const payload = new Payload(bytes);
  for (const route of routes) {
    const captures = matchTopic(route.filter, topic);
    if (!captures) continue;
    for (const rule of route.rules) {
      const r = applyRule(rule, payload, topic, captures, opts);
      if ('reason' in r) out.problems.push(r);
      else out.samples.push(r);
    }
  }
  return out;
}
