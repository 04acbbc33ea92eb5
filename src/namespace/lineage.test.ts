import { describe, expect, it } from 'vitest';
import type { AssetConfig, SinkConfig, SourceConfig, TemplateConfig } from '../config/schema.js';
import { Namespace } from './index.js';
import { upstreamTags } from './lineage.js';

const templates: TemplateConfig[] = [
  { id: 'Filler', version: 1, attributes: [{ name: 'temp', type: 'number', unit: 'degF' }, { name: 'state', type: 'state', states: { '1': 'run', '2': 'stop' } }, { name: 'temp_avg', type: 'number', unit: 'degF', calc: "avg(temp, '5m')" }] },
];
const F = 'acme/spr/pack/line1/filler';
const assets: AssetConfig[] = [{ path: F, template: 'Filler', bindings: { temp: { tag: 'plc/temp', scale: 2 }, state: { tag: 'plc/state', map: { '3': 1 } } } }];
const sources: SourceConfig[] = [{ id: 'plc', kind: 'modbus', zone: 'cell', tags: [{ id: 'temp', unit: 'degC', scale: 0.1, deadband: { absolute: 0.5 } }, { id: 'state' }, { id: 'spare' }] }];
const sinks: SinkConfig[] = [
  { id: 'uns', kind: 'mqtt', zone: 'it', paths: ['acme'] },
  { id: 'erp', kind: 'webhook', zone: 'it', paths: ['acme/spr/other'] },
  { id: 'lake', kind: 'nats', zone: 'it', contract: { template: 'Filler', version: 1 } },
];
const ctx = { sources, sinks, conduits: [{ from: 'cell', to: 'ops', allow: ['telemetry' as const] }, { from: 'ops', to: 'it', allow: ['telemetry' as const] }], hubZone: 'ops' };

describe('lineage', () => {
  const ns = new Namespace(templates, assets, { sources });

  it('of a bound attribute: source, tag, every transform in order, consumers and the sinks that do not get it', () => {
    const l = ns.lineage(`${F}/temp`, ctx)!;
    expect(l).toMatchObject({ kind: 'bound', zone: 'cell', upstream: ['plc/temp'] });
    expect(l.source).toEqual({ id: 'plc', kind: 'modbus', zone: 'cell', tag: { path: 'plc/temp', configured: true, id: 'temp', unit: 'degC', scale: 0.1, deadband: { absolute: 0.5 } } });
    expect(l.transforms).toEqual([
      { stage: 'normalize', scale: 0.1, offset: 0 },
      { stage: 'deadband', absolute: 0.5 },
      { stage: 'scale', scale: 2, offset: 0 },
      { stage: 'unit-conversion', from: 'degC', to: 'degF', factor: 1.8, offset: 32 },
    ]);
    // Telemetry from zone cell to zone it has no direct conduit (the hub's zone ops is in between).
    expect(l.consumers).toEqual([{ kind: 'historian' }, { kind: 'calculation', path: `${F}/temp_avg` }]);
    expect(l.excluded).toEqual([
      { sink: 'uns', reason: 'no conduit allows telemetry from zone cell to zone it' },
      { sink: 'erp', reason: 'the path is not under its paths: acme/spr/other' },
      { sink: 'lake', reason: 'no conduit allows telemetry from zone cell to zone it' },
    ]);
    expect(ns.lineage(`${F}/state`, ctx)!.transforms).toContainEqual({ stage: 'value-map', map: { '3': 1 } });
  });

  it('of a calculated attribute: the expression, its inputs and their tags, the hub as its zone', () => {
    const l = ns.lineage(`${F}/temp_avg`, ctx)!;
    expect(l).toMatchObject({ kind: 'calculated', zone: 'ops', upstream: ['plc/temp'] });
    expect(l.transforms).toEqual([{ stage: 'calculation', expression: "avg(temp, '5m')", inputs: [{ ref: 'temp', path: `${F}/temp`, use: 'avg', windowMs: 300_000 }], evaluations: 0, errors: 0 }]);
    expect(l.consumers).toEqual([{ kind: 'historian' }, { kind: 'sink', id: 'uns', sinkKind: 'mqtt', zone: 'it' }, { kind: 'sink', id: 'lake', sinkKind: 'nats', zone: 'it', contract: { template: 'Filler', version: 1 } }]);
  });

  it('of an attribute the hub writes itself (neither bound nor calculated, e.g. OEE): the hub as its zone', () => {
    const lines = new Namespace([{ id: 'Line', attributes: [{ name: 'oee', type: 'number', unit: '%' }] }], [{ path: 'acme/spr/pack/line1', template: 'Line' }], { sources });
    const l = lines.lineage('acme/spr/pack/line1/oee', ctx)!;
    expect(l).toMatchObject({ kind: 'unbound', zone: 'ops', upstream: [] });
    expect(l.consumers).toContainEqual({ kind: 'sink', id: 'uns', sinkKind: 'mqtt', zone: 'it' });
    expect(l.excluded.map((e) => e.reason)).not.toContainEqual(expect.stringContaining('zone is not known'));
  });

  it('of a raw tag, and nothing for an unknown path', () => {
    ns.map([{ path: 'plc/spare', value: 1, ts: 1, quality: 'good' }]);
    expect(ns.lineage('plc/spare', ctx)).toMatchObject({ kind: 'raw', source: { id: 'plc', tag: { id: 'spare', configured: true } }, transforms: [{ stage: 'normalize', scale: 1, offset: 0 }] });
    expect(ns.lineage('plc/nothing', ctx)).toBeUndefined();
    expect(ns.lineage(F, ctx)).toBeUndefined();
  });
});

describe('search', () => {
  const ns = new Namespace([...templates, { id: 'Mixer', attributes: [{ name: 'temp', type: 'number', unit: 'degC', description: 'Tank temperature' }] }], [...assets, { path: 'acme/spr/pack/mix1', template: 'Mixer' }], { sources });

  it('finds assets of a template with their attributes, and text over path, name, description and unit', () => {
    expect(ns.search({ template: 'Filler' }).matches.map((m) => m.path)).toEqual([F, `${F}/state`, `${F}/temp`, `${F}/temp_avg`]);
    expect(ns.search({ template: 'Filler', kind: 'asset' }).matches).toEqual([{ kind: 'asset', path: F, name: 'filler', template: 'Filler' }]);
    expect(ns.search({ q: 'tank TEMP' }).matches.map((m) => m.path)).toEqual(['acme/spr/pack/mix1/temp']);
    expect(ns.search({ q: 'degf' }).total).toBe(2);
    expect(ns.search({ q: 'temp', limit: 2, offset: 1 })).toMatchObject({ total: 3, matches: [{ path: `${F}/temp_avg` }, { path: 'acme/spr/pack/mix1/temp' }] });
    expect(ns.search({ q: 'temp', path: 'acme/spr/pack/mix1' }).total).toBe(1);
  });
});

describe('upstreamTags', () => {
  it('follows a chain of 50,000 calculations without overflowing the stack, inputs in order, each tag once', () => {
    const calcs = new Map<string, { inputs: Array<{ path?: string }> }>();
    for (let i = 0; i < 50_000; i++) calcs.set(`c/${i}`, { inputs: [{ path: `c/${i + 1}` }, { path: 'raw/b' }] });
    calcs.set('c/50000', { inputs: [{ path: 'raw/a' }, {}, { path: 'c/0' }] });
    const model = { feeds: new Map(), calcs, attributes: new Map() } as unknown as Parameters<typeof upstreamTags>[0];
    expect(upstreamTags(model, 'c/0')).toEqual(['raw/a', 'raw/b']);
  });
});
