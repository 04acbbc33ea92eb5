import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { buildBody, chunk, hmacHex, idempotencyKey, outcomeOf, parseRetryAfter, prepareChunk, requestHeaders, signature, summarizeAnswer } from './request.js';
import { WebhookSinkConfigSchema } from './schema.js';

const SPEED = { path: 'acme/line1/filler/speed', value: 600, timestamp: 1_700_000_000_000, quality: 'good' as const, unit: 'bpm' };

describe('webhook signature', () => {
  it('is HMAC-SHA256 (RFC 4231 test case 2)', () => {
    expect(hmacHex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('signs "<timestamp>.<body>" with the secret (vector computed with openssl dgst -sha256 -hmac)', () => {
    const body = buildBody(prepareChunk('mes-webhook', [SPEED]), 1_700_000_000_000, 'mes-webhook');
    expect(body).toBe('{"samples":[{"path":"acme/line1/filler/speed","value":600,"timestamp":1700000000000,"quality":"good","unit":"bpm"}],"sentAt":1700000000000,"hub":"mes-webhook"}');
    expect(signature('whsec-test-0123456789abcdef', 1_700_000_000_000, body)).toBe('sha256=f1a8a64de6c4f24af3dd02261082ea7b3be50d04fdbfa1b6946206ea15e0baf7');
  });

  it('changes with the timestamp, so an old signature does not fit a new time', () => {
    const body = '{"samples":[]}';
    expect(signature('k'.repeat(16), 1, body)).not.toBe(signature('k'.repeat(16), 2, body));
  });
});

describe('webhook idempotency key', () => {
  it('is the SHA-256 of the sink id, a newline and the samples JSON (vector computed with sha256sum)', () => {
    expect(idempotencyKey('mes-webhook', '[{"path":"a/b","value":1,"timestamp":5,"quality":"good"}]')).toBe('f7a7a842adc580a987843d22066b11a15a350199f24832a9b44915502ae2d18e');
  });

  it('matches the example in the README', () => {
    expect(prepareChunk('mes-webhook', [SPEED]).idempotencyKey).toBe('8b43ce80307b444c8264f9ea4195c6ca92520cbab348e8a566eb8597cd49df0d');
  });

  it('is the same for the same samples whenever they are sent, and differs for other samples or another sink', () => {
    const a = prepareChunk('hub-a', [SPEED]);
    const again = prepareChunk('hub-a', [{ ...SPEED }]);
    expect(again.idempotencyKey).toBe(a.idempotencyKey);
    expect(requestHeaders({}, again, buildBody(again, 99, 'hub-a'), 's'.repeat(16), 99)['idempotency-key'])
      .toBe(requestHeaders({}, a, buildBody(a, 1, 'hub-a'), 's'.repeat(16), 1)['idempotency-key']);
    expect(prepareChunk('hub-a', [{ ...SPEED, value: 601 }]).idempotencyKey).not.toBe(a.idempotencyKey);
    expect(prepareChunk('hub-b', [SPEED]).idempotencyKey).not.toBe(a.idempotencyKey);
  });
});

describe('webhook body and headers', () => {
  it('carries the samples, sentAt and the sink id', () => {
    const p = prepareChunk('mes', [SPEED, { path: 'plc1/run', value: true, timestamp: 3, quality: 'bad' }]);
    expect(p.count).toBe(2);
    expect(JSON.parse(buildBody(p, 42, 'mes'))).toEqual({ samples: [SPEED, { path: 'plc1/run', value: true, timestamp: 3, quality: 'bad' }], sentAt: 42, hub: 'mes' });
  });

  it('sets its own headers after the configured ones', () => {
    const p = prepareChunk('mes', [SPEED]);
    const body = buildBody(p, 7, 'mes');
    const h = requestHeaders({ authorization: 'Bearer t', 'x-plant': 'springfield' }, p, body, 's'.repeat(16), 7);
    expect(h).toEqual({
      authorization: 'Bearer t', 'x-plant': 'springfield', 'content-type': 'application/json',
      'idempotency-key': p.idempotencyKey, 'x-causeway-timestamp': '7', 'x-causeway-signature': signature('s'.repeat(16), 7, body),
    });
  });
});

describe('batch splitting', () => {
  it.each([
    [0, 3, []],
    [3, 3, [3]],
    [7, 3, [3, 3, 1]],
    [2500, 1000, [1000, 1000, 500]],
    [5, 1, [1, 1, 1, 1, 1]],
  ])('%i samples with at most %i per request give requests of %j', (n, size, sizes) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const parts = chunk(items, size);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(items);
  });

  it('refuses a size below 1', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('what an answer means', () => {
  it.each([
    [200, 'accepted'], [202, 'accepted'], [204, 'accepted'],
    [408, 'retry'], [429, 'retry'], [500, 'retry'], [502, 'retry'], [503, 'retry'], [504, 'retry'],
    [400, 'rejected'], [401, 'rejected'], [403, 'rejected'], [404, 'rejected'], [413, 'rejected'], [422, 'rejected'], [301, 'rejected'], [307, 'rejected'],
  ])('HTTP %i: %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });

  it.each([
    ['120', 120], [' 0 ', 0], [null, undefined], ['soon', undefined], ['-5', undefined],
    ['Tue, 14 Nov 2023 22:13:50 GMT', 30], ['Tue, 14 Nov 2023 22:12:00 GMT', 0],
  ])('Retry-After %j is %j seconds', (header, seconds) => {
    expect(parseRetryAfter(header, Date.parse('2023-11-14T22:13:20Z'))).toBe(seconds);
  });

  it('folds and truncates what the receiver said', () => {
    expect(summarizeAnswer('{"error":\n  "unknown field pressure"}\n')).toBe('{"error": "unknown field pressure"}');
    expect(summarizeAnswer('Bad request.')).toBe('Bad request');
    expect(summarizeAnswer('  ')).toBe('no explanation in the answer');
    const long = summarizeAnswer('x'.repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('webhook sink config', () => {
  const base = { url: 'https://mes.example.com/hook', secret: 'a-secret-of-16ch' };
  it.each([{}, { maxBatch: 1 }, { timeout: '30s' }, { timeout: 2500 }, { headers: { Authorization: 'Bearer x' } }])('accepts %j', (c) => {
    expect(Value.Check(WebhookSinkConfigSchema, { ...base, ...c })).toBe(true);
  });
  it.each([
    { secret: 'short' }, { url: 'ftp://x' }, { url: 'https://a b' }, { maxBatch: 0 }, { timeout: '10 s' },
    { headers: { 'Bad Header': 'x' } }, { headers: { 'x-n': 5 } }, { retries: 3 },
  ])('refuses %j', (c) => {
    expect(Value.Check(WebhookSinkConfigSchema, { ...base, ...c })).toBe(false);
  });
});
