/**
 * What the doc test changes in a README command before running it, and what it expects back.
 *
 * SUBSTITUTIONS is the whole list of edits: each fills in a value the README tells the user to take
 * from the demo's banner or from an earlier answer, or bounds a command that would run until Ctrl-C.
 * Nothing else in a command is touched. ENVIRONMENT is what the session has beyond a user's shell.
 *
 * CHECKS says what each command must answer, from the `# …` lines the README shows under it (or
 * beside it). A command without a check must exit 0 with every curl answer a 2xx; a command that has
 * an answer under it in the README must have a check here (the doc test fails otherwise), and every
 * check must still match a README command.
 */
import type { BannerValues } from './demo.js';

/** Values known while the test runs. */
export interface Context {
  banner: BannerValues;
  /** A free port for `causeway start … --port 8081`. */
  ownPlantPort: number;
  /** The password the test gives `CAUSEWAY_ADMIN_PASSWORD='…'`. */
  adminPassword: string;
  /** The "id" of the latest answer that carried one (a write request). */
  lastId: string | undefined;
}

export interface Substitution {
  readme: RegExp;
  /** The replacement; `m` is the match and its groups. */
  by: (c: Context, m: string[]) => string;
  why: string;
}

export const SUBSTITUTIONS: readonly Substitution[] = [
  { readme: /http:\/\/127\.0\.0\.1:8080/g, by: (c) => c.banner.url, why: 'the demo runs on a free port here (--port 0); the banner prints its URL, http://127.0.0.1:8080 by default' },
  { readme: /<from the banner>/g, by: (c) => c.banner.passwords.operator!, why: "the sign-in block signs in as operator: the operator's password from the banner" },
  { readme: /<(operator|approver|auditor) password>/g, by: (c, m) => c.banner.passwords[m[1]!]!, why: "that account's password, from the banner" },
  { readme: /<broker port>/g, by: (c) => c.banner.brokerPort, why: "the embedded broker's port, from the banner's mosquitto_sub line" },
  { readme: /<printed once in the banner>/g, by: (c) => c.banner.unsReaderPassword, why: "uns-reader's password, from the banner's mosquitto_sub line" },
  { readme: /<pid>/g, by: (c) => c.banner.modbusPid, why: "the Modbus PLC's PID, from the banner" },
  { readme: /<id>/g, by: (c) => c.lastId ?? '<no id answered yet>', why: 'the write request\'s "id", from the answer of the request before (the README says to note it)' },
  { readme: /CAUSEWAY_ADMIN_PASSWORD='…'/g, by: (c) => `CAUSEWAY_ADMIN_PASSWORD='${c.adminPassword}'`, why: 'the first admin\'s password, "…" in the README: a generated one' },
  { readme: /--port 8081\b/g, by: (c) => `--port ${c.ownPlantPort}`, why: 'a free port instead of 8081' },
  { readme: /^(mosquitto_sub\b.*?)\s*$/gm, by: (_c, m) => `${m[1]} -C 1 -W 10`, why: 'mosquitto_sub runs until Ctrl-C: -C 1 -W 10 is appended (one message, at most 10 s)' },
];

/** `command` with every substitution applied. */
export function substitute(command: string, c: Context): string {
  let s = command;
  // replace() hands the callback the match, its groups, then the offset and the whole string.
  for (const sub of SUBSTITUTIONS) s = s.replace(sub.readme, (...args: unknown[]) => sub.by(c, args.slice(0, -2) as string[]));
  return s;
}

/** Environment of the session beyond the user's own (which has no CAUSEWAY_* variables here). */
export const ENVIRONMENT: ReadonlyArray<{ name: string; why: string }> = [
  { name: 'CAUSEWAY_PORT', why: '`causeway start -c plant.yaml` without --port would listen on plant.yaml\'s 8080: a free port instead' },
  { name: 'CAUSEWAY_USER_PASSWORD', why: '`causeway user add` prompts for the password on a terminal; the README names this variable for scripts' },
];

export interface Check {
  /** Matches the README command (before substitution). */
  command: RegExp;
  /** HTTP status of every curl answer (default: any 2xx). */
  status?: number;
  /** Each must match the command's stdout. */
  stdout?: RegExp[];
  /** Each must match a file name in the working folder after the command. */
  files?: RegExp[];
  /** Run again (every second, at most `POLL_MS`) until the check holds: an answer the README says comes "later". */
  poll?: boolean;
  /** A hub in the foreground: started in the background, ready when its health answers; stopped with Ctrl-C at the end of its block. */
  background?: boolean;
}

export const POLL_MS = 45_000;

const L1 = 'acme-beverages/springfield/packaging/line1';

export const CHECKS: readonly Check[] = [
  // Sign in from the shell
  { command: /^OP_CSRF=\$\(curl -s -c op\.jar/, status: 200 },
  { command: /\/api\/v1\/me\b/, stdout: [/"username":"operator"/, /"permissions":\["read","write"\]/] },
  // Watch the unified namespace
  { command: /^mosquitto_sub /, stdout: [/^uns\/acme-beverages\/springfield\/\S+ \{"value":[^,]+,"timestamp":\d+,"quality":"good"/m] },
  { command: /\/api\/v1\/lineage\?path=/, stdout: [/"upstream":\["packaging-opcua\/line1_filler_speed"\]/, /"stage":"calculation"/, /"kind":"historian"/, /"kind":"sink","id":"uns"/] },
  // Watch a reconnect
  { command: /\/api\/v1\/sources\/packaging-modbus$/, poll: true, stdout: [/"state":"backoff"/, /"lastError":\{"code":"CW_SOURCE_/, /"nextRetryAt":\d+/] },
  { command: /values\?path=acme-beverages\/springfield\/packaging\/line1\/labeler'/, poll: true, stdout: [/"quality":"bad","reason":"link_lost"/] },
  // What to try
  { command: /\/api\/v1\/health$/, stdout: [/"status":"(ok|degraded)"/, /"sources":\{"total":4,/] },
  { command: /\/api\/v1\/sources$/, stdout: [/"id":"packaging-opcua"/, /"id":"packaging-modbus"/, /"id":"utilities-sparkplug"/, /"id":"energy-meter"/] },
  { command: /\/sources\/packaging-opcua\/device$/, stdout: [/"manufacturer":"Siemens AG"/, /"softwareVersion":"V2\.9\.4"/] },
  // The demo restarts the PLC 10 s after the kill above: until then the device cannot answer.
  { command: /\/sources\/packaging-modbus\/device$/, poll: true, status: 200, stdout: [/"manufacturer":"Schneider Electric"/, /"product":"BMXP342020"/, /"productName":"Modicon M340 CPU"/] },
  { command: /\/api\/v1\/namespace'$/, stdout: [/"name":"acme-beverages"/] },
  { command: /\/api\/v1\/namespace\?path=/, stdout: [/"template":"Line"/, new RegExp(`"${L1}/filler"`)] },
  { command: /values\?path=acme-beverages\/springfield\/packaging\/line1\/filler'/, stdout: [new RegExp(`"path":"${L1}/filler/speed","value":\\d`), /"unit":"bottles\/min"/] },
  { command: /values\?path=acme-beverages\/springfield\/utilities'/, stdout: [/utilities\/compressor\/discharge_pressure","value":[\d.]+,.*"unit":"bar"/] },
  { command: /history\?path=.*discharge_pressure&from=-5m/, stdout: [new RegExp(`"path":"${L1}/filler/speed","samples":\\[\\{"ts":\\d+`), /"path":"acme-beverages\/springfield\/utilities\/compressor\/discharge_pressure","samples":\[\{"ts":\d+/] },
  { command: /\/metrics \| grep causeway_samples$/, stdout: [/^causeway_samples_received_total\{source="packaging-opcua"\} \d+/m] },
  { command: /\/openapi\.json$/, stdout: [/^\{"openapi":"3\.1\.0"/] },
  { command: /from=yesterday/, status: 400, stdout: [/"code":"CW_API_BAD_TIME"/, /"title":"\\"yesterday\\" is not a time the hub understands \(parameter from\)\."/, /"hint":"Use ISO 8601/] },
  // Your own plant
  { command: /--print-config --simulated > plant\.yaml/, files: [/^plant\.yaml$/] },
  { command: /causeway check plant\.yaml/, stdout: [/^plant\.yaml: no problems\./m, /^Conduits/m] },
  { command: /causeway start -c plant\.yaml --port/, background: true, stdout: [/one-time setup token/, /Causeway is running at http:\/\/127\.0\.0\.1:\d+/] },
  { command: /causeway schema > causeway\.schema\.json/, files: [/^causeway\.schema\.json$/] },
  // For ERP integrators: REST push
  { command: /\/api\/v1\/work-orders -d/, status: 207, stdout: [/"accepted":\[\{"id":"WO-1001","change":"created"\}\]/, /"rejected":\[\{"ref":"record 1",.*"id":"WO-1002"/, /product \\"BEER-330\\" is not configured \(known: COLA-500, WATER-1000\)/] },
  // Security: the first admin
  { command: /^CAUSEWAY_ADMIN_PASSWORD=/, background: true, stdout: [/Created admin "admin" from CAUSEWAY_ADMIN_PASSWORD/] },
  { command: /causeway user add --role admin --username alice/, stdout: [/Created user alice with role admin/] },
  // Security in the demo: the two-person write
  { command: /\/api\/v1\/writes$/, status: 202, stdout: [/"zone":"packaging"/, /"value":550/, /"requester":\{[^}]*"name":"operator"\}/, /"state":"pending"/] },
  { command: /\/writes\/<id>\/approve$/, status: 200, stdout: [/"state":"done"/, /"approver":\{[^}]*"name":"approver"\}/, /"outcome":\{"oldValue":\d+,"newValue":550,"verified":true/] },
  { command: /"\$HUB\/api\/v1\/values\?path=\$SP"/, stdout: [/"value":550,/] },
  { command: /audit\?action=write"/, stdout: [/"action":"write\.request","outcome":"pending"/, /"action":"write\.approve"/, /"action":"write\.dispatch"/, /"action":"write\.execute","outcome":"success"/] },
  { command: /\/api\/v1\/audit\/verify\b/, stdout: [/^\{"ok":true,/] },
  // Historian
  { command: /\/api\/v1\/trend\?path=/, stdout: [/"pixels":800/, new RegExp(`"path":"${L1}/filler/speed","points":\\[\\{"ts":\\d+`)] },
  { command: /export\?path=\$F\/speed&from=-7d&format=parquet/, files: [/^filler_speed_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.parquet$/] },
  { command: /export\?path=\$F\/speed,\$F\/product_temp/, files: [/^2-paths_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.csv$/] },
  { command: /causeway export -c plant\.yaml/, files: [/^speed\.parquet$/], stdout: [/^Exported \d+ samples of 2 paths .* to speed\.parquet as PARQUET/m] },
  { command: /causeway query -d \.\/data \$F\/speed --from -2h --agg avg/, stdout: [/^TIME\s+PATH\s+AVG\s+SAMPLES\s+BAD$/m, new RegExp(`^\\S+Z\\s+${L1}/filler/speed\\s+[\\d.]+\\s+\\d+\\s+0$`, 'm')] },
  { command: /causeway query -d \.\/data \$F\/speed \$F\/state --at/, stdout: [new RegExp(`"path": "${L1}/filler/state",\\s+"ts": \\d+,\\s+"value": \\d`), /"method": "(linear|step)"/] },
];
