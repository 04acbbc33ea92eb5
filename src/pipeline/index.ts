/** The pipeline: normalize, deadband, namespace mapping (injected), the ingest spool, and a reader per consumer. */
export { Pipeline, type PipelineConsumer, type PipelineOptions, type IngestResult, type LastRejection, type IngestLogLike, type ReaderStats } from './pipeline.js';
export { normalize, normalizeSample, rulesFor, REJECT_REASONS, DEFAULT_MAX_FUTURE_MS, DEFAULT_MAX_INTERVAL_MS, type TagRule, type Rejection, type RejectReason, type NormalizeResult, type NormalizeOptions } from './normalize.js';
export { backoffDelay, type BackoffOptions, type DropReason, type HandlerErrorInfo } from './retry.js';
export { PipelineCounters, type CountersSnapshot, type ConsumerCounts } from './counters.js';
export { LogThrottle } from './log-throttle.js';
