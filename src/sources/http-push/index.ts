/**
 * HTTP push: for one-way devices that can send but not receive (energy meters, cellular sensors).
 * The device POSTs JSON to /ingest/<source-id> with its own bearer token; the hub checks the token,
 * the size and the device's rate limit, and keeps every good sample of a partly bad batch.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { CausewayError } from '../../core/errors.js';
import { TokenBucket } from '../../core/rate-limit.js';
import type { Sample } from '../../core/sample.js';
import type { ReceiveResult, Source, SourceContext, SourceDefinition } from '../types.js';
import { readBody } from './body.js';

const ConfigSchema = Type.Object(
  {
    token: Type.String({ minLength: 16, description: 'The device\'s bearer token (use ${ENV_NAME}); at least 16 characters.' }),
    maxBodyBytes: Type.Optional(Type.Integer({ minimum: 256, maximum: 16_777_216, description: 'Largest accepted body, bytes (default 1 MiB).' })),
    maxSamples: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Most samples in one request (default 10,000).' })),
    requestsPerSecond: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Sustained request rate allowed (default 5).' })),
    burst: Type.Optional(Type.Integer({ minimum: 1, description: 'Requests allowed at once before the rate applies (default 20).' })),
  },
  { additionalProperties: false },
);
export type HttpPushConfig = Static<typeof ConfigSchema>;

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

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
      return { accepted: read.samples.length, rejected: read.rejected, ...(read.notes ? { notes: read.notes } : {}) };
    },
    maxBodyBytes: () => maxBody,
    async close() {
      deliver = undefined;
    },
  };
}

export const httpPushSource: SourceDefinition<HttpPushConfig> = {
  kind: 'http-push',
  linkSecurity: (_c, hub) => ({ encrypted: hub.apiTls, how: hub.apiTls ? 'devices push to the hub API over TLS' : 'devices push to the hub API, which serves plain HTTP (set api.tls)' }),
  description: 'One-way devices that POST JSON batches to /ingest/<source-id> with their own token.',
  configSchema: ConfigSchema,
  tagSchema: Type.Object({}, { additionalProperties: false }),
  create: createHttpPush,
};
