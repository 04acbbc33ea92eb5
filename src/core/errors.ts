/**
 * The error catalogue: every failure a user can meet, with a stable code, an operator sentence,
 * a hint for the next step, the HTTP status the API answers with, and whether a retry may help.
 */
type Params = Record<string, string | number | undefined>;

interface ErrorSpec<P extends Params> {
  status: number;
  retryable: boolean;
  /** The operator sentence: what happened, in plant terms. */
  message: (p: P) => string;
  /** What to do next. */
  hint: (p: P) => string;
}

function spec<P extends Params>(s: ErrorSpec<P>): ErrorSpec<P> {
  return s;
}

export const ERROR_CATALOGUE = {
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
  // sources and sinks
  CW_SOURCE_KIND_UNKNOWN: spec<{ kind: string; known: string }>({
    status: 400, retryable: false,
    message: (p) => `There is no source kind "${p.kind}".`,
    hint: (p) => `Use one of: ${p.known}.`,
  }),
  CW_SOURCE_CONNECT_FAILED: spec<{ source: string; target: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `Cannot reach ${p.source} at ${p.target}: ${p.reason}.`,
    hint: () => 'Check that the device is on and reachable from the hub; the hub keeps retrying on its own.',
  }),
  CW_SOURCE_READ_FAILED: spec<{ source: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `Reading from ${p.source} failed: ${p.reason}.`,
    hint: () => 'The hub reconnects on its own; if it keeps failing, check the device and its addresses.',
  }),
  // OPC UA sources and their certificates
  CW_SOURCE_CERT_UNTRUSTED: spec<{ source: string; target: string; subject: string; thumbprint: string }>({
    status: 502, retryable: true,
    message: (p) => `Source ${p.source} does not trust the certificate of the server at ${p.target} (${p.subject}, thumbprint ${p.thumbprint}).`,
    hint: (p) => `Check the thumbprint with the server's administrator, then trust it: \`causeway pki list\` then \`causeway pki trust ${p.thumbprint}\`; the hub reconnects on its own.`,
  }),
  CW_SOURCE_CERT_REJECTED: spec<{ source: string; target: string; thumbprint: string }>({
    status: 502, retryable: true,
    message: (p) => `The server at ${p.target} rejected the certificate of source ${p.source}.`,
    hint: (p) => `Trust the hub's certificate on the server (thumbprint ${p.thumbprint}, listed as "own" by \`causeway pki list\`); the hub reconnects on its own.`,
  }),
  CW_SOURCE_AUTH_FAILED: spec<{ source: string; target: string; user: string; status: string }>({
    status: 502, retryable: false,
    message: (p) => `The server at ${p.target} refused the login of source ${p.source} as ${p.user} (${p.status}).`,
    hint: () => "Check the user name and password (or user certificate) in the source's auth config, and that the server lets this user log in.",
  }),
  CW_SOURCE_SECURITY_UNSUPPORTED: spec<{ source: string; target: string; wanted: string; offered: string }>({
    status: 502, retryable: false,
    message: (p) => `The server at ${p.target} does not offer ${p.wanted} for source ${p.source}; it offers ${p.offered}.`,
    hint: () => "Choose one of the offered settings in the source's config (securityMode, securityPolicy, auth), or enable the wanted one on the server.",
  }),
  CW_SOURCE_WRITE_FAILED: spec<{ source: string; tag: string; reason: string }>({
    status: 502, retryable: false,
    message: (p) => `Writing to tag ${p.tag} of source ${p.source} failed: ${p.reason}.`,
    hint: () => "Read the tag before writing again: the value may or may not have arrived. Check that the device is reachable, that the tag is writable for the hub's user, and that the value fits its data type.",
  }),
  CW_SOURCE_BROWSE_FAILED: spec<{ source: string; address: string; reason: string }>({
    status: 502, retryable: false,
    message: (p) => `Browsing ${p.address} on source ${p.source} failed: ${p.reason}.`,
    hint: () => 'Check the address, or browse again from the top; a browse cursor is valid only until the source reconnects.',
  }),
  CW_PKI_CERT_NOT_FOUND: spec<{ prefix: string; dir: string }>({
    status: 404, retryable: false,
    message: (p) => `No certificate in ${p.dir} has a thumbprint starting with "${p.prefix}".`,
    hint: () => 'List the certificates with `causeway pki list` and copy the thumbprint from there (check --data-dir too).',
  }),
  CW_PKI_CERT_AMBIGUOUS: spec<{ prefix: string; count: number }>({
    status: 400, retryable: false,
    message: (p) => `The thumbprint prefix "${p.prefix}" matches ${p.count} certificates.`,
    hint: () => 'Give more characters of the thumbprint, as listed by `causeway pki list`.',
  }),
  CW_SOURCE_NOT_FOUND: spec<{ source: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no source "${p.source}".`,
    hint: () => 'List the configured sources with GET /api/v1/sources.',
  }),
  CW_SOURCE_NOT_CONNECTED: spec<{ source: string; state: string }>({
    status: 503, retryable: true,
    message: (p) => `Source ${p.source} is not connected right now (it is ${p.state}).`,
    hint: () => 'See its last error and next retry in GET /api/v1/sources, and try again once it is connected.',
  }),
  CW_SOURCE_CANNOT: spec<{ source: string; kind: string; action: string }>({
    status: 400, retryable: false,
    message: (p) => `Source ${p.source} (${p.kind}) cannot ${p.action}.`,
    hint: () => 'Browsing and device identification are offered by OPC UA and Modbus sources.',
  }),
  CW_SOURCE_WRITE_UNSUPPORTED: spec<{ source: string; kind: string }>({
    status: 400, retryable: false,
    message: (p) => `Source ${p.source} (${p.kind}) cannot write values.`,
    hint: () => 'Writes go to sources whose protocol supports them (OPC UA, Modbus).',
  }),
  CW_SOURCE_CONFIG_INVALID: spec<{ source: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The configuration of source ${p.source} is not valid: ${p.problem}.`,
    hint: () => "Fix the source's config or tags in the hub config, then run `causeway check` again.",
  }),
  CW_SOURCE_WRITE_REJECTED: spec<{ source: string; tag: string; reason: string }>({
    status: 400, retryable: false,
    message: (p) => `Source ${p.source} did not accept the write to tag ${p.tag}: ${p.reason}.`,
    hint: () => "Write only to tags that accept writes, with a value of the tag's type; the source kind's README lists which tags do.",
  }),
  CW_SOURCE_MODBUS_EXCEPTION: spec<{ source: string; request: string; code: number; meaning: string }>({
    status: 502, retryable: false,
    message: (p) => `Device ${p.source} answered ${p.request} with Modbus exception ${p.code} (${p.meaning}).`,
    hint: (p) => ({
      1: 'The device does not support this function; check its manual for the function codes it serves.',
      2: "Check the tag's address and length against the device's register map (addresses are zero-based: 40001 is holding register 0); set maxGap: 0 if a batch spans unmapped registers.",
      3: 'Check the length or the value against what the device accepts.',
      4: 'The device reported an internal failure; check its diagnostics.',
      6: 'The device is busy; the next poll tries again, and polling it less often may help.',
      10: 'Check the gateway, and the unitId of the device behind it.',
      11: 'The gateway got no answer from the device behind it; check that device and its unitId.',
    } as Record<string, string>)[String(p.code)] ?? 'Check the device manual for this exception code; the other tags of the source are still read.',
  }),
  CW_SOURCE_WRITE_VERIFY_FAILED: spec<{ source: string; tag: string; written: string; read: string }>({
    status: 502, retryable: false,
    message: (p) => `The device ${p.source} acknowledged the write to tag ${p.tag}, but reading it back gave ${p.read} instead of ${p.written}.`,
    hint: () => 'The device may clamp or ignore the value, or the PLC program overwrites it; check its logic and the limits of this register before writing again.',
  }),
  // MQTT sources
  CW_SOURCE_SUBSCRIBE_FAILED: spec<{ source: string; target: string; topic: string }>({
    status: 502, retryable: false,
    message: (p) => `The broker at ${p.target} refused the subscription of source ${p.source} to ${p.topic}.`,
    hint: () => "Check the broker's access list for the source's user, and the topic filter in the source's subscriptions.",
  }),
  CW_SOURCE_PAYLOAD_QUARANTINED: spec<{ source: string; topic: string; reason: string; problem: string }>({
    status: 422, retryable: false,
    message: (p) => `A message of source ${p.source} on ${p.topic} was set aside (${p.reason}): ${p.problem}.`,
    hint: (p) => ({
      not_json: 'Check that the device sends JSON on this topic, or drop the pointers of the subscription to read plain values.',
      pointer_missing: 'Check the pointers (value, timestamp, quality) against what the device sends; the payload is kept for inspection.',
      too_large: 'Raise maxPayloadBytes in the source config, or subscribe to a narrower topic.',
      bad_tag: 'Check the tag template and the topic captures; a tag id has at most 64 letters, digits, "_" or "-".',
      expression_failed: 'Check the expression against the payload kept for inspection, and guard special cases.',
    } as Record<string, string>)[p.reason] ?? 'Check the mapping of this subscription against the payload kept for inspection; later messages are still processed.',
  }),
  // Sparkplug B sources
  CW_SOURCE_SPARKPLUG_REBIRTH: spec<{ source: string; node: string; problem: string }>({
    status: 502, retryable: true,
    message: (p) => `Source ${p.source} lost track of Sparkplug edge node ${p.node} (${p.problem}) and asked it to publish its births again.`,
    hint: () => 'Nothing to do if new births follow; if this repeats, check the link between the edge node and the broker.',
  }),
  CW_SOURCE_SPARKPLUG_UNCERTAIN: spec<{ source: string; node: string; problem: string; zone: string; setting?: string }>({
    status: 502, retryable: true,
    message: (p) => `Values of Sparkplug edge node ${p.node} from source ${p.source} are uncertain until its next birth, because ${p.problem}; ${p.setting === 'off' ? 'rebirthOnGap: true' : `a conduit that allows commands into zone ${p.zone}`} would let the hub ask it for a rebirth.`,
    hint: (p) => (p.setting === 'off'
      ? 'Set rebirthOnGap: true in the source config, or restart the edge node so that it publishes new births.'
      : `Add a conduit with allow: [commands] from the hub's zone to zone ${p.zone}, or restart the edge node so that it publishes new births.`),
  }),
  CW_SOURCE_SPARKPLUG_NODE_OFFLINE: spec<{ source: string; node: string; count: number }>({
    status: 502, retryable: true,
    message: (p) => `Sparkplug edge node ${p.node} (source ${p.source}) went offline; its ${p.count} last values are marked bad.`,
    hint: () => 'Check the edge node and its link to the broker; its values come back when it publishes a new birth.',
  }),
  CW_SOURCE_SPARKPLUG_BAD_PAYLOAD: spec<{ source: string; topic: string; reason: string }>({
    status: 422, retryable: false,
    message: (p) => `Source ${p.source} could not decode the Sparkplug B payload on ${p.topic}: ${p.reason}.`,
    hint: () => 'Check that the publisher on this topic sends Sparkplug B protobuf payloads; the message was skipped and later ones are still read.',
  }),
  CW_SINK_KIND_UNKNOWN: spec<{ kind: string; known: string }>({
    status: 400, retryable: false,
    message: (p) => `There is no sink kind "${p.kind}".`,
    hint: (p) => (p.known ? `Use one of: ${p.known}.` : 'This build has no sink kinds yet; remove the sink.'),
  }),
  CW_SINK_SEND_FAILED: spec<{ sink: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `Sending to ${p.sink} failed: ${p.reason}.`,
    hint: () => 'The hub keeps the batch and retries; check that the destination is reachable.',
  }),
  CW_SINK_CONNECT_FAILED: spec<{ sink: string; target: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `Sink ${p.sink} cannot connect to ${p.target}: ${p.reason}.`,
    hint: () => "Check that the destination is running and reachable from the hub, and the credentials in the sink's config; the hub keeps the data and retries on its own.",
  }),
  CW_SINK_CONFIG_INVALID: spec<{ sink: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The configuration of sink ${p.sink} is not valid: ${p.problem}.`,
    hint: () => "Fix the sink's config in the hub config, then run `causeway check` again.",
  }),
  CW_SINK_STREAM_CONFLICT: spec<{ sink: string; stream: string; subjects: string; problem: string }>({
    status: 409, retryable: false,
    message: (p) => `The JetStream stream ${p.stream} cannot take the data of sink ${p.sink}: ${p.problem}.`,
    hint: (p) => `Give the sink a stream name of its own (config.stream), or change the existing stream so that it captures ${p.subjects} (nats stream info ${p.stream}); the hub checks again on its own.`,
  }),
  CW_SINK_REJECTED: spec<{ sink: string; status: number; answer: string }>({
    status: 502, retryable: false,
    message: (p) => `The receiver of sink ${p.sink} refused a batch with HTTP ${p.status}: ${p.answer}.`,
    hint: () => "Fix what the receiver names (its URL, credentials, signature check or the body it expects); this batch is dropped and counted, later batches are still sent.",
  }),
  CW_REGISTRY_DUPLICATE_KIND: spec<{ registry: string; kind: string }>({
    status: 500, retryable: false,
    message: (p) => `The ${p.registry} registry lists the kind "${p.kind}" twice.`,
    hint: () => 'Remove the duplicate entry from the registry; this is a build error, not a config error.',
  }),
  // pipeline
  CW_PIPELINE_OVERLOADED: spec<{ stage: string; capacity: number }>({
    status: 503, retryable: true,
    message: (p) => `The ${p.stage} queue is full (${p.capacity} batches); new samples are being dropped.`,
    hint: () => 'Check the consumer downstream (historian disk, sink link), or lower the sampling rate.',
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
  // historian
  CW_HISTORIAN_OPEN_FAILED: spec<{ target: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Cannot open the historian at ${p.target}: ${p.reason}.`,
    hint: () => 'Check that the data directory exists, is writable and is not used by another hub (--data-dir).',
  }),
  CW_HISTORIAN_WRITE_FAILED: spec<{ reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Writing to the historian failed: ${p.reason}.`,
    hint: () => 'The batch is kept and retried; check free disk space in the data directory.',
  }),
  CW_HISTORIAN_QUERY_INVALID: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The history query is not valid: ${p.problem}.`,
    hint: () => 'Change the parameter the message names (paths, from, to, interval, agg, fill, time zone or cursor) and send the query again.',
  }),
  CW_HISTORIAN_QUERY_FAILED: spec<{ reason: string }>({
    status: 500, retryable: true,
    message: (p) => `The history query failed: ${p.reason}.`,
    hint: () => 'Retry; if it keeps failing, narrow the time range and check the hub log.',
  }),
  CW_HISTORIAN_MAINTENANCE_FAILED: spec<{ task: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Historian upkeep (${p.task}) failed: ${p.reason}.`,
    hint: () => 'Nothing stored is lost; the hub tries again on its next run. Check free disk space and the hub log.',
  }),
  CW_HISTORIAN_NOT_FOUND: spec<{ file: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no historian file at ${p.file}.`,
    hint: () => 'Point --data-dir at the data directory of the hub (or -c at its config); its historian is historian.duckdb there unless historian.path says otherwise.',
  }),
  // history exports
  CW_EXPORT_TOO_LARGE: spec<{ what: string; limit: string }>({
    status: 400, retryable: false,
    message: (p) => `The export is too large: ${p.what}, more than the limit of ${p.limit}.`,
    hint: () => 'Narrow the time range or the paths, export in parts, or aggregate with agg and interval (e.g. agg=avg&interval=1m).',
  }),
  CW_EXPORT_FAILED: spec<{ target: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `Exporting history to ${p.target} failed: ${p.reason}.`,
    hint: () => 'Check free disk space and that the output folder exists and is writable, then run the export again.',
  }),
  CW_EXPORT_LOCKED: spec<{ file: string; command: string }>({
    status: 409, retryable: true,
    message: (p) => `The historian file ${p.file} is in use by a running hub, so it cannot be opened here.`,
    hint: (p) => `Ask the running hub instead: ${p.command} — or stop the hub and run this command again.`,
  }),
  // API
  CW_API_BAD_REQUEST: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The request is not valid: ${p.problem}.`,
    hint: () => 'See the API reference at /api/v1/openapi.json for the expected parameters.',
  }),
  CW_API_BAD_TIME: spec<{ param: string; value: string }>({
    status: 400, retryable: false,
    message: (p) => `"${p.value}" is not a time the hub understands (parameter ${p.param}).`,
    hint: () => 'Use ISO 8601 (2026-11-23T08:00:00Z), epoch milliseconds, or a relative time such as -15m, -2h, -7d, now.',
  }),
  CW_API_BAD_RANGE: spec<{ from: string; to: string }>({
    status: 400, retryable: false,
    message: (p) => `The time range starts (${p.from}) after it ends (${p.to}).`,
    hint: () => 'Swap from and to, or leave them out for the last hour.',
  }),
  CW_API_NOT_FOUND: spec<{ method: string; url: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no route ${p.method} ${p.url}.`,
    hint: () => 'See /api/v1/openapi.json for the routes this hub serves.',
  }),
  CW_API_PATH_NOT_FOUND: spec<{ path: string }>({
    status: 404, retryable: false,
    message: (p) => `Nothing in the namespace is at or below "${p.path}".`,
    hint: () => 'Browse the namespace with GET /api/v1/namespace to find the right path.',
  }),
  CW_API_INTERNAL: spec<{ reason: string }>({
    status: 500, retryable: true,
    message: () => 'The hub could not answer this request because of an internal error.',
    hint: () => 'Retry; if it happens again, report it with the hub log around this time.',
  }),
  // HTTP push ingest
  CW_INGEST_UNAUTHORIZED: spec<{ source: string }>({
    status: 401, retryable: false,
    message: (p) => `The request to push data into ${p.source} has no valid device token.`,
    hint: (p) => `Send the token configured for ${p.source} as "Authorization: Bearer <token>".`,
  }),
  CW_INGEST_SOURCE_UNKNOWN: spec<{ source: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no HTTP push source "${p.source}" on this hub.`,
    hint: () => 'Check the URL (POST /ingest/<source-id>) against the sources of kind http-push in the config.',
  }),
  CW_INGEST_NOT_READY: spec<{ source: string; state: string }>({
    status: 503, retryable: true,
    message: (p) => `The source ${p.source} is not accepting data right now (it is ${p.state}).`,
    hint: () => 'Send the data again in a few seconds.',
  }),
  CW_INGEST_RATE_LIMITED: spec<{ source: string; rate: number }>({
    status: 429, retryable: true,
    message: (p) => `Source ${p.source} receives more than ${p.rate} requests per second, its configured limit.`,
    hint: () => 'Wait for the time in the Retry-After header, and send larger batches less often.',
  }),
  CW_INGEST_TOO_LARGE: spec<{ source: string; limit: string }>({
    status: 413, retryable: false,
    message: (p) => `The data pushed into ${p.source} is larger than its limit of ${p.limit}.`,
    hint: () => 'Split the batch into smaller requests, or raise the source\'s maxBodyBytes / maxSamples.',
  }),
  CW_INGEST_BAD_BODY: spec<{ source: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The data pushed into ${p.source} is not in a form the hub reads: ${p.problem}.`,
    hint: () => 'Send JSON like {"samples":[{"tag":"power","value":12.3,"ts":1700000000000}]} or {"values":{"power":12.3}}.',
  }),
  CW_API_BODY_TOO_LARGE: spec<{ limit: string }>({
    status: 413, retryable: false,
    message: (p) => `The request body is larger than the limit of ${p.limit}.`,
    hint: () => 'Send a smaller body, split into several requests.',
  }),
  CW_API_RATE_LIMITED: spec<{ seconds: number }>({
    status: 429, retryable: true,
    message: (p) => `Too many requests to this endpoint from your address; it answers again in ${p.seconds} s.`,
    hint: () => 'Wait for the time in the Retry-After header before trying again.',
  }),
  // identity and access (sign-in, sessions, tokens, users, roles)
  CW_AUTH_REQUIRED: spec<{ method: string; url: string }>({
    status: 401, retryable: false,
    message: (p) => `The request ${p.method} ${p.url} needs a signed-in user or an API token.`,
    hint: () => 'Sign in with POST /api/v1/login (the session cookie then goes with each request), or send "Authorization: Bearer <token>" with a token from POST /api/v1/tokens or `causeway token create`.',
  }),
  CW_AUTH_LOGIN_FAILED: spec<Record<string, never>>({
    status: 401, retryable: false,
    message: () => 'The user name or the password is not right.',
    hint: () => 'Check both and try again; after several failures signing in is paused for a while. An admin can reset a password with `causeway user add --reset`.',
  }),
  CW_AUTH_LOCKED: spec<{ minutes: number }>({
    status: 429, retryable: true,
    message: (p) => `Signing in with this user name is paused for ${p.minutes} minutes after too many failed attempts.`,
    hint: () => 'Wait for the time in the Retry-After header; if these attempts were not yours, tell the site administrator.',
  }),
  CW_AUTH_FORBIDDEN: spec<{ permission: string; action: string }>({
    status: 403, retryable: false,
    message: (p) => `Your account may not ${p.action}: that needs the ${p.permission} permission.`,
    hint: () => 'Ask an admin for a role that carries this permission in the right zone or part of the plant (GET /api/v1/me lists yours).',
  }),
  CW_AUTH_CSRF: spec<{ method: string }>({
    status: 403, retryable: false,
    message: (p) => `The ${p.method} request came with the session cookie but without the session's CSRF token.`,
    hint: () => 'Send the csrfToken from the login answer (or GET /api/v1/me) in the X-CSRF-Token header; scripts should use an API token instead of a session.',
  }),
  CW_AUTH_SESSION_ONLY: spec<{ action: string }>({
    status: 403, retryable: false,
    message: (p) => `An API token cannot ${p.action}.`,
    hint: () => 'Sign in as the user (POST /api/v1/login) to manage sessions and tokens, or use `causeway token create` on the hub.',
  }),
  CW_AUTH_ROUTE_UNDECLARED: spec<{ method: string; url: string }>({
    status: 500, retryable: false,
    message: (p) => `The hub refuses ${p.method} ${p.url} because the route declares no permission.`,
    hint: () => 'This is a bug in the hub: every route must declare config.permission. Report it with the route.',
  }),
  CW_AUTH_SETUP_CLOSED: spec<Record<string, never>>({
    status: 409, retryable: false,
    message: () => 'The hub already has an admin, so the first-run setup is closed.',
    hint: () => 'Sign in with POST /api/v1/login; admins add users with POST /api/v1/users or `causeway user add`.',
  }),
  CW_AUTH_SETUP_TOKEN: spec<Record<string, never>>({
    status: 401, retryable: false,
    message: () => 'The setup token is not the one this hub printed, or it has expired.',
    hint: () => 'Copy the token from the hub\'s first-start output; restart the hub for a new one, or create the admin with `causeway user add --role admin`.',
  }),
  CW_AUTH_PASSWORD_WEAK: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The password is not accepted: ${p.problem}.`,
    hint: () => 'Choose a longer passphrase: at least 12 characters, not containing the user name.',
  }),
  CW_AUTH_USER_EXISTS: spec<{ username: string }>({
    status: 409, retryable: false,
    message: (p) => `There is already a user "${p.username}".`,
    hint: () => 'Pick another user name, or change the existing user with PATCH /api/v1/users/<id>.',
  }),
  CW_AUTH_NOT_FOUND: spec<{ what: string; id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no ${p.what} "${p.id}".`,
    hint: (p) => `List them with GET /api/v1/${p.what === 'user' ? 'users' : `${p.what}s`}.`,
  }),
  CW_AUTH_LAST_ADMIN: spec<{ username: string }>({
    status: 409, retryable: false,
    message: (p) => `The user ${p.username} is the last active admin with site-wide rights, and the hub must keep one.`,
    hint: () => 'Give another user the admin role first, then change or remove this one.',
  }),
  CW_AUTH_UNKNOWN_ZONE: spec<{ zone: string; known: string }>({
    status: 400, retryable: false,
    message: (p) => `A grant names zone "${p.zone}", which is not in the config.`,
    hint: (p) => `Use one of the configured zones: ${p.known}.`,
  }),
  CW_AUTH_OIDC_OFF: spec<Record<string, never>>({
    status: 404, retryable: false,
    message: () => 'Sign-in with an identity provider (OpenID Connect) is not set up on this hub.',
    hint: () => 'Sign in with a user name and password, or ask the administrator to set security.oidc in the config.',
  }),
  CW_AUTH_OIDC_FAILED: spec<{ reason: string }>({
    status: 401, retryable: false,
    message: (p) => `Sign-in through the identity provider did not complete: ${p.reason}.`,
    hint: () => 'Start again from the sign-in page; if it keeps failing, the administrator finds the reason in the audit log and the identity provider\'s log.',
  }),
  CW_AUTH_OIDC_NO_ROLE: spec<{ username: string }>({
    status: 403, retryable: false,
    message: (p) => `The identity provider signed in ${p.username}, but none of their groups gives a role on this hub.`,
    hint: () => 'Ask the administrator to add your group to security.oidc.roles, or to put you in a group that is mapped there.',
  }),
  // the write gate: every refusal names the step that refused
  CW_WRITE_FORBIDDEN: spec<{ step: string; path: string; zone: string }>({
    status: 403, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: your account may not write in zone ${p.zone}.`,
    hint: () => 'Ask an admin for the operator or ot-engineer role in this zone or part of the plant.',
  }),
  CW_WRITE_TARGET: spec<{ step: string; path: string; problem: string }>({
    status: 404, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: ${p.problem}.`,
    hint: () => 'Write to an attribute bound to a source tag; GET /api/v1/namespace?path=<path> shows its binding.',
  }),
  CW_WRITE_NO_CONDUIT: spec<{ step: string; path: string; from: string; to: string; flow: string }>({
    status: 403, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: no conduit lets ${p.flow} go from zone ${p.from} into zone ${p.to}.`,
    hint: (p) => `Writes go down only where the config allows them: add a conduit { from: ${p.from}, to: ${p.to}, allow: [${p.flow}] } (consider require: { approval: true }), then restart the hub.`,
  }),
  CW_WRITE_NOT_WRITABLE: spec<{ step: string; path: string }>({
    status: 403, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the attribute is not writable.`,
    hint: () => 'Only attributes marked writable: true in their template accept writes; setpoints usually are, measurements are not.',
  }),
  CW_WRITE_OUT_OF_LIMITS: spec<{ step: string; path: string; problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the value does not fit the attribute (${p.problem}).`,
    hint: () => "Send a value of the attribute's type inside its min and max (GET /api/v1/namespace?path=<path> shows them).",
  }),
  CW_WRITE_APPROVAL_REFUSED: spec<{ step: string; id: string; problem: string }>({
    status: 403, retryable: false,
    message: (p) => `Write request ${p.id} was refused at the ${p.step} step: ${p.problem}.`,
    hint: () => 'A second person, other than the requester, with the approve permission in the zone confirms the write (an ot-engineer or admin).',
  }),
  CW_WRITE_NOT_PENDING: spec<{ step: string; id: string; state: string }>({
    status: 409, retryable: false,
    message: (p) => `Write request ${p.id} was refused at the ${p.step} step: it is ${p.state}, not waiting for approval.`,
    hint: () => 'See GET /api/v1/writes for its state; request the write again if it is still needed.',
  }),
  CW_WRITE_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no write request "${p.id}".`,
    hint: () => 'List write requests with GET /api/v1/writes.',
  }),
  CW_WRITE_RATE_LIMITED: spec<{ step: string; path: string; seconds: number }>({
    status: 429, retryable: true,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: too many writes to it from this account; try again in ${p.seconds} s.`,
    hint: () => 'Wait for the time in the Retry-After header; repeated writes to one machine value are limited on purpose.',
  }),
  CW_WRITE_SOURCE_FAILED: spec<{ step: string; path: string; reason: string }>({
    status: 502, retryable: false,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the source did not take it (${p.reason}).`,
    hint: () => 'Check the source in GET /api/v1/sources and the device; read the value before writing again, as it may or may not have arrived.',
  }),
  CW_WRITE_NOT_VERIFIED: spec<{ step: string; path: string; written: string; read: string }>({
    status: 502, retryable: false,
    message: (p) => `The write to ${p.path} failed at the ${p.step} step: the device took it, but the value read back is ${p.read}, not ${p.written}.`,
    hint: () => 'The device may clamp or ignore the value, or its program overwrites it; check the device before writing again.',
  }),
  CW_WRITE_AUDIT_UNAVAILABLE: spec<{ step: string; path: string }>({
    status: 503, retryable: true,
    message: (p) => `The write to ${p.path} was refused at the ${p.step} step: the audit log cannot record it, and no write goes down unrecorded.`,
    hint: () => 'Check the hub log and the disk of the data directory (hub-state.sqlite); writes are accepted again once the audit log records.',
  }),
  // audit log
  CW_AUDIT_WRITE_FAILED: spec<{ reason: string }>({
    status: 503, retryable: true,
    message: (p) => `The audit log cannot record: ${p.reason}.`,
    hint: () => 'Check free space and permissions of hub-state.sqlite in the data directory; changes and writes are refused until the audit log records again.',
  }),
  // security storage, secrets and TLS
  CW_SECURITY_STORE_FAILED: spec<{ file: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `Cannot open the hub state ${p.file}: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and that no older hub version made the file; restore it from a backup if it is damaged.',
  }),
  CW_SECURITY_SECRET_KEY: spec<{ file: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `Cannot use the secret key ${p.file}: ${p.reason}.`,
    hint: () => 'The key is made on first use with mode 0600; restore it from a backup if it was lost (values encrypted with it cannot be read without it).',
  }),
  CW_SECURITY_SECRET_DECRYPT: spec<{ where: string }>({
    status: 400, retryable: false,
    message: (p) => `The encrypted value at ${p.where} cannot be decrypted with this hub's secret key.`,
    hint: () => 'Encrypt the value again with `causeway secret encrypt` against this data directory, or put the plain value in an environment variable.',
  }),
  CW_SECURITY_TLS: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The API cannot serve TLS: ${p.problem}.`,
    hint: () => 'Check api.tls: cert and key are PEM files the hub can read, or use selfSigned: true.',
  }),
  // embedded MQTT broker
  CW_BROKER_START_FAILED: spec<{ host: string; port: number; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The embedded MQTT broker cannot listen on ${p.host}:${p.port}: ${p.reason}.`,
    hint: () => 'Stop the other program on that port, or set broker.port (and broker.host) to a free address.',
  }),
  CW_BROKER_CONFIG_INVALID: spec<{ problem: string }>({
    status: 400, retryable: false,
    message: (p) => `The embedded MQTT broker's configuration is not valid: ${p.problem}.`,
    hint: () => 'Fix the broker block of the hub config; every user needs a username and a password or passwordHash.',
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
  // production (work orders, line states, OEE) and the ERP it talks to
  CW_PRODUCTION_STORE: spec<{ dir: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `The production state (work orders, confirmations) in ${p.dir} cannot be opened: ${p.reason}.`,
    hint: () => 'Check that the data directory is writable and not full; restore production.sqlite from a backup if the file is damaged.',
  }),
  CW_PRODUCTION_NOT_CONFIGURED: spec<Record<string, never>>({
    status: 404, retryable: false,
    message: () => 'This hub tracks no production: its config has no production block.',
    hint: () => 'Add production: with the lines, products and shifts to the config (see the README, "For ERP integrators"), then restart the hub.',
  }),
  CW_PRODUCTION_ORDER_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no work order "${p.id}".`,
    hint: () => 'List the work orders with GET /api/v1/work-orders; orders arrive from the ERP or by POST /api/v1/work-orders.',
  }),
  CW_PRODUCTION_ORDER_STATE: spec<{ problem: string }>({
    status: 409, retryable: false,
    message: (p) => `The work order cannot change that way: ${p.problem}.`,
    hint: () => 'An order goes released → running → completed, or is cancelled; check its status with GET /api/v1/work-orders/<id>.',
  }),
  CW_PRODUCTION_LINE_BUSY: spec<{ line: string; order: string }>({
    status: 409, retryable: false,
    message: (p) => `Line ${p.line} is already running work order ${p.order}.`,
    hint: (p) => `Complete or cancel ${p.order} first (POST /api/v1/work-orders/${p.order}/complete).`,
  }),
  CW_PRODUCTION_LINE_UNKNOWN: spec<{ line: string; known: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no production line "${p.line}".`,
    hint: (p) => `Use one of the lines under production.lines in the config: ${p.known}.`,
  }),
  CW_PRODUCTION_STOP_NOT_FOUND: spec<{ id: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no stop "${p.id}".`,
    hint: () => 'Stop ids are <line>.<start in epoch ms>, as GET /api/v1/downtime lists them.',
  }),
  CW_PRODUCTION_REASON_UNKNOWN: spec<{ code: number; known: string }>({
    status: 400, retryable: false,
    message: (p) => `Reason code ${p.code} is not configured.`,
    hint: (p) => `Use one of the codes under production.reasons: ${p.known}.`,
  }),
  CW_PRODUCTION_DISPATCH_FAILED: spec<{ order: string; line: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `Work order ${p.order} could not be sent to line ${p.line}: ${p.reason}.`,
    hint: () => 'The order stays released; check that the line\'s PLC is connected and that a conduit allows orders into its zone, then start it again.',
  }),
  CW_PRODUCTION_DISPATCH_REFUSED: spec<{ order: string; path: string; problem: string }>({
    status: 403, retryable: false,
    message: (p) => `Work order ${p.order} may not be written to ${p.path}: ${p.problem}.`,
    hint: () => 'Add a conduit from the hub\'s zone to the PLC\'s zone that allows orders, and make the order attributes writable, bound to a PLC tag.',
  }),
  CW_ERP_STAGING_FAILED: spec<{ table: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `The ERP staging table ${p.table} cannot be used: ${p.reason}.`,
    hint: () => 'Check that PostgreSQL is reachable with the configured connection and that the hub\'s database user may read the orders table and insert into the confirmations table; the hub keeps retrying.',
  }),
  CW_ERP_FOLDER_FAILED: spec<{ folder: string; reason: string }>({
    status: 500, retryable: true,
    message: (p) => `The ERP folder ${p.folder} cannot be used: ${p.reason}.`,
    hint: () => 'Check that the folder exists and that the hub may read, write and move files in it; the hub keeps retrying.',
  }),
  CW_ERP_CONFIRM_FAILED: spec<{ target: string; key: string; reason: string }>({
    status: 502, retryable: true,
    message: (p) => `Confirmation ${p.key} could not be delivered to ${p.target}: ${p.reason}.`,
    hint: () => 'The hub retries with growing pauses; GET /api/v1/confirmations shows each one\'s state, attempts and last error.',
  }),
  CW_ERP_CONFIRMATION_NOT_FOUND: spec<{ key: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no confirmation "${p.key}" waiting or failed.`,
    hint: () => 'List the confirmations with GET /api/v1/confirmations; a delivered one is not sent again.',
  }),
  CW_ERP_CONFIRM_REJECTED: spec<{ target: string; key: string; reason: string }>({
    status: 422, retryable: false,
    message: (p) => `The ERP refused confirmation ${p.key} at ${p.target}: ${p.reason}.`,
    hint: () => 'Fix what the ERP names (often a product or order it does not know), then resend with POST /api/v1/confirmations/<key>/retry.',
  }),
  // runtime
  CW_RUNTIME_PORT_IN_USE: spec<{ host: string; port: number }>({
    status: 500, retryable: false,
    message: (p) => `Port ${p.port} on ${p.host} is already in use.`,
    hint: () => 'Stop the other program, or start the hub on another port with --port or CAUSEWAY_PORT.',
  }),
  CW_RUNTIME_DATA_DIR: spec<{ dir: string; reason: string }>({
    status: 500, retryable: false,
    message: (p) => `Cannot use the data directory ${p.dir}: ${p.reason}.`,
    hint: () => 'Create it or choose another with --data-dir or CAUSEWAY_DATA_DIR.',
  }),
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['message']>[0];

/** A failure from the catalogue: code, operator sentence, technical detail, hint and retryability. */
export class CausewayError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams<C>;
  readonly hint: string;
  readonly retryable: boolean;
  readonly status: number;
  /** Technical detail for engineers: errno, status codes, addresses. Never secrets. */
  readonly detail: string | undefined;
  /** When a retry makes sense, how long to wait first (HTTP Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: C, params: ErrorParams<C>, options: { detail?: string; cause?: unknown; retryAfterSeconds?: number } = {}) {
    const entry = ERROR_CATALOGUE[code] as unknown as ErrorSpec<ErrorParams<C>>;
    super(entry.message(params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CausewayError';
    this.code = code;
    this.params = params;
    this.hint = entry.hint(params);
    this.retryable = entry.retryable;
    this.status = entry.status;
    this.detail = options.detail ?? detailOf(options.cause);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** A plain object for logs and API answers. */
  toJSON(): { code: string; message: string; hint: string; retryable: boolean; detail?: string } {
    return { code: this.code, message: this.message, hint: this.hint, retryable: this.retryable, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

/** True when `e` is a CausewayError, optionally with the given code. */
export function isCausewayError<C extends ErrorCode>(e: unknown, code?: C): e is CausewayError<C> {
  return e instanceof CausewayError && (code === undefined || e.code === code);
}

/** The technical detail of an unknown thrown value: its code and message. */
export function detailOf(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}
