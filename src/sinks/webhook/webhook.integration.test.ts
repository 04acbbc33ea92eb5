/**
 * The webhook sink against a real node:http receiver on a free port. Signatures are checked with the
 * receiver code the README documents, extracted from the README itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isCausewayError, type CausewayError } from '../../core/errors.js';
import type { Sample } from '../../core/sample.js';
import { freePort } from '../../test-support/services.js';
import { rejectionOf, testSinkContext } from '../shared/test-kit.js';
import { webhookSink, type WebhookSinkConfig } from './index.js';
import { SinkSupervisor } from '../../runtime/supervisor.js';
import pino from 'pino';

const SECRET = 'whsec-integration-0123456789';

type Verify = (secret: string, ts: unknown, sig: unknown, raw: string, now?: number, toleranceMs?: number) => boolean;

/** The README's verification function, written to a module and imported as a receiver would. */
async function documentedVerifier(): Promise<Verify> {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes('export function verifyCausewaySignature'));
  if (!block) throw new Error('README.md has no js block exporting verifyCausewaySignature');
  const dir = mkdtempSync(join(tmpdir(), 'causeway-webhook-'));
  const file = join(dir, 'verify.mjs');
  writeFileSync(file, block);
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifyCausewaySignature: Verify };
  rmSync(dir, { recursive: true, force: true });
  return mod.verifyCausewaySignature;
}

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { samples: Array<Record<string, unknown>>; sentAt: number; hub: string };
}
type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

let server: http.Server;
let url: string;
const received: Received[] = [];
/** What the receiver answers, request by request; 204 once the list is used up. */
const answers: Answer[] = [];
/** HEAD requests: the sink's connect() checks that the receiver answers. */
let probes = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.method === 'HEAD') {
      probes++;
      res.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] });
      const answer = answers.shift() ?? { status: 204 };
      if (answer === 'hang') return; // never answers; the sink's timeout gives up
      res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  received.length = 0;
  answers.length = 0;
});

function sinkWith(config: Partial<WebhookSinkConfig> = {}, units: Record<string, string> = {}) {
  const t = testSinkContext({ id: 'mes-webhook', units });
  const sink = webhookSink.create({ url, secret: SECRET, ...config }, t.ctx);
  return { sink, logs: t.logs };
}

function samples(n: number): Sample[] {
  return Array.from({ length: n }, (_, i) => ({ path: 'acme/line1/filler/count', value: i, ts: 1_700_000_000_000 + i, quality: 'good' as const }));
}

describe('webhook sink against a node:http receiver', () => {
  it('posts the samples signed, and the documented receiver code verifies them', async () => {
    const verify = await documentedVerifier();
    const { sink, logs } = sinkWith({ headers: { Authorization: 'Bearer receiver-token' } }, { 'acme/line1/filler/speed': 'bpm' });
    await sink.connect(new AbortController().signal);
    await sink.send([
      { path: 'acme/line1/filler/speed', value: 600, ts: 1_700_000_000_000, quality: 'good' },
      { path: 'acme/line1/filler/running', value: true, ts: 1_700_000_000_000, quality: 'uncertain' },
    ]);
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.authorization).toBe('Bearer receiver-token');
    expect(r.headers['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
    expect(r.body).toEqual({
      samples: [
        { path: 'acme/line1/filler/speed', value: 600, timestamp: 1_700_000_000_000, quality: 'good', unit: 'bpm' },
        { path: 'acme/line1/filler/running', value: true, timestamp: 1_700_000_000_000, quality: 'uncertain' },
      ],
      sentAt: Number(r.headers['x-causeway-timestamp']),
      hub: 'mes-webhook',
    });
    const ts = r.headers['x-causeway-timestamp'];
    const sig = r.headers['x-causeway-signature'];
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify(SECRET, ts, sig, r.raw)).toBe(true);
    // A changed body, another secret or a replay ten minutes later do not verify.
    expect(verify(SECRET, ts, sig, r.raw.replace('600', '601'))).toBe(false);
    expect(verify('another-secret-0123456789', ts, sig, r.raw)).toBe(false);
    expect(verify(SECRET, ts, sig, r.raw, Number(ts) + 10 * 60_000)).toBe(false);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
  });

  it('connects when the receiver answers anything, even 405 to its HEAD check, and sends nothing then', async () => {
    const before = probes;
    const { sink } = sinkWith();
    await sink.connect(new AbortController().signal);
    expect(probes).toBe(before + 1);
    expect(received).toHaveLength(0);
  });

  it('splits a batch larger than maxBatch into requests in order, each with its own key', async () => {
    const { sink } = sinkWith({ maxBatch: 1000 });
    await sink.connect(new AbortController().signal);
    await sink.send(samples(2500));
    expect(received.map((r) => r.body.samples.length)).toEqual([1000, 1000, 500]);
    expect(received.flatMap((r) => r.body.samples.map((s) => s.value))).toEqual(samples(2500).map((s) => s.value));
    expect(new Set(received.map((r) => r.headers['idempotency-key'])).size).toBe(3);
  });

  it('answers 503 with Retry-After as a retryable error carrying retryAfterSeconds, and keeps the key on the retry', async () => {
    answers.push({ status: 503, headers: { 'Retry-After': '17' }, body: 'maintenance until 22:00' });
    const { sink } = sinkWith();
    await sink.connect(new AbortController().signal);
    const batch = samples(3);
    const e = await rejectionOf(sink.send(batch));
    expect(isCausewayError(e, 'CW_SINK_SEND_FAILED')).toBe(true);
    expect((e as CausewayError).retryable).toBe(true);
    expect((e as CausewayError).retryAfterSeconds).toBe(17);
    expect((e as Error).message).toBe('Sending to mes-webhook failed: the receiver answered HTTP 503: maintenance until 22:00.');

    // The pipeline sends the same batch again: same key, fresh timestamp and signature.
    await sink.send(batch);
    expect(received).toHaveLength(2);
    const [first, retry] = received as [Received, Received];
    expect(retry.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
    expect(retry.body.samples).toEqual(first.body.samples);
  });

  it('answers 400 as a non-retryable refusal that quotes the receiver', async () => {
    answers.push({ status: 400, headers: { 'content-type': 'application/json' }, body: '{"error": "unknown field \\"quality\\""}' });
    const { sink } = sinkWith();
    await sink.connect(new AbortController().signal);
    const e = await rejectionOf(sink.send(samples(1)));
    expect(isCausewayError(e, 'CW_SINK_REJECTED')).toBe(true);
    expect((e as CausewayError).retryable).toBe(false);
    expect((e as Error).message).toBe('The receiver of sink mes-webhook refused a batch with HTTP 400: {"error": "unknown field \\"quality\\""}.');
    expect(JSON.stringify((e as CausewayError).toJSON())).not.toContain(SECRET);
  });

  it('truncates a long refusal', async () => {
    answers.push({ status: 422, body: 'x'.repeat(10_000) });
    const { sink } = sinkWith();
    const e = await rejectionOf(sink.send(samples(1)));
    expect((e as CausewayError).params).toMatchObject({ status: 422, answer: `${'x'.repeat(199)}…` });
  });

  it('gives up on a receiver that does not answer within the timeout, as retryable', async () => {
    answers.push('hang');
    const { sink } = sinkWith({ timeout: '300ms' });
    const e = await rejectionOf(sink.send(samples(1)));
    expect(isCausewayError(e, 'CW_SINK_SEND_FAILED') && e.retryable).toBe(true);
    expect((e as Error).message).toContain('the receiver did not answer within 0.3 s');
  });

  it('does not follow a redirect with signed data', async () => {
    answers.push({ status: 307, headers: { location: 'https://elsewhere.example/hook' } });
    const { sink } = sinkWith();
    const e = await rejectionOf(sink.send(samples(1)));
    expect(isCausewayError(e, 'CW_SINK_REJECTED')).toBe(true);
    expect((e as Error).message).toContain('a redirect to https://elsewhere.example/hook');
    expect(received).toHaveLength(1);
  });
});

describe('webhook sink without a receiver', () => {
  it('fails with a retryable error when nothing listens', async () => {
    const port = await freePort();
    const t = testSinkContext({ id: 'mes-webhook' });
    const sink = webhookSink.create({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET }, t.ctx);
    const down = await rejectionOf(sink.connect(new AbortController().signal));
    // connect() checks the receiver: a dead one is a retryable connect failure, not a connected sink.
    expect(isCausewayError(down, 'CW_SINK_CONNECT_FAILED') && down.retryable).toBe(true);
    expect((down as Error).message).toBe(`Sink mes-webhook cannot connect to http://127.0.0.1:${port}/hook: the connection was refused.`);
    const e = await rejectionOf(sink.send(samples(1)));
    expect(isCausewayError(e, 'CW_SINK_SEND_FAILED') && e.retryable).toBe(true);
    expect((e as Error).message).toBe(`Sending to mes-webhook failed: POST http://127.0.0.1:${port}/hook: the connection was refused.`);
  });

  it('connects as soon as a receiver that was never up starts listening, not when a long backoff ends', async () => {
    const port = await freePort();
    const t = testSinkContext({ id: 'mes-webhook' });
    const sink = webhookSink.create({ url: `http://127.0.0.1:${port}/hook`, secret: SECRET }, t.ctx);
    // A ten-minute backoff: only noticing that the receiver's port opened can bring the retry forward.
    const sup = new SinkSupervisor({ id: 'mes-webhook', kind: 'webhook', zone: 'mes', role: 'sink', logger: pino({ level: 'silent' }), sink, policy: { initialMs: 600_000, maxMs: 600_000, factor: 2, jitter: 0 } });
    sup.start();
    const late = http.createServer((_req, res) => res.writeHead(204).end());
    try {
      for (let i = 0; i < 200 && sup.status().state !== 'backoff'; i++) await new Promise((r) => setTimeout(r, 20));
      expect(sup.status()).toMatchObject({ state: 'backoff', attempts: 1, lastError: { code: 'CW_SINK_CONNECT_FAILED' } });
      expect(sup.status().nextRetryAt! - sup.status().lastError!.at).toBe(600_000);
      await new Promise<void>((r) => late.listen(port, '127.0.0.1', r));
      for (let i = 0; i < 500 && sup.status().state !== 'connected'; i++) await new Promise((r) => setTimeout(r, 20));
      expect(sup.status()).toMatchObject({ state: 'connected', attempts: 0 });
    } finally {
      await sup.stop();
      late.closeAllConnections();
      await new Promise((r) => late.close(r));
    }
  });

  it('refuses a config whose headers set one of the sink\'s own', () => {
    const t = testSinkContext({ id: 'mes-webhook' });
    expect(() => webhookSink.create({ url: 'https://x.example', secret: SECRET, headers: { 'X-Causeway-Signature': 'forged' } }, t.ctx))
      .toThrow('The configuration of sink mes-webhook is not valid: config.headers may not set X-Causeway-Signature, which the sink sets itself.');
  });

  it('warns about plain HTTP to another host without logging the secret or header values', () => {
    const t = testSinkContext({ id: 'mes-webhook' });
    webhookSink.create({ url: 'http://mes.example/hook?token=abc', secret: SECRET, headers: { Authorization: 'Bearer hidden-token' } }, t.ctx);
    expect(t.logs.map((l) => l.msg)).toEqual([expect.stringContaining('over plain HTTP')]);
    const all = JSON.stringify(t.logs);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('hidden-token');
    expect(all).not.toContain('token=abc');
  });
});
