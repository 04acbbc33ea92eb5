/** The staleness period of each source and tag, from the config and what the source is (pure). */
import type { SourceConfig } from '../config/schema.js';
import { rawTagPath } from '../core/path.js';
import { durationMs } from '../core/time.js';
import type { StalePolicy } from './staleness-tracker.js';

/** A polled value is stale after this many poll intervals without an update. */
export const STALE_POLL_FACTOR = 3;
/** The default period is never shorter than this, so a short hiccup of the hub does not flap quality. */
export const MIN_DEFAULT_STALE_MS = 2000;

/** What the runtime knows of a source that the config does not say. */
export interface SourceFacts {
  /** Polled sources: the longest interval at which a poll delivers its tags; undefined for sources that publish on change. */
  pollEveryMs?: number;
  /** Self-describing sources whose unlisted tags the pipeline accepts. */
  dynamic: boolean;
}

/**
 * The staleness policy of a source: a tag's own `staleAfter`, else the source's, else
 * 3 × the poll interval (at least 2 s) for polled sources and never for the others, which publish
 * on change (an unchanged value is not stale; a broken link is caught as `link_lost`).
 */
export function stalePolicyOf(source: Pick<SourceConfig, 'id' | 'staleAfter' | 'tags'>, facts: SourceFacts): StalePolicy {
  const fallback = facts.pollEveryMs !== undefined ? Math.max(STALE_POLL_FACTOR * facts.pollEveryMs, MIN_DEFAULT_STALE_MS) : 0;
  const defaultMs = durationMs(source.staleAfter, fallback);
  const tags = new Map(source.tags.map((t) => [rawTagPath(source.id, t.id), durationMs(t.staleAfter, defaultMs)]));
  return { defaultMs, tags, dynamic: facts.dynamic };
}
