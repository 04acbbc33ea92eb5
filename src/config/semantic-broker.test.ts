import { describe, expect, it } from 'vitest';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import { kindSchemasOf } from './kinds.js';
import { loadConfigText } from './load.js';

const KINDS = kindSchemasOf(sourceDefinitions, sinkDefinitions);

function config(broker: string, sinks = ''): string {
  return `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: ops, level: 3 }]
broker:
${broker}
${sinks ? `sinks:\n${sinks}\n` : ''}`;
}

const problems = (text: string) => loadConfigText(text, 'hub.yaml', { kinds: KINDS, env: {} }).problems.map((p) => ({ path: p.path, code: p.code, line: p.line, message: p.message }));

const UNS_SINK = '  - { id: uns, kind: mqtt, zone: ops, config: { url: "mqtt://127.0.0.1:1883", username: hub-uns, password: pw } }';

describe('broker ACLs in the config check', () => {
  it('accepts roles, sound filters and the demo-like layout', () => {
    const text = config(`  users:
    - { username: hub, password: pw, role: hub }
    - { username: hub-uns, password: pw, write: ["uns/#"] }
    - { username: reader, password: pw, role: uns-reader }
    - { username: edge, password: pw, role: sparkplug-edge, group: Springfield, node: Utilities-Edge }
    - { username: ops, password: pw, role: admin }
    - { username: machine, password: pw, write: ["plant/line1/#"], read: ["plant/line1/cmd"] }`, UNS_SINK);
    expect(problems(text)).toEqual([]);
  });

  it('reports each malformed or unsafe filter at its line, all at once', () => {
    const text = config(`  users:
    - { username: a, password: pw, read: ["uns/#/x"] }
    - { username: b, password: pw, write: ["#"] }
    - { username: c, password: pw, read: ["$SYS/#"] }
    - { username: d, password: pw, role: sparkplug-edge, node: "N/1" }
    - { username: e, password: pw, role: superuser }`);
    expect(problems(text)).toEqual([
      { path: 'broker.users[0].read[0]', code: 'CW_CONFIG_BROKER_ACL', line: 5, message: 'The read filter "uns/#/x" of broker user a uses # other than as the whole last level (write a/# or #).' },
      { path: 'broker.users[1].write[0]', code: 'CW_CONFIG_BROKER_ACL', line: 6, message: 'The write filter "#" of broker user b would let it send Sparkplug commands (NCMD, DCMD), which only the hub may send.' },
      { path: 'broker.users[2].read[0]', code: 'CW_CONFIG_BROKER_ACL', line: 7, message: 'broker user c may not read "$SYS/#": $SYS and other $ topics are for role admin only.' },
      { path: 'broker.users[3].group', code: 'CW_CONFIG_BROKER_ACL', line: 8, message: 'broker user d has role sparkplug-edge but no group.' },
      { path: 'broker.users[3].node', code: 'CW_CONFIG_BROKER_ACL', line: 8, message: 'The Sparkplug node id "N/1" of broker user d is not a single topic level.' },
      { path: 'broker.users[4].role', code: 'CW_CONFIG_SCHEMA', line: 9, message: expect.any(String) },
    ]);
  });

  it('keeps the unified namespace for the hub: its sink must be let write it, and nobody else may', () => {
    const text = config(`  users:
    - { username: hub-uns, password: pw, role: uns-reader }
    - { username: machine, password: pw, write: ["uns/plant/+"] }`, UNS_SINK);
    expect(problems(text).map((p) => [p.path, p.message])).toEqual([
      ['broker.users[1].write[0]', 'Broker user machine may write "uns/plant/+", inside the unified namespace uns/# that only the hub publishes.'],
      ['sinks[0].config.url', 'Sink "uns" publishes to uns/# on the embedded broker as broker user hub-uns, whose ACL does not let it write there.'],
    ]);
  });

  it('names the hub source that signs in as a user without any ACL (a config from before ACLs)', () => {
    const text = `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones: [{ id: ops, level: 3 }]
broker:
  port: 1884
  users: [{ username: machine, password: pw }, { username: hub, password: pw }]
sources:
  - id: cell-mqtt
    kind: mqtt
    zone: ops
    config: { url: "mqtt://127.0.0.1:1884", username: hub, password: pw, subscriptions: [{ topic: plant/+machine/telemetry, values: [{ tag: "{machine}_temp", value: /temp }] }] }
  - id: sp
    kind: sparkplug
    zone: ops
    config: { url: "mqtt://localhost:1884", hostId: h, username: hub, password: pw }
  - id: elsewhere
    kind: mqtt
    zone: ops
    config: { url: "mqtt://10.0.0.9:1884", username: hub, password: pw, subscriptions: [{ topic: a, values: [{ tag: a, value: /a }] }] }
`;
    const found = loadConfigText(text, 'hub.yaml', { kinds: KINDS, env: {} }).problems.filter((p) => p.code === 'CW_CONFIG_BROKER_ACL').map((p) => [p.path, p.code, p.message, p.hint]);
    expect(found).toEqual([
      ['sources[0].config.username', 'CW_CONFIG_BROKER_ACL', 'Source "cell-mqtt" signs in to the embedded broker as hub, which has no role and no read or write filters: the broker would refuse it everything (deny by default).', 'Give hub read: filters that cover its subscriptions, or role: hub.'],
      ['sources[1].config.username', 'CW_CONFIG_BROKER_ACL', expect.stringContaining('Source "sp" signs in to the embedded broker as hub'), expect.stringContaining('role: hub (a Sparkplug host publishes its STATE')],
    ]);
  });

  it('refuses an anonymous ACL without allowAnonymous', () => {
    expect(problems(config('  anonymous: { read: ["public/#"] }')).map((p) => [p.path, p.code])).toEqual([['broker.anonymous', 'CW_CONFIG_CONFLICT']]);
    expect(problems(config('  allowAnonymous: true\n  anonymous: { read: ["public/#"] }'))).toEqual([]);
  });
});
