import { describe, expect, it } from 'vitest';
import { sinkDefinitions } from '../sinks/index.js';
import { sourceDefinitions } from '../sources/index.js';
import { buildJsonSchema } from './json-schema.js';
import { kindSchemasOf } from './kinds.js';
import { loadConfigText } from './load.js';

const KINDS = kindSchemasOf(sourceDefinitions, sinkDefinitions);

function plant(source: string): string {
  return `site: { enterprise: Acme, name: Springfield, hubZone: ops }
zones:
  - { id: ops, level: 3 }
  - { id: cell, level: 1 }
conduits:
  - { from: cell, to: ops, allow: [telemetry] }
sources:
${source}`;
}

const MQTT = `  - id: line1-mqtt
    kind: mqtt
    zone: cell
    config:
      url: mqtt://127.0.0.1:1883
      subscriptions:
        - { topic: plant/+line/+machine/state, tag: '{line}_{machine}_state' }
`;
const SPARKPLUG = `  - id: line1-spb
    kind: sparkplug
    zone: cell
    config: { url: mqtt://127.0.0.1:1883, groups: [Packaging], hostId: causeway }
`;
const MODBUS = `  - id: filler-plc
    kind: modbus
    zone: cell
    config: { host: 127.0.0.1 }
`;

describe('tags: of self-describing sources', () => {
  it('may be left out of an mqtt and a sparkplug source (they are then empty)', () => {
    const { config, problems } = loadConfigText(plant(MQTT + SPARKPLUG), 'plant.yaml', { kinds: KINDS, env: {} });
    expect(problems).toEqual([]);
    expect(config?.sources?.map((s) => [s.id, s.tags])).toEqual([['line1-mqtt', []], ['line1-spb', []]]);
  });

  it('are required for a modbus source, with one clear problem at the source', () => {
    const { config, problems } = loadConfigText(plant(MODBUS), 'plant.yaml', { kinds: KINDS, env: {} });
    expect(config).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 8, path: 'sources[0]', code: 'CW_CONFIG_SCHEMA' });
    expect(problems[0]!.message).toContain('Required key "tags" is missing: a modbus source reads only the tags it lists');
    expect(problems[0]!.hint).toContain('(sparkplug, mqtt) may leave tags: out');
  });

  it('are optional in the JSON Schema for editors only for the self-describing kinds', () => {
    const schema = buildJsonSchema(KINDS) as { properties: { sources: { items: { anyOf: Array<{ title: string; required: string[] }> } } } };
    const required = Object.fromEntries(schema.properties.sources.items.anyOf.map((v) => [v.title, v.required.includes('tags')]));
    expect(required).toMatchObject({ 'mqtt source': false, 'sparkplug source': false, 'modbus source': true, 'opcua source': true });
  });
});
