import { describe, expect, it } from 'vitest';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import { kindSchemasOf } from './kinds.js';
import { loadConfigText } from './load.js';

const KINDS = kindSchemasOf(sourceDefinitions, sinkDefinitions);

/** A plant whose OT zone reaches the hub, and the hub the IT zone, only over TLS-requiring conduits. */
function plant(o: { sources: string; sinks?: string; api?: string; commands?: boolean }): string {
  return `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones:
  - { id: ops, level: 3 }
  - { id: cell, level: 1 }
  - { id: it, level: 4 }
conduits:
  - { from: cell, to: ops, allow: [telemetry], require: { tls: true } }
  - { from: ops, to: cell, allow: [commands], require: { tls: ${o.commands === true} } }
  - { from: ops, to: it, allow: [telemetry], require: { tls: true } }
${o.api ?? ''}sources:
${o.sources}
${o.sinks ? `sinks:\n${o.sinks}\n` : ''}`;
}

const tlsProblems = (text: string) => loadConfigText(text, 'hub.yaml', { kinds: KINDS, env: {} }).problems.filter((p) => p.code === 'CW_CONFIG_TLS_REQUIRED');

const modbus = '  - { id: plc, kind: modbus, zone: cell, config: { host: 10.0.0.5 }, tags: [{ id: t, area: holding, address: 0 }] }';
const opcua = (mode: string) => `  - { id: ua, kind: opcua, zone: cell, config: { endpointUrl: "opc.tcp://10.0.0.6:4840"${mode ? `, securityMode: ${mode}` : ''} }, tags: [{ id: t, nodeId: "ns=1;s=T" }] }`;
const mqtt = (url: string, zone = 'cell') => `  - { id: m, kind: mqtt, zone: ${zone}, config: { url: "${url}", topics: [{ filter: "plant/#" }] } }`;

describe('conduits that require TLS', () => {
  it('refuses a Modbus TCP source behind one, naming the source, the flow and why', () => {
    const [p, ...rest] = tlsProblems(plant({ sources: modbus }));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ path: 'sources[0].kind', line: 11 });
    expect(p!.message).toBe('Source "plc" carries telemetry from zone cell to the hub (zone ops) across a conduit that requires TLS, but Modbus TCP has no encryption.');
    expect(p!.hint).toMatch(/gateway in the hub's zone/);
  });

  it('accepts OPC UA with SignAndEncrypt (the default) and refuses Sign or None', () => {
    expect(tlsProblems(plant({ sources: opcua('') }))).toEqual([]);
    expect(tlsProblems(plant({ sources: opcua('SignAndEncrypt') }))).toEqual([]);
    expect(tlsProblems(plant({ sources: opcua('Sign') })).map((p) => p.message)).toEqual([expect.stringContaining('OPC UA securityMode Sign does not encrypt')]);
  });

  it('accepts mqtts:// and refuses mqtt:// for an MQTT source', () => {
    expect(tlsProblems(plant({ sources: mqtt('mqtts://broker:8883') }))).toEqual([]);
    expect(tlsProblems(plant({ sources: mqtt('mqtt://broker:1883') }))).toHaveLength(1);
  });

  it('checks commands into a zone too, and leaves a source in the hub zone alone', () => {
    const both = tlsProblems(plant({ sources: modbus, commands: true }));
    expect(both.map((p) => p.message)).toEqual([expect.stringContaining('carries telemetry from zone cell to the hub (zone ops) and commands from the hub into zone cell')]);
    expect(tlsProblems(plant({ sources: mqtt('mqtt://127.0.0.1:1883', 'ops') }))).toEqual([]);
  });

  it('lets pushing devices through only when the hub API serves TLS', () => {
    const push = '  - { id: meter, kind: http-push, zone: cell, tags: [{ id: kw }] }';
    expect(tlsProblems(plant({ sources: push }))).toHaveLength(1);
    expect(tlsProblems(plant({ sources: push, api: 'api: { tls: { selfSigned: true } }\n' }))).toEqual([]);
  });

  it('checks sinks in a zone reached over such a conduit: https, mqtts and tls:// NATS pass', () => {
    const sinks = [
      '  - { id: hook, kind: webhook, zone: it, config: { url: "http://mes:8080/in", secret: s3cret-s3cret-s3cret } }',
      '  - { id: hooks, kind: webhook, zone: it, config: { url: "https://mes/in", secret: s3cret-s3cret-s3cret } }',
      '  - { id: uns, kind: mqtt, zone: it, config: { url: "mqtt://broker:1883" } }',
      '  - { id: unss, kind: mqtt, zone: it, config: { url: "mqtts://broker:8883" } }',
      '  - { id: js, kind: nats, zone: it, config: { servers: "nats://n:4222" } }',
      '  - { id: jss, kind: nats, zone: it, config: { servers: ["tls://n1:4222", "tls://n2:4222"] } }',
    ].join('\n');
    const problems = tlsProblems(plant({ sources: opcua(''), sinks }));
    expect(problems.map((p) => p.path)).toEqual(['sinks[0].kind', 'sinks[2].kind', 'sinks[4].kind']);
    expect(problems[0]!.message).toBe('Sink "hook" receives telemetry from zone ops across a conduit that requires TLS, but it connects to http://… (not encrypted).');
  });
});
