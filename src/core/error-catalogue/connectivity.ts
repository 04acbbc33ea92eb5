/** Error catalogue entries: sources and sinks, OPC UA, MQTT, Sparkplug B, HTTP push and the embedded broker. */
import { spec } from './spec.js';

/** What to do about a message an MQTT source set aside, by quarantine reason. */
function quarantineHint(reason: string): string {
  return ({
    not_json: 'Check that the device sends JSON on this topic, or drop the pointers of the subscription to read plain values.',
    pointer_missing: 'Check the pointers (value, timestamp, quality) against what the device sends; the payload is kept for inspection.',
    too_large: 'Raise maxPayloadBytes in the source config, or subscribe to a narrower topic.',
    bad_tag: 'Check the tag template and the topic captures; a tag id has at most 64 letters, digits, "_" or "-".',
    expression_failed: 'Check the expression against the payload kept for inspection, and guard special cases.',
  } as Record<string, string>)[reason] ?? 'Check the mapping of this subscription against the payload kept for inspection; later messages are still processed.';
}

export const CONNECTIVITY_ERRORS = {
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
    hint: () => 'List the certificates (`causeway pki list`, GET /api/v1/pki or the console\'s Security page) and copy the thumbprint from there; with the CLI, check --data-dir too.',
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
    hint: (p) => quarantineHint(p.reason),
  }),
  CW_SOURCE_MESSAGES_QUARANTINED: spec<{ source: string; count: number; messages: number; topics: number; reason: string; problem: string }>({
    status: 422, retryable: false,
    message: (p) => `Source ${p.source} set aside ${p.count} of the ${p.messages} messages it received, on ${p.topics === 1 ? 'one topic' : `${p.topics} topics`}; the latest (${p.reason}) because ${p.problem}. Their values do not reach the hub.`,
    hint: (p) => `${quarantineHint(p.reason)} GET /api/v1/sources/${p.source} shows the latest payload set aside.`,
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
  CW_SOURCE_SPARKPLUG_UNREADABLE: spec<{ source: string; node: string; dropped: number; zone: string; hostId: string; asked: number }>({
    status: 502, retryable: true,
    message: (p) => `Source ${p.source} cannot read Sparkplug edge node ${p.node}: it sends data by alias, but the hub has not seen its birth since it started, so ${p.dropped} values were dropped${p.asked > 0 ? `; the hub asked it ${p.asked} times for a rebirth and none came` : ', and no conduit allows the hub to ask it for a rebirth'}.`,
    hint: (p) => (p.asked > 0
      ? `Check that edge node ${p.node} answers Node Control/Rebirth commands (NCMD), or restart it so that it publishes new births.`
      : `Add a conduit with allow: [commands] from the hub's zone to zone ${p.zone} (the hub then asks the node for a rebirth), or make the edge node watch the hub's STATE topic spBv1.0/STATE/${p.hostId} so it publishes its births when the hub comes online, or restart the edge node.`),
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
  CW_SINK_NOT_FOUND: spec<{ sink: string }>({
    status: 404, retryable: false,
    message: (p) => `There is no sink "${p.sink}".`,
    hint: () => 'List the configured sinks with GET /api/v1/sinks.',
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
  CW_INGEST_TOKEN_THROTTLED: spec<{ seconds: number }>({
    status: 429, retryable: true,
    message: (p) => `Too many requests with a wrong device token came from this address; it is refused for ${p.seconds} s.`,
    hint: () => 'Check the device\'s token (Authorization: Bearer <token>) and send again after the Retry-After delay.',
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
  // bounded work per request and live connections (docs/api-limits.md)
  CW_API_QUERY_TOO_LARGE: spec<{ what: string; limit: string; key: string; advice: string }>({
    status: 422, retryable: false,
    message: (p) => `The request asks for ${p.what}; the limit is ${p.limit} (${p.key}).`,
    hint: (p) => `${p.advice}; an admin can change ${p.key} in the hub's config.`,
  }),
  CW_API_QUERY_TIMEOUT: spec<{ what: string; seconds: number }>({
    status: 503, retryable: true,
    message: (p) => `The hub stopped computing ${p.what} after ${p.seconds} s, its time limit for one request (api.limits.deadlineSeconds).`,
    hint: () => 'Ask for a shorter range or fewer lines, or try again when the hub is less busy.',
  }),
  CW_API_ORIGIN_REFUSED: spec<{ origin: string }>({
    status: 403, retryable: false,
    message: (p) => `The live connection from a web page at ${p.origin} was refused: the hub takes WebSockets only from its own address and the origins in api.allowedOrigins.`,
    hint: () => "Open the console at the hub's own address, or have an admin add this origin to api.allowedOrigins.",
  }),
  CW_API_TOO_MANY_SOCKETS: spec<{ scope: string; limit: number; key: string }>({
    status: 429, retryable: true,
    message: (p) => `Too many live connections ${p.scope}: the limit is ${p.limit} (${p.key}).`,
    hint: () => 'Close live views you no longer use (other console tabs, idle clients), then connect again.',
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
    hint: () => 'Fix the broker block of the hub config: every user needs a username and a password or passwordHash, and topic filters that are well formed and safe (docs/broker.md).',
  }),
} as const;
