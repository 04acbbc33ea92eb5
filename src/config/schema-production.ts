/** The `production:` block of the config: lines, their states and counters, shifts, orders and confirmations. */
import { Type } from 'typebox';
import { Duration, Id, NsPath } from './schema-common.js';

const RelAttr = Type.String({ pattern: '^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$', maxLength: 256, description: "An attribute path relative to the line's path, e.g. filler/state." });
const CounterRefSchema = Type.Object(
  {
    attribute: RelAttr,
    rolloverAt: Type.Optional(Type.Integer({ minimum: 2, description: 'The counter wraps to 0 on reaching this, e.g. 65536 for a 16-bit PLC counter.' })),
  },
  { additionalProperties: false },
);
const LineStateName = Type.Union([Type.Literal('running'), Type.Literal('idle'), Type.Literal('planned'), Type.Literal('down')]);
const IdealRate = {
  idealCycleTime: Type.Optional(Duration),
  idealRate: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Ideal rate in units per minute (instead of idealCycleTime).' })),
};

export const ProductionLineSchema = Type.Object(
  {
    id: Id,
    path: NsPath,
    state: Type.Object(
      { attribute: RelAttr, map: Type.Record(Type.String(), LineStateName, { description: 'State code → running, idle, planned or down.' }) },
      { additionalProperties: false, description: "The line's machine state attribute and what its codes mean." },
    ),
    reason: Type.Optional(RelAttr),
    good: CounterRefSchema,
    total: Type.Optional(CounterRefSchema),
    reject: Type.Optional(CounterRefSchema),
    ...IdealRate,
    dispatch: Type.Optional(Type.Object(
      { order: Type.Optional(RelAttr), product: Type.Optional(RelAttr), quantity: Type.Optional(RelAttr), speed: Type.Optional(RelAttr) },
      { additionalProperties: false, description: "Writable PLC attributes that receive the order number, product, target quantity and the product's speed when an order starts." },
    )),
  },
  { additionalProperties: false, description: 'A production line: its state, reason and counters (good plus total or reject), paths relative to the line.' },
);

const StagingConnection = {
  connectionString: Type.Optional(Type.String({ minLength: 1 })),
  host: Type.Optional(Type.String({ minLength: 1 })),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  user: Type.Optional(Type.String({ minLength: 1 })),
  password: Type.Optional(Type.String()),
  database: Type.Optional(Type.String({ minLength: 1 })),
};
const SqlName = Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?$', description: 'A table as schema.table or table: lower-case letters, digits and "_".' });

export const ConfirmationTargetSchema = Type.Union([
  Type.Object({ id: Id, kind: Type.Literal('webhook'), url: Type.String({ pattern: '^https?://' }), secret: Type.String({ minLength: 16 }), headers: Type.Optional(Type.Record(Type.String(), Type.String())), timeout: Type.Optional(Duration) }, { additionalProperties: false }),
  Type.Object({ id: Id, kind: Type.Literal('staging') }, { additionalProperties: false, description: 'A row in erp.staging.confirmTable.' }),
  Type.Object({ id: Id, kind: Type.Literal('folder'), path: Type.String({ minLength: 1, description: 'Folder for B2MML ProductionPerformance files; relative to the data directory.' }) }, { additionalProperties: false }),
]);

export const ProductionSchema = Type.Object(
  {
    timezone: Type.Optional(Type.String({ description: 'IANA time zone of the shift calendar (default the site\'s).' })),
    shifts: Type.Optional(Type.Array(Type.Object({
      name: Id,
      start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
      end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
      days: Type.Optional(Type.Array(Type.Union(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => Type.Literal(d))), { uniqueItems: true })),
    }, { additionalProperties: false, description: 'A shift in local wall time; an end at or before the start is on the next day.' }))),
    minorStop: Type.Optional(Duration),
    startupWindow: Type.Optional(Duration),
    publishInterval: Type.Optional(Duration),
    products: Type.Optional(Type.Array(Type.Object({
      id: Id, description: Type.Optional(Type.String()), unit: Type.Optional(Type.String()), ...IdealRate,
      speed: Type.Optional(Type.Number({ minimum: 0, description: 'Speed setpoint written to lines with dispatch.speed, units/min.' })),
    }, { additionalProperties: false }))),
    reasons: Type.Optional(Type.Array(Type.Object({
      code: Type.Integer({ minimum: 1 }), label: Type.String({ minLength: 1 }),
      loss: Type.Union([Type.Literal('breakdown'), Type.Literal('setup'), Type.Literal('minor'), Type.Literal('planned')]),
    }, { additionalProperties: false }))),
    lines: Type.Array(ProductionLineSchema),
    erp: Type.Optional(Type.Object({
      rest: Type.Optional(Type.Boolean({ description: 'Accept POST /api/v1/work-orders (default true).' })),
      staging: Type.Optional(Type.Object({ enabled: Type.Optional(Type.Boolean()), ...StagingConnection, table: SqlName, sequenceColumn: Type.Optional(Type.String({ pattern: '^[a-z_][a-z0-9_]{0,62}$' })), confirmTable: Type.Optional(SqlName), batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })), pollInterval: Type.Optional(Duration) }, { additionalProperties: false, description: 'Work orders from a PostgreSQL table or view, read by a column that only grows.' })),
      folder: Type.Optional(Type.Object({ enabled: Type.Optional(Type.Boolean()), path: Type.String({ minLength: 1 }), pollInterval: Type.Optional(Duration), settle: Type.Optional(Duration) }, { additionalProperties: false, description: 'A drop folder for B2MML ProductionSchedule (.xml) and CSV files; relative to the data directory.' })),
    }, { additionalProperties: false })),
    confirmations: Type.Optional(Type.Object({
      interval: Type.Optional(Duration),
      targets: Type.Array(ConfirmationTargetSchema),
    }, { additionalProperties: false, description: 'Production confirmations back to the ERP when an order completes (and at interval while it runs).' })),
  },
  { additionalProperties: false, description: 'Work orders, line states, shifts and OEE (src/production/README.md).' },
);
