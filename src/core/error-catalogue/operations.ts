/** Error catalogue entries: production, the ERP and the runtime. */
import { spec } from './spec.js';

export const OPERATIONS_ERRORS = {
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
