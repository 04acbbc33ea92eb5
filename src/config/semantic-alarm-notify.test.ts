import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../cli/commands/check.js';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import { kindSchemasOf } from './kinds.js';
import { loadConfigText } from './load.js';

const KINDS = kindSchemasOf(sourceDefinitions, sinkDefinitions);

function config(notifications: string, sinks = ''): string {
  return `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: ops, level: 3 }]
templates:
  - id: Compressor
    attributes:
      - { name: pressure, type: number, alarms: { hi: 9, area: utilities } }
${sinks ? `sinks:\n${sinks}\n` : ''}${notifications ? `notifications:\n${notifications}\n` : ''}`;
}

function problemsOf(notifications: string, sinks = '', env: Record<string, string> = {}) {
  return loadConfigText(config(notifications, sinks), 'plant.yaml', { kinds: KINDS, env }).problems.map((p) => `${p.line} ${p.path} ${p.code}: ${p.message}`);
}

const SMTP = '  smtp: { host: mail.plant.test, port: 587, user: alarms, password: "${SMTP_PASSWORD}", from: causeway@plant.test }';

describe('notifications and sink alarms in causeway check', () => {
  it('accepts rules with e-mail, webhooks and escalation, and sinks that carry alarms', () => {
    expect(problemsOf(`${SMTP}
  quietPeriod: 10m
  consoleUrl: https://hub.plant.test
  rules:
    - { name: urgent, priorities: [urgent, 2], areas: [utilities], paths: [acme/springfield], email: [shift@plant.test], escalation: { after: 15m, email: [boss@plant.test] } }
    - { name: mes, webhooks: ["https://mes.plant.test/alarms"], quietPeriod: 1m }`, `  - { id: uns, kind: mqtt, zone: ops, alarms: true, config: { url: "mqtt://127.0.0.1:1883" } }
  - { id: bus, kind: nats, zone: ops, alarms: { prefix: causeway.alarms }, config: {} }`, { SMTP_PASSWORD: 'secret' })).toEqual([]);
  });

  it('reports every mistake at its line', () => {
    expect(problemsOf(`  smtp: { host: mail.plant.test, port: 465, tls: starttls, user: alarms, from: causeway@plant.test }
  rules:
    - { name: nobody, areas: [utilities] }
    - { name: nobody, email: [shift@plant.test], escalation: { after: 5m }, paths: ["acme//x"] }
    - { name: lvl, priorities: [critical], email: [not-an-address] }`, `  - { id: uns, kind: mqtt, zone: ops, alarms: { prefix: "uns/#" }, config: { url: "mqtt://127.0.0.1:1883" } }
  - { id: bus, kind: nats, zone: ops, alarms: { prefix: other.alarms }, config: {} }`)).toEqual([
      expect.stringMatching(/^8 sinks\[0\]\.alarms\.prefix CW_CONFIG_CONFLICT: The alarm prefix "uns\/#" of sink "uns" is not a topic prefix/),
      expect.stringMatching(/^9 sinks\[1\]\.alarms\.prefix CW_CONFIG_CONFLICT: .*is not under the sink's subjectPrefix "causeway\."/),
      expect.stringMatching(/^11 notifications\.smtp\.port CW_CONFIG_CONFLICT: notifications\.smtp uses STARTTLS on port 465/),
      expect.stringMatching(/^11 notifications\.smtp\.user CW_CONFIG_CONFLICT: notifications\.smtp has a user but no password\./),
      expect.stringMatching(/^13 notifications\.rules\[0\] CW_CONFIG_CONFLICT: Notification rule "nobody" notifies nobody/),
      expect.stringMatching(/^14 notifications\.rules\[1\]\.name CW_CONFIG_DUPLICATE_ID: Notification rule "nobody" is defined twice/),
      expect.stringMatching(/^14 notifications\.rules\[1\]\.escalation CW_CONFIG_CONFLICT: The escalation of notification rule "nobody" names nobody/),
      expect.stringMatching(/^14 notifications\.rules\[1\]\.paths\[0\] CW_CONFIG_INVALID_PATH/),
      expect.stringMatching(/^15 notifications\.rules\[2\]\.priorities\[0\] CW_CONFIG_SCHEMA/),
      expect.stringMatching(/^15 notifications\.rules\[2\]\.email\[0\] CW_CONFIG_SCHEMA/),
    ]);
  });

  it('names an area no alarm has, with a suggestion', () => {
    expect(problemsOf(`  webhooks: []
  rules: [{ name: r, areas: [utilites], webhooks: ["https://mes.plant.test/a"] }]`.replace('  webhooks: []\n', ''))).toEqual([
      expect.stringMatching(/notifications\.rules\[0\]\.areas\[0\] CW_CONFIG_UNKNOWN_REF: Notification rule "r" matches area "utilites", which no alarm has \(the alarms have utilities\) — did you mean "utilities"\?/),
    ]);
  });

  it('refuses a password over plain text, e-mail without a mail server, and alarms on a sink kind that cannot carry them', () => {
    expect(problemsOf(`  smtp: { host: mail.plant.test, port: 25, tls: none, user: alarms, password: x, from: causeway@plant.test }
  rules: [{ name: r, email: [a@plant.test] }]`)).toEqual([expect.stringMatching(/notifications\.smtp\.tls CW_CONFIG_CONFLICT: notifications\.smtp sends a password with tls: none/)]);
    expect(problemsOf(`  rules: [{ name: r, email: [a@plant.test] }]`)).toEqual([expect.stringMatching(/notifications\.rules\[0\]\.email CW_CONFIG_UNKNOWN_REF: .* sends e-mail, but notifications has no smtp: block/)]);
  });

  it('passes plain-text SMTP without a login, with a warning that causeway check prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causeway-notify-check-'));
    try {
      const file = join(dir, 'plant.yaml');
      writeFileSync(file, config(`  smtp: { host: relay.plant.test, tls: none, from: causeway@plant.test }
  rules: [{ name: r, email: [a@plant.test], webhooks: ["http://mes.plant.test/alarms"] }]`));
      let out = '';
      expect(await runCheck(file, { write: (t: string) => (out += t) })).toBe(0);
      expect(out).toContain('no problems.');
      expect(out).toContain('Warning: notifications.smtp.tls is none: alarm e-mails to relay.plant.test cross the network in plain text');
      expect(out).toContain('Warning: notifications: webhook http://mes.plant.test/alarms is plain HTTP');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
