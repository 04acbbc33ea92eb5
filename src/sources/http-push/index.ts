/**
 * HTTP push: for one-way devices that can send but not receive (energy meters, cellular sensors).
 * The device POSTs JSON to /ingest/<source-id> with its own bearer token; the hub checks the token,
 * the size and the device's rate limit, and keeps every good sample of a partly bad batch.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { CausewayError } from '../../core/errors.js';
import { TokenBucket } from '../../core/rate-limit.js';
import type { Sample } from '../../core/sample.js';
import type { ReceiveResult, Source, SourceConnector, SourceContext } from '../types.js';
import { readBody } from './body.js';
import { declaredDevice } from './device.js';
import { DEFAULT_MAX_BODY_BYTES, httpPushDefinition, type HttpPushConfig } from './definition.js';

export { DEFAULT_MAX_BODY_BYTES, type HttpPushConfig } from './definition.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

function createHttpPush(config: HttpPushConfig, ctx: SourceContext): Source {
  const tokenDigest = digest(config.token);
  const maxBody = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const rate = config.requestsPerSecond ?? 5;
  const bucket = new TokenBucket(rate, config.burst ?? 20, ctx.now());
  const knownTags = new Set(ctx.tags.map((t) => t.id));
  let deliver: ((batch: Sample[]) => Promise<void> | void) | undefined;
  return {
    async connect() {},
    subscribe(onBatch) {
      deliver = onBatch;
    },
    authorize(token) {
      if (!token || !timingSafeEqual(digest(token), tokenDigest)) throw new CausewayError('CW_INGEST_UNAUTHORIZED', { source: ctx.id });
    },
    async receive(body, request): Promise<ReceiveResult> {
      this.authorize!(request.token);
      const allowed = bucket.take(ctx.now());
      if (!allowed.ok) throw new CausewayError('CW_INGEST_RATE_LIMITED', { source: ctx.id, rate }, { retryAfterSeconds: Math.max(1, Math.ceil(allowed.retryAfterMs / 1000)) });
      if (request.bytes > maxBody) throw new CausewayError('CW_INGEST_TOO_LARGE', { source: ctx.id, limit: `${maxBody} bytes` });
      if (!deliver) throw new CausewayError('CW_INGEST_NOT_READY', { source: ctx.id, state: 'starting' });
      const read = readBody(body, {
        sourceId: ctx.id, knownTags, now: ctx.now(), maxSamples: config.maxSamples ?? 10_000,
        ...(request.localTime ? { localTime: request.localTime } : {}), ...(request.check ? { check: (s: Sample) => request.check!(s) } : {}),
      });
      if ('problem' in read) {
        if (read.tooMany) throw new CausewayError('CW_INGEST_TOO_LARGE', { source: ctx.id, limit: `${config.maxSamples ?? 10_000} samples` });
        throw new CausewayError('CW_INGEST_BAD_BODY', { source: ctx.id, problem: read.problem });
      }
      // Answered only once the samples are on disk: a 200 means the device may forget them.
      if (read.samples.length > 0) await deliver(read.samples);
      const device = declaredDevice(body);
      if (device) ctx.reportDevice?.(device);
      return { accepted: read.samples.length, rejected: read.rejected, ...(read.notes ? { notes: read.notes } : {}) };
    },
    maxBodyBytes: () => maxBody,
    async close() {
      deliver = undefined;
    },
  };
}

/** The HTTP push source kind, loaded. */
export const httpPushSource: SourceConnector<HttpPushConfig> = { ...httpPushDefinition, create: createHttpPush };
