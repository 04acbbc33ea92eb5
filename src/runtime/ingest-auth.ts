/**
 * Device tokens of push sources, checked before a request's body is read, with growing pauses
 * for an address that keeps sending wrong tokens (a guessing script pays, the right device does
 * not: pauses are per address, and a right token from another address is never held up).
 */
import { CausewayError } from '../core/errors.js';
import { Throttle } from '../security/throttle.js';
import type { SourceSupervisor } from './supervisor.js';

/** Five wrong tokens a minute are free; then 1 s, 2 s, 4 s … up to 5 min. */
const POLICY = { freeFailures: 5, firstPauseMs: 1000, maxPauseMs: 300_000, windowMs: 60_000 };

/** The check behind HubServices.ingestAuthorize. */
export function ingestAuthorizer(sources: ReadonlyMap<string, SourceSupervisor>, now: () => number = Date.now): (sourceId: string, token: string | undefined, address: string | undefined) => void {
  const throttle = new Throttle(POLICY);
  return function authorizeIngest(sourceId, token, address) {
    const key = address ?? '?';
    const at = now();
    const paused = throttle.pausedUntil(key, at);
    if (paused !== undefined) {
      throttle.fail(key, at);
      const seconds = Math.max(1, Math.ceil((throttle.pausedUntil(key, at)! - at) / 1000));
      throw new CausewayError('CW_INGEST_TOKEN_THROTTLED', { seconds }, { retryAfterSeconds: seconds });
    }
    const source = sources.get(sourceId)?.source;
    if (!source?.receive) throw new CausewayError('CW_INGEST_SOURCE_UNKNOWN', { source: sourceId });
    try {
      source.authorize?.(token);
    } catch (e) {
      throttle.fail(key, at);
      throw e;
    }
  };
}
