/** Error catalogue entries: config, paths and values, expressions, the pipeline and the namespace. */
import { spec } from './spec.js';

export const DATA_ERRORS = {
  // config
  CW_CONFIG_NOT_FOUND: spec<{ file: string }>({
    status: 400, retryable: false,
    message: (p) => `Cannot read the config file ${p.file}.`,
    hint: () => 'Check the path, or pass another file with -c FILE.',
  }),
  CW_CONFIG_INVALID: spec<{ file: string; count: number }>({
    status: 400, retryable: false,
    message: (p) => `The config ${p.file} has ${p.count} problem${p.count === 1 ? '' : 's'}.`,
    hint: () => 'Fix every problem listed (each names its file, line and key), then run `causeway check` again.',
  }),
  CW_CONFIG_ENV_MISSING: spec<{ name: string }>({
    status: 400, retryable: false,
    message: (p) => `The environment variable ${p.name} is used in the config but is not set.`,
    hint: (p) => `Set ${p.name} in the hub's environment, or write the value into the config.`,
  }),
  // paths and values
  CW_PATH_INVALID: spec<{ path: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `"${p.path}" is not a valid namespace path: ${p.problem}.`,
    hint: () => 'Use segments of letters, digits, "_" and "-" separated by "/", e.g. acme/springfield/packaging/line1/filler/speed.',
  }),
  // expressions (payload extraction, calculated attributes)
  CW_EXPR_SYNTAX: spec<{ column: number; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The expression is not valid at column ${p.column}: ${p.problem}.`,
    hint: () => 'Fix the expression at that column; it may use numbers, "strings", variables, + - * / %, comparisons, && || !, c ? a : b and functions such as round(x, 1).',
  }),
  CW_EXPR_LIMIT: spec<{ column: number; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The expression is too complex at column ${p.column}: ${p.problem}.`,
    hint: () => 'Shorten the expression or split it into simpler ones.',
  }),
  CW_EXPR_EVAL: spec<{ column: number; problem: string }>({
    status: 422, retryable: false,
    message: (p) => `The expression failed at column ${p.column}: ${p.problem}.`,
    hint: () => 'Check the values the expression reads, and guard special cases, e.g. x == 0 ? 0 : y / x.',
  }),
  // pipeline
  CW_PIPELINE_OVERLOADED: spec<{ held: string; limit: string }>({
    status: 503, retryable: true,
    message: (p) => `The hub's ingest spool is full (${p.held} of ${p.limit} on disk): these samples were not accepted; nothing already accepted is lost.`,
    hint: () => 'Send them again after the Retry-After delay. The historian or a sink is not keeping up: GET /api/v1/health names it; or give pipeline.spool.maxBytes more room.',
  }),
  CW_PIPELINE_SPOOL_FAILED: spec<{ dir: string; reason: string }>({
    status: 503, retryable: true,
    message: (p) => `The hub could not write its ingest spool in ${p.dir} (${p.reason}): these samples were not accepted.`,
    hint: () => 'Free disk space or fix the folder\'s permissions, then send again; samples accepted before are safe on disk.',
  }),
  CW_PIPELINE_SAMPLE_REJECTED: spec<{ path: string; reason: string; problem: string }>({
    status: 422, retryable: false,
    message: (p) => `A value of ${p.path} was not stored: ${p.problem}.`,
    hint: (p) => ({
      unknown_tag: 'Add the tag to the source\'s tags list, or stop the device from sending it.',
      bad_timestamp: 'Check the device clock (NTP) and the time zone of its timestamps.',
      type_mismatch: 'Check the tag\'s declared type against what the device sends.',
    } as Record<string, string>)[p.reason] ?? 'Check the tag\'s configuration (type, scale, clamp) and the device; later values are still processed.',
  }),
  CW_PIPELINE_BATCH_DROPPED: spec<{ consumer: string; count: number; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `A batch of ${p.count} samples for ${p.consumer} was dropped: ${p.reason}.`,
    hint: () => 'Fix the cause named in the error; the samples after this batch are still delivered.',
  }),
  CW_PIPELINE_BUFFER_FULL: spec<{ consumer: string; count: number }>({
    status: 503, retryable: true,
    message: (p) => `The store-and-forward buffer of ${p.consumer} is full: its ${p.count} oldest samples were dropped to make room.`,
    hint: () => 'Bring the sink back (its status shows the last error and hint), or give it a larger sinks[].buffer.maxSamples.',
  }),
  // namespace: calculated attributes, data contracts, lineage
  CW_NAMESPACE_CALC_FAILED: spec<{ path: string; problem: string }>({
    status: 422, retryable: false,
    message: (p) => `The calculated attribute ${p.path} could not be evaluated: ${p.problem}.`,
    hint: () => 'Check its calc: expression and the values it reads; it has bad quality until an evaluation succeeds again.',
  }),
  CW_NAMESPACE_CONTRACT_VIOLATION: spec<{ sink: string; path: string; contract: string; problem: string }>({
    status: 422, retryable: false,
    message: (p) => `A sample of ${p.path} breaks contract ${p.contract} of sink ${p.sink} and was quarantined: ${p.problem}.`,
    hint: () => 'See GET /api/v1/quarantine for the reasons and samples; fix the device, the binding or the template (a changed template needs a new version).',
  }),
  CW_NAMESPACE_CONTRACT_CHANGED: spec<{ template: string; version: number; changes: string; file: string }>({
    status: 409, retryable: false,
    message: (p) => `Template ${p.template} version ${p.version} changed incompatibly since the hub first ran it: ${p.changes}.`,
    hint: (p) => `Undo the change, or give the template a new version (version: ${Number(p.version) + 1}) and move sinks' contract: to it; the stored signature is ${p.file}.`,
  }),
  CW_NAMESPACE_NOT_AN_ATTRIBUTE: spec<{ path: string; kind: string }>({
    status: 400, retryable: false,
    message: (p) => `"${p.path}" is ${p.kind}, not an attribute or a raw tag.`,
    hint: (p) => `Ask for one of the attributes below it; GET /api/v1/namespace?path=${p.path} lists them.`,
  }),
} as const;
