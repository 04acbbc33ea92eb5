import { describe, expect, it } from 'vitest';
import { findTemplateCycles } from './semantic-refs.js';
import { telemetryDenial } from './semantic-flows.js';
import { BASE_YAML, at, load } from './__fixtures__/load-helpers.js';

const templates = (...lines: string[]): string => `${BASE_YAML}templates:\n${lines.join('\n')}\n`;
const tpl = (id: string, parent?: string, attr = 'a'): string =>
  `  - id: ${id}\n${parent ? `    extends: ${parent}\n` : ''}    attributes: [{ name: ${attr}, type: number }]`;

describe('template inheritance', () => {
  it('finds each cycle once, including a template extending itself', () => {
    const entry = (ext?: string) => ({ index: 0, extends: ext, attributes: [] });
    const cycles = findTemplateCycles(new Map([['a', entry('b')], ['b', entry('c')], ['c', entry('a')], ['d', entry('a')], ['e', entry('e')], ['f', entry()]]));
    expect(cycles).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('reports a cycle once, at the first template of the circle in the file', () => {
    const r = load(templates(tpl('base'), tpl('x', 'z'), tpl('y', 'x'), tpl('z', 'y')));
    const cycles = r.problems.filter((p) => p.code === 'CW_CONFIG_TEMPLATE_CYCLE');
    expect(cycles).toMatchObject([{ path: 'templates[1].extends', line: 18, message: 'Templates extend each other in a circle: x → z → y → x.' }]);
  });

  it('reports an unknown parent with a suggestion', () => {
    const r = load(templates(tpl('machine'), tpl('filler', 'machin')));
    expect(at(r, 'templates[1].extends')[0]!.message).toBe('Template "machin" is not defined — did you mean "machine"?');
  });

  it('lets a binding use an inherited attribute, and rejects one no ancestor defines', () => {
    const base = templates(tpl('machine', undefined, 'state'), tpl('filler', 'machine', 'speed'));
    const source = `sources:\n  - id: plc\n    kind: test\n    zone: line1\n    tags: [{ id: s, signal: sine }]\n`;
    const assets = (binding: string) => `assets:\n  - path: acme/filler\n    template: filler\n    bindings: { ${binding}: plc/s }\n`;
    expect(load(base + source + assets('state')).problems).toEqual([]);
    const [p] = at(load(base + source + assets('colour')), 'assets[0].bindings.colour');
    expect(p).toMatchObject({ code: 'CW_CONFIG_UNKNOWN_REF', message: 'Template "filler" has no attribute "colour".', hint: 'Bind one of its attributes: speed, state.' });
  });
});

describe('flows', () => {
  const conduits = [{ from: 'a', to: 'b', allow: ['commands'] }, { from: 'c', to: 'b', allow: ['telemetry'] }];
  it('allows the same zone and a telemetry conduit, denies everything else', () => {
    expect(telemetryDenial('b', 'b', conduits)).toBeUndefined();
    expect(telemetryDenial('c', 'b', conduits)).toBeUndefined();
    expect(telemetryDenial('b', 'c', conduits)).toBe('no conduit from b to c allows telemetry');
    expect(telemetryDenial('a', 'b', conduits)).toBe('the conduit from a to b allows only commands');
  });

  const withLab = BASE_YAML.replace('conduits:', '  - { id: lab, level: 2 }\nconduits:');
  const withSource = (zone: string, extra = ''): string => `${withLab}sources:\n  - { id: p, kind: test, zone: ${zone}, tags: []${extra} }\n`;

  it('denies a source whose zone has no telemetry conduit to the hub, and only while enabled', () => {
    expect(at(load(withSource('lab')), 'sources[0].zone')).toMatchObject([
      {
        code: 'CW_CONFIG_FLOW_DENIED', line: 16, column: 32,
        message: 'Telemetry from source "p" (zone lab) cannot reach the hub (zone ops): no conduit from lab to ops allows telemetry.',
      },
    ]);
    expect(load(withSource('lab', ', enabled: false')).problems).toEqual([]);
    expect(load(withSource('ops')).problems).toEqual([]);
    expect(load(withSource('line1')).problems).toEqual([]);
  });

  it('denies a sink that no data can reach along a conduit', () => {
    const text = `${BASE_YAML}sinks:\n  - { id: uns, kind: test-sink, zone: line1, config: { url: x } }\n`;
    expect(at(load(text), 'sinks[0].zone')[0]).toMatchObject({
      code: 'CW_CONFIG_FLOW_DENIED',
      message: 'No telemetry can reach sink "uns" (zone line1): no conduit from the zone of the data (ops) to line1 allows telemetry.',
    });
  });

  it("lets a sink receive the data of a source zone with a conduit straight to the sink's zone", () => {
    const text = `${BASE_YAML}  - { from: line1, to: it, allow: [telemetry] }\nsources:\n  - { id: p, kind: test, zone: line1, tags: [] }\nsinks:\n  - { id: uns, kind: test-sink, zone: it, config: { url: x } }\n`;
    const withZone = text.replace('conduits:', '  - { id: it, level: 4 }\nconduits:');
    expect(at(load(withZone), 'sinks[0].zone')).toEqual([]);
  });
});

describe('ids, paths and contradictions', () => {
  it('reports duplicate zone, tag and asset ids with the line of the first', () => {
    const text = `${BASE_YAML}  - { id: ops, level: 4 }\nsources:\n  - id: p\n    kind: test\n    zone: line1\n    tags:\n      - { id: t, signal: sine }\n      - { id: t, signal: ramp }\nassets:\n  - { path: a/b }\n  - { path: a/b }\n`;
    const r = load(text.replace('  - { id: ops, level: 4 }\n', '').replace('    level: 1\n', '    level: 1\n  - { id: ops, level: 4 }\n'));
    expect(at(r, 'zones[2].id')[0]!.message).toBe('Zone "ops" is already defined at line 6.');
    expect(at(r, 'sources[0].tags[1].id')[0]!.message).toBe('Tag "t" is already defined at line 20.');
    expect(at(r, 'assets[1].path')[0]!.message).toBe('Asset path "a/b" is already defined at line 23.');
  });

  it('checks sink path prefixes', () => {
    const text = `${BASE_YAML}sinks:\n  - { id: uns, kind: test-sink, zone: ops, paths: [acme/, ok/path], config: { url: x } }\n`;
    expect(at(load(text), 'sinks[0].paths[0]')[0]!.message).toBe('Path prefix "acme/" is not valid: segment 2 is empty (a leading, trailing or doubled "/").');
  });

  it('reports attribute limits with min above max', () => {
    const r = load(templates('  - id: t\n    attributes: [{ name: a, type: number, min: 5, max: 1 }]'));
    expect(at(r, 'templates[0].attributes[0]')[0]).toMatchObject({ code: 'CW_CONFIG_CONFLICT', message: 'Attribute min (5) is above max (1).' });
  });

  it('does not report twice what the schema already rejected', () => {
    const r = load(BASE_YAML.replace('hubZone: ops', 'hubZone: "o p"'));
    expect(at(r, 'site.hubZone')).toHaveLength(1);
    expect(at(r, 'site.hubZone')[0]!.code).toBe('CW_CONFIG_SCHEMA');
  });
});

describe('unions with a default kind', () => {
  it('reads a historian block without kind as the embedded DuckDB one and names the real mistake', () => {
    const r = load(`${BASE_YAML}historian: { path: x.duckdb, flushIntervl: 5s }\n`);
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([['historian.flushIntervl', 'Unknown key "flushIntervl" — did you mean "flushInterval"?']]);
  });

  it('names an unknown historian kind', () => {
    const r = load(`${BASE_YAML}historian: { kind: influx }\n`);
    expect(r.problems.map((p) => p.message)).toEqual(['"influx" is not a known kind.']);
  });
});
