/**
 * The one config schema for the whole hub. Kind-specific parts (a source's `config` and the
 * extra keys of its tags, a sink's `config`) are validated by the kind's own schema, which the
 * caller passes in (see load.ts and check-kinds.ts): config/ imports nothing but core.
 */
import { Type, type Static } from 'typebox';
import { Duration, DurationOf, Id, NsPath, ValueTypeSchema } from './schema-common.js';
import { ProductionSchema } from './schema-production.js';
import { AttributeAlarmsSchema, TemplateAlarmsSchema } from './schema-alarms.js';
import { NotificationsSchema, SinkAlarmsSchema } from './schema-alarm-notify.js';
import { InventorySchema } from './schema-inventory.js';
import { DeviceDeclarationSchema } from './schema-device.js';

export { ConfirmationTargetSchema, ProductionLineSchema, ProductionSchema } from './schema-production.js';

export const SiteSchema = Type.Object(
  {
    enterprise: Type.String({ minLength: 1, description: 'The company, e.g. "Acme Beverages".' }),
    name: Type.String({ minLength: 1, description: 'The site, e.g. "Springfield".' }),
    timezone: Type.Optional(Type.String({ description: 'IANA time zone of the site, e.g. America/Chicago.' })),
    hubZone: Id,
    certificateSubject: Type.Optional(Type.Object({
      organization: Type.Optional(Type.String({ minLength: 1, description: 'O=; default: site.enterprise.' })),
      organizationalUnit: Type.Optional(Type.String({ minLength: 1, description: 'OU=, e.g. the department.' })),
      locality: Type.Optional(Type.String({ minLength: 1, description: 'L=; default: site.name.' })),
      state: Type.Optional(Type.String({ minLength: 1, description: 'ST=, the state or province.' })),
      country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'C=, a two-letter country code such as US or DE.' })),
    }, { additionalProperties: false, description: "The subject of the hub's own OPC UA application certificate, made when it has none (CN is Causeway@<host>). Default: O = enterprise, L = site name." })),
    units: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Units of this plant that the unit check does not know, e.g. [trays, kegs]: accepted as written (and per time, trays/min), never converted.' })),
  },
  { additionalProperties: false, description: 'The plant this hub serves, and the zone the hub itself sits in.' },
);

export const ZoneSchema = Type.Object(
  {
    id: Id,
    level: Type.Integer({ minimum: 0, maximum: 5, description: 'Purdue level: 0-2 OT, 3 site operations, 3.5 as 3, 4-5 IT.' }),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const FlowKind = Type.Union([Type.Literal('telemetry'), Type.Literal('commands'), Type.Literal('orders')]);

export const ConduitSchema = Type.Object(
  {
    from: Id,
    to: Id,
    allow: Type.Array(FlowKind, { minItems: 1, uniqueItems: true }),
    require: Type.Optional(
      Type.Object(
        { tls: Type.Optional(Type.Boolean()), approval: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
    ),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'A permitted flow between two zones. Everything not allowed by a conduit is denied.' },
);

export const DeadbandSchema = Type.Object(
  {
    absolute: Type.Optional(Type.Number({ minimum: 0, description: 'Store only when the value moved by more than this.' })),
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Store only when the value moved by more than this percent of the span (or of the last value when no span is set).' })),
    span: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Engineering range the percent deadband is taken of.' })),
    maxInterval: Type.Optional(Duration),
  },
  { additionalProperties: false, description: 'Suppress changes smaller than the deadband; maxInterval stores an unchanged value anyway (heartbeat).' },
);

/** The keys every tag of every source kind may carry; the kind adds its own (address, signal, ...). */
export const TagCommonSchema = Type.Object(
  {
    id: Id,
    type: Type.Optional(ValueTypeSchema),
    unit: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    scale: Type.Optional(Type.Number({ description: 'value = raw * scale + offset' })),
    offset: Type.Optional(Type.Number()),
    clamp: Type.Optional(
      Type.Object(
        { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()), quality: Type.Optional(Type.Union([Type.Literal('uncertain'), Type.Literal('bad'), Type.Literal('keep')])) },
        { additionalProperties: false, description: 'Clamp to [min, max]; a clamped sample gets the given quality (default uncertain).' },
      ),
    ),
    deadband: Type.Optional(DeadbandSchema),
    staleAfter: Type.Optional(DurationOf('A duration such as 30s or 5m: mark the value uncertain (reason stale) when it has not updated for this long; 0 never. Overrides the source\'s staleAfter.')),
  },
  { additionalProperties: true },
);
export const TAG_COMMON_KEYS = Object.keys(TagCommonSchema.properties);

export const SourceSchema = Type.Object(
  {
    id: Id,
    kind: Type.String({ description: 'The source kind: simulator, opcua, modbus, mqtt, sparkplug, http-push.' }),
    zone: Id,
    enabled: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String()),
    pollInterval: Type.Optional(Duration),
    staleAfter: Type.Optional(DurationOf('A duration such as 30s or 5m: mark a value uncertain (reason stale) when it has not updated for this long; 0 never. Default: 3 × the poll interval (at least 2 s) for polled sources, never for sources that publish on change.')),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    device: Type.Optional(DeviceDeclarationSchema),
    tags: Type.Array(TagCommonSchema),
  },
  { additionalProperties: false },
);

/** The types an attribute may have: the three value types, plus counters and enumerated states (both numbers). */
export const ATTRIBUTE_TYPES = ['number', 'boolean', 'string', 'counter', 'state'] as const;
const AttributeTypeSchema = Type.Union([Type.Literal('number'), Type.Literal('boolean'), Type.Literal('string'), Type.Literal('counter'), Type.Literal('state')], {
  description: 'number, boolean, string, counter (a number that only grows, until a reset or rollover) or state (a number code with labels under states:).',
});

const InterpolationSchema = Type.Union([Type.Literal('linear'), Type.Literal('step')], {
  description: 'How the value runs between two samples in time-weighted averages, integrals and values at an instant: linear (a straight line) or step (held until the next sample). Default: linear for numbers and counters, step for booleans, strings and states.',
});

/** The limits of an attribute's alarms as numbers (the namespace API shows these): lolo <= lo <= hi <= hihi. */
export const AlarmLimitsSchema = Type.Object(
  {
    hihi: Type.Optional(Type.Number()),
    hi: Type.Optional(Type.Number()),
    lo: Type.Optional(Type.Number()),
    lolo: Type.Optional(Type.Number()),
    deadband: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const AttributeSchema = Type.Object(
  {
    name: Id,
    type: AttributeTypeSchema,
    unit: Type.Optional(Type.String({ description: 'Engineering unit, e.g. degC, bar, l/min; values of bound tags in another unit are converted to it.' })),
    description: Type.Optional(Type.String()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    writable: Type.Optional(Type.Boolean()),
    states: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Labels of state codes, e.g. { "1": running, "2": idle }.' })),
    alarms: Type.Optional(AttributeAlarmsSchema),
    required: Type.Optional(Type.Boolean({ description: 'A data contract (a template with version:) requires a current value of this attribute with every sample of the asset.' })),
    calc: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: "A calculated attribute: an expression over other attributes of the asset, e.g. good / (good + reject) * 100, rate(count), avg(temp, '5m')." })),
    interpolation: Type.Optional(InterpolationSchema),
    rolloverAt: Type.Optional(Type.Integer({ minimum: 2, maximum: 2 ** 53, description: 'Counters: the value at which the counter wraps to 0, e.g. 65536 for a 16-bit PLC counter (or give bits:).' })),
    bits: Type.Optional(Type.Union([Type.Literal(8), Type.Literal(16), Type.Literal(32)], { description: 'Counters: the width of the PLC counter; it wraps to 0 at 2^bits (bits: 16 wraps at 65536).' })),
    onDrop: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('rollover'), Type.Literal('reset')], {
      description: 'Counters: what a drop in value means. rollover: it wrapped at its range; reset: it restarted from 0; auto (the default with a range): a wrap when that implies less than half the range, else a reset. Without a range every drop is a reset.',
    })),
  },
  { additionalProperties: false },
);

export const ChildSchema = Type.Object(
  {
    name: Id,
    template: Id,
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'A child asset every instance has at <its path>/<name>, e.g. a Line has a filler.' },
);

export const TemplateSchema = Type.Object(
  {
    id: Id,
    extends: Type.Optional(Id),
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Makes the template a data contract; an incompatible change needs a new version.' })),
    description: Type.Optional(Type.String()),
    interpolation: Type.Optional(InterpolationSchema),
    attributes: Type.Array(AttributeSchema),
    children: Type.Optional(Type.Array(ChildSchema, { description: 'Composition: child assets of each instance.' })),
    alarms: Type.Optional(Type.Array(TemplateAlarmsSchema, { description: 'Alarms of attributes of this template (inherited ones included), for every instance.' })),
  },
  { additionalProperties: false },
);

const ValueMapSchema = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()]), {
  description: 'Device value -> attribute value, e.g. state codes { "3": 1, "4": 2 }.',
});

export const BindingSchema = Type.Union([
  Type.String({ description: 'The raw source tag, as <source-id>/<tag-id>.' }),
  Type.Object(
    {
      tag: Type.Optional(Type.String({ description: 'The raw source tag, as <source-id>/<tag-id>.' })),
      scale: Type.Optional(Type.Number({ description: 'value = tag value * scale + offset, on top of the tag\'s own scaling, before unit conversion.' })),
      offset: Type.Optional(Type.Number()),
      map: Type.Optional(ValueMapSchema),
      calc: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Calculate the attribute for this asset instead of reading a tag.' })),
    },
    { additionalProperties: false },
  ),
]);

export const AssetSchema = Type.Object(
  {
    path: NsPath,
    template: Type.Optional(Id),
    description: Type.Optional(Type.String()),
    bindings: Type.Optional(Type.Record(Type.String(), BindingSchema, { description: 'Attribute name -> raw source tag, or { tag, scale, offset, map } or { calc }.' })),
  },
  { additionalProperties: false },
);

export const ContractSchema = Type.Object(
  {
    template: Id,
    version: Type.Integer({ minimum: 1 }),
    window: Type.Optional(Duration),
  },
  {
    additionalProperties: false,
    description: 'Send only attributes of assets of this template version, and only samples that keep its contract (type, range, unit, required attributes within window, default 1m); the rest is quarantined.',
  },
);

export const SinkSchema = Type.Object(
  {
    id: Id,
    kind: Type.String(),
    zone: Id,
    enabled: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String()),
    paths: Type.Optional(Type.Array(Type.String(), { description: 'Path prefixes sent to this sink; all when omitted.' })),
    contract: Type.Optional(ContractSchema),
    alarms: Type.Optional(SinkAlarmsSchema),
    buffer: Type.Optional(Type.Object({
      maxSamples: Type.Optional(Type.Integer({ minimum: 1000, description: 'Samples the store-and-forward buffer keeps for this sink while it is down or slow (default 5,000,000, about 400 MB on disk); past it the oldest are dropped and counted.' })),
    }, { additionalProperties: false, description: "The sink's store-and-forward buffer in <data dir>/buffer.sqlite." })),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

const Keep = Type.String({ pattern: '^(\\d{1,6}(h|d|w|y)|forever)$', description: 'How long: a count with a unit h, d, w or y (365 days), e.g. 90d or 2y; or forever.' });
/** A path segment pattern: `**` alone, or text in which `*` stands for any characters. */
const SEGMENT = '(?:\\*\\*|(?:[^/*]|\\*(?!\\*))+)';

const HistorianUpkeep = {
  retention: Type.Optional(Type.Array(Type.Object({
    paths: Type.String({ pattern: `^${SEGMENT}(?:/${SEGMENT})*$`, description: 'Path pattern: * is one segment (or, inside a segment, any characters), ** any number of segments.' }),
    keep: Keep,
  }, { additionalProperties: false }), { description: 'How long raw samples are kept, per path pattern; the first rule that matches a path wins, paths no rule matches are kept for ever. Rollups are kept apart (rollups).' })),
  rollups: Type.Optional(Type.Object({
    '1m': Type.Optional(Type.Object({ keep: Type.Optional(Keep) }, { additionalProperties: false })),
    '1h': Type.Optional(Type.Object({ keep: Type.Optional(Keep) }, { additionalProperties: false })),
  }, { additionalProperties: false, description: 'Per-minute and per-hour summaries that long-range aggregates and trends read instead of raw samples; kept for ever unless keep says otherwise. Default: both; {} keeps none.' })),
};

export const DuckDbHistorianSchema = Type.Object(
  {
    kind: Type.Optional(Type.Literal('duckdb')),
    path: Type.Optional(Type.String({ description: 'Database file; relative paths are taken from the data directory.' })),
    flushInterval: Type.Optional(Duration),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    ...HistorianUpkeep,
  },
  { additionalProperties: false, description: 'The embedded DuckDB historian (the default, kind: duckdb).' },
);

export const PostgresHistorianSchema = Type.Object(
  {
    kind: Type.Literal('postgres'),
    connectionString: Type.Optional(Type.String({ minLength: 1, description: 'e.g. postgres://causeway@db.example:5432/plant; or give host, port, user, database.' })),
    host: Type.Optional(Type.String({ minLength: 1 })),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    user: Type.Optional(Type.String({ minLength: 1 })),
    password: Type.Optional(Type.String({ description: 'Better from the environment: ${PGPASSWORD}, or leave it out and let PGPASSWORD or ~/.pgpass supply it.' })),
    database: Type.Optional(Type.String({ minLength: 1 })),
    schema: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$', description: 'Schema of this hub\'s tables (default causeway): lower-case letters, digits and "_". One hub writes one schema.' })),
    partition: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')], { description: 'Time range of each samples partition of a new schema (default day).' })),
    flushInterval: Type.Optional(Duration),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    ...HistorianUpkeep,
  },
  { additionalProperties: false, description: 'The PostgreSQL historian (kind: postgres).' },
);

export const HistorianSchema = Type.Union([DuckDbHistorianSchema, PostgresHistorianSchema], {
  description: 'Where history is stored: kind duckdb (embedded, the default) or postgres.',
});

export const TlsSchema = Type.Object(
  {
    cert: Type.Optional(Type.String({ minLength: 1, description: 'PEM certificate (chain) file; relative paths are taken from the data directory.' })),
    key: Type.Optional(Type.String({ minLength: 1, description: 'PEM private key file.' })),
    selfSigned: Type.Optional(Type.Boolean({ description: 'Generate a self-signed certificate in the data directory (its fingerprint is printed at start).' })),
    hostnames: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Names and addresses the self-signed certificate is for (default: localhost, 127.0.0.1 and the host name).' })),
  },
  { additionalProperties: false, description: 'Serve the API and UI over HTTPS: cert and key, or selfSigned: true.' },
);

const Limit = (description: string) => Type.Optional(Type.Integer({ minimum: 1, description }));

/** Bounds on the work one API request may cause (docs/api-limits.md); each is checked before the work starts. */
export const ApiLimitsSchema = Type.Object(
  {
    maxRangeDays: Limit('Longest time range of an aggregate history, trend, OEE or downtime request, in days (default 366); exports have their own limits.'),
    maxBuckets: Limit('Most cells one request may compute: aggregate buckets × paths, trend pixels × paths, OEE periods × lines (default 20 000).'),
    maxSeries: Limit('Most paths in one history, trend or export request (default 1000).'),
    maxRows: Limit('Most rows one page of raw history may hold (default 20 000).'),
    deadlineSeconds: Limit('A long computation (OEE) stops after this many seconds with an error (default 30).'),
    maxSockets: Limit('Most live WebSocket connections to the hub at once (default 200).'),
    maxSocketsPerUser: Limit('Most live WebSocket connections of one user (or token\'s user) at once (default 10).'),
  },
  { additionalProperties: false },
);

export const ApiSchema = Type.Object(
  {
    host: Type.Optional(Type.String({ description: 'Address to listen on once an admin exists (until then 127.0.0.1 only).' })),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    tls: Type.Optional(TlsSchema),
    limits: Type.Optional(ApiLimitsSchema),
    allowedOrigins: Type.Optional(Type.Array(Type.String({ pattern: '^https?://[^/?#]+$' }), {
      description: 'Web origins besides the hub\'s own (scheme://host[:port]) whose pages may open the live WebSocket, e.g. a reverse proxy\'s public address.',
    })),
  },
  { additionalProperties: false },
);

export const SecuritySchema = Type.Object(
  {
    sessions: Type.Optional(Type.Object({
      idleTimeout: Type.Optional(Duration),
      maxAge: Type.Optional(Duration),
    }, { additionalProperties: false, description: 'Browser sessions end when unused for idleTimeout (default 30m) and maxAge after sign-in (default 12h).' })),
    login: Type.Optional(Type.Object({
      maxFailures: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Failed sign-ins in a row, for one user name from one address, before that pair is paused (default 5).' })),
      firstPause: Type.Optional(Duration),
      lockout: Type.Optional(Duration),
      perMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Sign-in attempts per minute from one address (default 10).' })),
    }, { additionalProperties: false, description: 'Throttling of failed sign-ins per user name and address: after maxFailures, the pair is paused for firstPause (default 30s), doubling with each further attempt up to lockout (default 15m). The same pauses apply to invalid API tokens per address. Another address is never paused; an admin locks an account explicitly (POST /api/v1/users/{id}/lock).' })),
    audit: Type.Optional(Type.Object({
      checkpointDir: Type.Optional(Type.String({ minLength: 1, description: "Where the hub appends keyed checkpoints of the audit chain (audit-checkpoints.jsonl); default <data dir>/audit-checkpoints. Put it on another disk or a folder shipped off the host." })),
      checkpointInterval: Type.Optional(Duration),
    }, { additionalProperties: false, description: 'The keyed audit chain: where its checkpoints are exported, and how often (checkpointInterval, default 1m, when records were added; the hub also exports one as it stops).' })),
    writes: Type.Optional(Type.Object({
      approvalTimeout: Type.Optional(Duration),
      perMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, description: 'Writes per minute one account may make to one attribute (default 10).' })),
      verifyTimeout: Type.Optional(Duration),
      requestsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 6000, description: 'Write requests per minute one account may send, to any attribute, refused ones included (default 30); more are answered 429 with Retry-After.' })),
    }, { additionalProperties: false, description: 'The write gate: approvalTimeout (default 5m) for a second person to approve, the rate limits, and how long to wait for the value to read back (verifyTimeout, default 10s; 0 skips).' })),
    oidc: Type.Optional(Type.Object({
      issuer: Type.String({ pattern: '^https?://', description: 'The OpenID Connect issuer URL (HTTPS; plain HTTP only on loopback).' }),
      clientId: Type.String({ minLength: 1 }),
      clientSecret: Type.Optional(Type.String({ minLength: 1, description: 'Better from the environment (${OIDC_CLIENT_SECRET}) or encrypted (causeway secret encrypt).' })),
      redirectUri: Type.String({ pattern: '^https?://', description: "This hub's callback as registered at the provider: https://<hub>/api/v1/oidc/callback." }),
      scopes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
      usernameClaim: Type.Optional(Type.String({ minLength: 1, description: 'Default preferred_username (then email, then sub).' })),
      groupsClaim: Type.Optional(Type.String({ minLength: 1, description: 'Default groups.' })),
      roles: Type.Record(Type.String(), Type.Union([
        Type.String({ description: 'A role: viewer, operator, ot-engineer, it-engineer, auditor or admin.' }),
        Type.Object({ role: Type.String(), zones: Type.Optional(Type.Array(Type.String())), paths: Type.Optional(Type.Array(Type.String())) }, { additionalProperties: false }),
      ]), { description: 'Provider group → role (site-wide) or { role, zones, paths }. A user with no mapped group is refused.' }),
    }, { additionalProperties: false, description: 'Sign-in through the site identity provider (OpenID Connect); roles come from its groups claim.' })),
  },
  { additionalProperties: false, description: 'Sessions, sign-in lockout, the write gate and OpenID Connect sign-in.' },
);

const BrokerFiltersSchema = (what: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), { maxItems: 256, description: `MQTT topic filters (+ one level, # the rest) the client may ${what}.` });

/** The role shorthands of a broker user (src/broker/acl.ts; docs/broker.md). */
export const BrokerRoleSchema = Type.Union([Type.Literal('hub'), Type.Literal('admin'), Type.Literal('uns-reader'), Type.Literal('sparkplug-edge')], {
  description: 'hub: everything but $SYS, the only role that sends Sparkplug NCMD/DCMD; admin: reads everything and $SYS; uns-reader: reads uns/#; sparkplug-edge: one edge node (group, node).',
});

export const BrokerUserSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 256 }),
    password: Type.Optional(Type.String({ minLength: 1, description: 'Plain password (use ${ENV_VAR}); hashed in memory at start.' })),
    passwordHash: Type.Optional(Type.String({ pattern: '^scrypt\\$', description: 'An scrypt hash: scrypt$N$r$p$salt$hash (base64).' })),
    role: Type.Optional(BrokerRoleSchema),
    read: Type.Optional(BrokerFiltersSchema('subscribe to (and receive)')),
    write: Type.Optional(BrokerFiltersSchema('publish to, retained messages and Wills included')),
    group: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'role sparkplug-edge: the Sparkplug group id of the edge node.' })),
    node: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'role sparkplug-edge: the Sparkplug edge node id.' })),
  },
  { additionalProperties: false, description: 'A broker user: password or passwordHash, and what it may read and write (nothing unless a role or filters say so).' },
);

export const BrokerConfigSchema = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean({ default: true })),
    host: Type.Optional(Type.String({ minLength: 1, default: '127.0.0.1', description: 'Address to listen on; 0.0.0.0 for every interface.' })),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535, default: 1883 })),
    allowAnonymous: Type.Optional(Type.Boolean({ default: false, description: 'Let clients connect without a user name (they may do what anonymous allows, by default nothing).' })),
    anonymous: Type.Optional(Type.Object({ read: Type.Optional(BrokerFiltersSchema('subscribe to')), write: Type.Optional(BrokerFiltersSchema('publish to')) }, { additionalProperties: false, description: 'What anonymous clients may read and write (needs allowAnonymous: true).' })),
    users: Type.Optional(Type.Array(BrokerUserSchema)),
  },
  { additionalProperties: false, description: 'An embedded MQTT broker (aedes), for sites without one. Deny by default: each user gets what its role and read/write filters grant (docs/broker.md).' },
);

export const PipelineSchema = Type.Object(
  {
    spool: Type.Optional(
      Type.Object(
        {
          maxBytes: Type.Optional(Type.Integer({ minimum: 65_536, description: 'Bytes the ingest spool may hold on disk before sources are pushed back (503, no PUBACK, skipped polls). Default: a quarter of the free space at start, between 64 MiB and 10 GiB.' })),
          fsync: Type.Optional(Type.Boolean({ description: 'fdatasync every group commit (default true): accepted samples survive a power loss, not only a crash of the hub.' })),
        },
        { additionalProperties: false, description: 'The ingest write-ahead spool: samples are accepted only once they are on disk in <data dir>/spool.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const HubConfigSchema = Type.Object(
  {
    site: SiteSchema,
    zones: Type.Array(ZoneSchema, { minItems: 1 }),
    conduits: Type.Optional(Type.Array(ConduitSchema)),
    sources: Type.Optional(Type.Array(SourceSchema)),
    templates: Type.Optional(Type.Array(TemplateSchema)),
    assets: Type.Optional(Type.Array(AssetSchema)),
    sinks: Type.Optional(Type.Array(SinkSchema)),
    historian: Type.Optional(HistorianSchema),
    pipeline: Type.Optional(PipelineSchema),
    broker: Type.Optional(BrokerConfigSchema),
    api: Type.Optional(ApiSchema),
    security: Type.Optional(SecuritySchema),
    production: Type.Optional(ProductionSchema),
    notifications: Type.Optional(NotificationsSchema),
    inventory: Type.Optional(InventorySchema),
  },
  { additionalProperties: false, $id: 'https://causeway.dev/schema/hub.json', title: 'Causeway hub configuration' },
);

export type HubConfig = Static<typeof HubConfigSchema>;
export type SiteConfig = Static<typeof SiteSchema>;
export type ZoneConfig = Static<typeof ZoneSchema>;
export type ConduitConfig = Static<typeof ConduitSchema>;
export type SourceConfig = Static<typeof SourceSchema>;
export type TagConfig = Static<typeof TagCommonSchema>;
export type DeadbandConfig = Static<typeof DeadbandSchema>;
export type TemplateConfig = Static<typeof TemplateSchema>;
export type AttributeConfig = Static<typeof AttributeSchema>;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AlarmLimits = Static<typeof AlarmLimitsSchema>;
export type ChildConfig = Static<typeof ChildSchema>;
export type BindingConfig = Static<typeof BindingSchema>;
export type ContractConfig = Static<typeof ContractSchema>;
export type AssetConfig = Static<typeof AssetSchema>;
export type SinkConfig = Static<typeof SinkSchema>;
export type HistorianConfig = Static<typeof HistorianSchema>;
export type ApiConfig = Static<typeof ApiSchema>;
export type TlsConfig = Static<typeof TlsSchema>;
export type SecurityConfig = Static<typeof SecuritySchema>;
export type BrokerConfig = Static<typeof BrokerConfigSchema>;
export type BrokerUserConfig = Static<typeof BrokerUserSchema>;
export type FlowKindName = Static<typeof FlowKind>;
export type ProductionConfig = Static<typeof ProductionSchema>;
