/**
 * Webhook notifications: one POST of one alarm event as JSON, signed like the webhook sink
 * (x-causeway-timestamp, x-causeway-signature = HMAC-SHA256 over "<timestamp>.<body>") when a
 * secret is configured, with an Idempotency-Key that is the same on every retry.
 */
import { createHash } from 'node:crypto';
import { CausewayError } from '../../core/errors.js';
import { safeTarget } from '../../sinks/shared/config.js';
import { reasonOf } from '../../sinks/webhook/deliver.js';
import { outcomeOf, parseRetryAfter, signature, summarizeAnswer } from '../../sinks/webhook/request.js';

export interface WebhookPost {
  url: string;
  /** The JSON body. */
  body: string;
  secret?: string;
  timeoutMs: number;
  signal: AbortSignal;
  now: () => number;
}

/** POST once; resolves on 2xx, throws CW_NOTIFY_SEND_FAILED (retryable: network, 408, 429, 5xx) or CW_NOTIFY_REJECTED. */
export async function postNotification(o: WebhookPost): Promise<void> {
  const target = safeTarget(o.url);
  const at = o.now();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': createHash('sha256').update(o.body).digest('hex').slice(0, 32),
    ...(o.secret ? { 'x-causeway-timestamp': String(at), 'x-causeway-signature': signature(o.secret, at, o.body) } : {}),
  };
  let res: Response;
  try {
    res = await fetch(o.url, { method: 'POST', headers, body: o.body, redirect: 'manual', signal: AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]) });
  } catch (e) {
    throw new CausewayError('CW_NOTIFY_SEND_FAILED', { channel: 'webhook', target, reason: reasonOf(e, o.timeoutMs) }, { cause: e });
  }
  const outcome = outcomeOf(res.status);
  const answer = outcome === 'accepted' ? '' : summarizeAnswer(await res.text().catch(() => ''));
  if (outcome === 'accepted') {
    await res.body?.cancel().catch(() => undefined);
    return;
  }
  if (outcome === 'retry') {
    const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), o.now());
    throw new CausewayError('CW_NOTIFY_SEND_FAILED', { channel: 'webhook', target, reason: `the receiver answered HTTP ${res.status}: ${answer}` }, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
  throw new CausewayError('CW_NOTIFY_REJECTED', { channel: 'webhook', target, reason: `the receiver answered HTTP ${res.status}: ${answer}` });
}
