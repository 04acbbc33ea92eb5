/**
 * The banner `causeway demo` prints once on the terminal (never through the logger): where the hub
 * is, the simulated devices, the accounts made on this start with their passwords, and curl lines
 * that work with authentication — sign-in, reads, and a two-person write of a filler setpoint.
 */
import { COMPRESSOR_PATH, DEMO_ROOT, ENERGY_METER_PATH } from '../demo/config.js';
import type { DeviceStatus } from '../demo/launcher.js';
import { DEMO_MQTT_USERS, DEMO_SOURCE_IDS, DEMO_UNS_PREFIX } from '../demo/protocol-sources.js';
import { SPARKPLUG_GROUP, SPARKPLUG_NODE } from '../demo/sparkplug-model.js';
import { DEMO_ACCOUNTS } from '../security/bootstrap.js';

/** The setpoint the banner's two-person write changes. */
export const DEMO_WRITE_PATH = `${DEMO_ROOT}/packaging/line1/filler/speed_setpoint`;

/** How to watch the unified namespace: the embedded broker's port and the read-only demo user (role uns-reader). */
export interface UnsReader {
  port: number;
  username: string;
  password: string;
}

/** A demo account made on this start, with its password (printed once, here). */
export interface DemoAccount {
  username: string;
  role: string;
  password: string;
}

/** What the banner says about accounts. */
export interface BannerAccounts {
  /** The accounts made on this start; empty when they existed already. */
  created: readonly DemoAccount[];
  /** The data directory, for the `causeway user` and `causeway token` lines. */
  dataDir: string;
}

const DEVICE_LINES: Record<DeviceStatus['kind'], { name: string; serves: string; source: string }> = {
  opcua: { name: 'OPC UA server', serves: 'fillers, cappers', source: DEMO_SOURCE_IDS.opcua },
  modbus: { name: 'Modbus TCP PLC', serves: 'labelers, palletizers', source: DEMO_SOURCE_IDS.modbus },
  sparkplug: { name: 'Sparkplug B edge node', serves: 'compressor', source: DEMO_SOURCE_IDS.sparkplug },
  meter: { name: 'Energy meter (HTTP push)', serves: 'site energy', source: DEMO_SOURCE_IDS.meter },
};

/** What each demo account is for. */
const ACCOUNT_USE: Record<string, string> = {
  admin: 'everything, users and tokens',
  operator: 'reads, requests writes',
  approver: 'approves writes (ot-engineer)',
  auditor: 'reads the audit log',
};

/** The device table of the banner. */
function deviceLines(devices: readonly DeviceStatus[]): string[] {
  if (devices.length === 0) {
    return ['  Simulated plant (--simulated): the machines run inside the hub; no device processes, no listening sockets but the API.', ''];
  }
  const rows = devices.map((d) => {
    const l = DEVICE_LINES[d.kind];
    const via = d.kind === 'sparkplug' ? `${d.endpoint ?? ''} (embedded broker)` : d.kind === 'meter' ? `POST ${d.endpoint ?? ''} every 5 s` : d.endpoint ?? '';
    return `    ${l.name.padEnd(25)} pid ${String(d.pid ?? '-').padEnd(8)} ${l.serves.padEnd(22)} → ${l.source.padEnd(20)} ${via}`;
  });
  const pid = devices.find((d) => d.kind === 'modbus')?.pid ?? '<pid>';
  return [
    '  Simulated devices, each its own process on 127.0.0.1:',
    ...rows,
    '',
    `  Watch a reconnect: kill ${pid}   (the Modbus PLC) — packaging-modbus goes to backoff with the`,
    '  reason, the demo restarts the PLC 10 s later, and the source is connected again.',
    '',
  ];
}

/** What each login of the embedded broker may do (src/demo/protocol-sources.ts gives them these ACLs). */
const BROKER_LOGIN_USE: ReadonlyArray<[string, string]> = [
  [DEMO_MQTT_USERS.reader, `reads ${DEMO_UNS_PREFIX}/# only: publishes nothing, may not subscribe to #, $SYS or Sparkplug`],
  [DEMO_MQTT_USERS.uns, `the hub's UNS publisher: the only login that writes ${DEMO_UNS_PREFIX}/#`],
  [DEMO_MQTT_USERS.hub, "the hub's Sparkplug host: the only login that may send NCMD/DCMD"],
  [DEMO_MQTT_USERS.edge, `the compressor: publishes only under spBv1.0/${SPARKPLUG_GROUP}/<type>/${SPARKPLUG_NODE}`],
];

/** The lines that show how to subscribe to the unified namespace, and what each broker login may do. */
function unsLines(uns: UnsReader | undefined): string[] {
  if (!uns) return [];
  return [
    `  Unified namespace on the embedded broker (topic ${DEMO_UNS_PREFIX}/<path>, retained, with units and quality):`,
    `    mosquitto_sub -h 127.0.0.1 -p ${uns.port} -u ${uns.username} -P '${uns.password}' -t '${DEMO_UNS_PREFIX}/#' -v`,
    '  Broker logins, each with only what it is for (everything else is refused and audited as broker.*):',
    ...BROKER_LOGIN_USE.map(([name, use]) => `    ${name.padEnd(16)} ${use}`),
    '',
  ];
}

/** The accounts made now with their passwords, or where they came from. */
function accountLines(a: BannerAccounts | undefined): string[] {
  if (!a) return [];
  const reset = `npx causeway user add -d ${a.dataDir} --username <name> --role <its role> --reset`;
  if (a.created.length === 0) {
    return [
      `  Accounts: ${DEMO_ACCOUNTS.map((d) => `${d.username} (${d.role})`).join(', ')} — made at the first start; their passwords were shown then only.`,
      `  A new password for one: ${reset}`,
      '',
    ];
  }
  return [
    '  Accounts made now. The passwords are shown only this once and are never logged: keep them.',
    ...a.created.map((c) => `    ${c.username.padEnd(10)} ${c.role.padEnd(12)} ${c.password.padEnd(26)} ${ACCOUNT_USE[c.username] ?? ''}`),
    `  Lost one? ${reset}  (prints a new one)`,
    '',
  ];
}

/** The password of a demo account for the curl lines: the one made now, or a placeholder. */
function passwordOf(a: BannerAccounts | undefined, username: string): string {
  const made = a?.created.find((c) => c.username === username);
  return made && !made.password.startsWith('(') ? made.password : `<${username} password>`;
}

/** A sign-in that keeps the session cookie in `jar` and the CSRF token (for POSTs) in `$var`. */
function login(url: string, jar: string, username: string, password: string, csrfVar?: string): string {
  const curl = (out: string) => `curl -s -c ${jar}${out} -H 'content-type: application/json' -d '{"username":"${username}","password":"${password}"}' ${url}/api/v1/login`;
  return csrfVar ? `${csrfVar}=$(${curl('')} | grep -o '"csrfToken":"[^"]*' | cut -d'"' -f4)` : curl(' -o /dev/null');
}

/** Reads, as the operator signed in with a cookie jar. */
function tryLines(url: string, simulated: boolean, a: BannerAccounts | undefined): string[] {
  const line = `${DEMO_ROOT}/packaging/line1`;
  const get = (path: string) => `    curl -s -b op.jar '${url}${path}'`;
  return [
    '  Try (every route but health and login needs an account; sign in, the session cookie goes to op.jar):',
    `    curl -s ${url}/api/v1/health`,
    `    ${login(url, 'op.jar', 'operator', passwordOf(a, 'operator'), 'OP_CSRF')}`,
    get('/api/v1/sources'),
    get(`/api/v1/sources/${simulated ? 'line1-plc' : DEMO_SOURCE_IDS.opcua}/device`),
    get(`/api/v1/namespace?path=${line}`),
    get(`/api/v1/values?path=${line}/filler`),
    get(`/api/v1/lineage?path=${line}/speed`),
    get(`/api/v1/values?path=${COMPRESSOR_PATH}`),
    ...(simulated ? [] : [get(`/api/v1/values?path=${ENERGY_METER_PATH}`)]),
    get(`/api/v1/history?path=${line}/filler/speed&from=-5m`),
    `    curl -s -b op.jar ${url}/metrics | grep causeway_samples`,
    '',
  ];
}

/** The two-person write: the operator asks, the approver approves, the auditor checks. */
function writeLines(url: string, a: BannerAccounts | undefined): string[] {
  const dir = a?.dataDir ?? '<data dir>';
  return [
    '  Two-person write of line 1\'s filler speed setpoint (conduit site-ops → packaging: commands, approval required):',
    `    curl -s -b op.jar -H "x-csrf-token: $OP_CSRF" -H 'content-type: application/json' -d '{"path":"${DEMO_WRITE_PATH}","value":550,"reason":"trial"}' ${url}/api/v1/writes`,
    '      → 202, "state":"pending": nothing is written yet; note its "id". The operator cannot approve it.',
    `    ${login(url, 'ap.jar', 'approver', passwordOf(a, 'approver'), 'AP_CSRF')}`,
    `    curl -s -b ap.jar -H "x-csrf-token: $AP_CSRF" -X POST ${url}/api/v1/writes/<id>/approve`,
    '      → "state":"done", with the old and new value, read back from the device',
    `    ${login(url, 'au.jar', 'auditor', passwordOf(a, 'auditor'))}`,
    `    curl -s -b au.jar '${url}/api/v1/audit?action=write'; curl -s -b au.jar ${url}/api/v1/audit/verify`,
    `  Scripts use a token instead of a cookie: npx causeway token create -d ${dir} --user operator --name my-script`,
    '  prints a secret once; send it as -H "Authorization: Bearer <secret>" (no CSRF token needed).',
    '',
  ];
}

/** The banner: where the hub is, what runs, the accounts, and what to try. */
export function demoBanner(url: string, devices: readonly DeviceStatus[] = [], uns?: UnsReader, accounts?: BannerAccounts): string {
  const simulated = devices.length === 0;
  return [
    '',
    '  Causeway demo plant — Acme Beverages, Springfield',
    `  API ${url}   (Ctrl-C stops the hub and flushes everything to disk${simulated ? '' : ', then stops the devices'})`,
    '',
    ...deviceLines(devices),
    ...unsLines(uns),
    ...accountLines(accounts),
    ...tryLines(url, simulated, accounts),
    ...writeLines(url, accounts),
  ].join('\n');
}
