/** One HTTP POST of one request of a batch, and what its answer means as a typed error. */
import { CausewayError } from '../../core/errors.js';
import { safeTarget } from '../shared/config.js';
import { outcomeOf, parseRetryAfter, summarizeAnswer } from './request.js';

/** How much of a refusal's body is read, at most. */
const ANSWER_BYTES = 4096;

export interface PostOptions {
  sinkId: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborts when the sink closes. */
  signal: AbortSignal;
  now: () => number;
}

/** A short reason for a fetch failure, in plant words. */
export function reasonOf(e: unknown, timeoutMs: number): string {
  const name = (e as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError') return `the receiver did not answer within ${timeoutMs / 1000} s`;
  if (name === 'AbortError') return 'the sink was closed';
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = cause?.code;
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the receiver closed the connection';
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'the receiver does not answer';
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) return `the TLS handshake failed (${code})`;
  const message = typeof cause?.message === 'string' ? cause.message : e instanceof Error ? e.message : String(e);
  return message.replace(/[.\s]+$/, '') || 'the request failed';
}

/**
 * Is the receiver there? A HEAD request: any HTTP answer (even 404 or 405) means the endpoint is
 * reachable; only a network failure or a timeout throws CW_SINK_CONNECT_FAILED (retryable). No body,
 * no signature and no configured headers are sent.
 */
export async function probe(o: Pick<PostOptions, 'sinkId' | 'url' | 'timeoutMs' | 'signal'>): Promise<void> {
  try {
    const res = await fetch(o.url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]) });
    await res.body?.cancel().catch(() => undefined);
  } catch (e) {
    throw new CausewayError('CW_SINK_CONNECT_FAILED', { sink: o.sinkId, target: safeTarget(o.url), reason: reasonOf(e, o.timeoutMs) }, { cause: e });
  }
}

/** POST once; resolves on 2xx, throws CW_SINK_SEND_FAILED (retryable) or CW_SINK_REJECTED (not). */
export async function post(o: PostOptions): Promise<void> {
  let res: Response;
  try {
    res = await fetch(o.url, {
      method: 'POST', headers: o.headers, body: o.body, redirect: 'manual',
      signal: AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)]),
    });
  } catch (e) {
    throw new CausewayError('CW_SINK_SEND_FAILED', { sink: o.sinkId, reason: `POST ${safeTarget(o.url)}: ${reasonOf(e, o.timeoutMs)}` }, { cause: e });
  }
  const outcome = outcomeOf(res.status);
  if (outcome === 'accepted') {
    await res.body?.cancel().catch(() => undefined);
    return;
  }
  const answer = await answerOf(res);
  if (outcome === 'retry') {
    const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), o.now());
    throw new CausewayError('CW_SINK_SEND_FAILED', { sink: o.sinkId, reason: `the receiver answered HTTP ${res.status}: ${answer}` }, {
      detail: `POST ${safeTarget(o.url)} → ${res.status}`, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  throw new CausewayError('CW_SINK_REJECTED', { sink: o.sinkId, status: res.status, answer }, { detail: `POST ${safeTarget(o.url)} → ${res.status}` });
}

/** The receiver's explanation: its body (the first few KB), or where a redirect points. */
async function answerOf(res: Response): Promise<string> {
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => undefined);
    const location = res.headers.get('location');
    return `a redirect${location ? ` to ${safeTarget(location)}` : ''}, which the hub does not follow with signed data; set url to the final address`;
  }
  return summarizeAnswer(await readSome(res, ANSWER_BYTES));
}

/** At most `limit` bytes of the body as text; the rest is not read. */
async function readSome(res: Response, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short still explains something; keep what arrived.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(parts).toString('utf8', 0, Math.min(size, limit));
}
