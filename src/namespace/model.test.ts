import { describe, expect, it } from 'vitest';
import type { AssetConfig, SourceConfig, TemplateConfig } from '../config/schema.js';
import { buildModel } from './model.js';
import { isA, resolveTemplateAttributes, resolveTemplateChildren } from './templates.js';

const templates: TemplateConfig[] = [
  { id: 'Machine', attributes: [{ name: 'state', type: 'state', states: { '1': 'running', '2': 'stopped' } }, { name: 'speed', type: 'number', unit: 'bpm' }] },
  { id: 'Filler', extends: 'Machine', version: 2, attributes: [{ name: 'speed', type: 'number', unit: 'bottles/min', max: 900 }, { name: 'temp', type: 'number', unit: 'degF', alarms: { hi: 50 } }] },
  { id: 'Capper', extends: 'Machine', attributes: [{ name: 'count', type: 'counter' }] },
  {
    id: 'Line',
    attributes: [{ name: 'output', type: 'number', calc: "rate('capper/count')" }],
    children: [{ name: 'filler', template: 'Filler' }, { name: 'capper', template: 'Capper', description: 'The capper of the line' }],
  },
];
const sources: SourceConfig[] = [{ id: 'plc', kind: 'simulator', zone: 'ot', tags: [{ id: 'f_temp', unit: 'degC' }, { id: 'f_speed', unit: 'bottles/min' }] }];
const LINE = 'acme/spr/packaging/line1';
const assets: AssetConfig[] = [
  { path: LINE, template: 'Line' },
  { path: `${LINE}/filler`, template: 'Filler', description: 'Krones filler', bindings: { temp: 'plc/f_temp', speed: { tag: 'plc/f_speed', scale: 2 } } },
];

describe('templates', () => {
  const byId = new Map(templates.map((t) => [t.id, t]));

  it('inherit attributes, the own definition overriding the parent one', () => {
    const attrs = resolveTemplateAttributes(byId, 'Filler');
    expect(attrs.map((a) => a.name)).toEqual(['state', 'speed', 'temp']);
    expect(attrs.find((a) => a.name === 'speed')).toMatchObject({ unit: 'bottles/min', max: 900 });
    expect(isA(byId, 'Filler', 'Machine')).toBe(true);
    expect(isA(byId, 'Machine', 'Filler')).toBe(false);
  });

  it('compose child assets', () => {
    expect(resolveTemplateChildren(byId, 'Line').map((c) => c.name)).toEqual(['filler', 'capper']);
  });

  it('stop at an inheritance cycle instead of looping', () => {
    const cyclic = new Map<string, TemplateConfig>([['A', { id: 'A', extends: 'B', attributes: [{ name: 'a', type: 'number' }] }], ['B', { id: 'B', extends: 'A', attributes: [{ name: 'b', type: 'number' }] }]]);
    expect(resolveTemplateAttributes(cyclic, 'A').map((a) => a.name).sort()).toEqual(['a', 'b']);
  });
});

describe('the model', () => {
  const model = buildModel(templates, assets, sources);

  it('creates the children a template implies, keeping a declared child as written', () => {
    expect(model.assets.get(LINE)?.children).toEqual([`${LINE}/filler`, `${LINE}/capper`]);
    expect(model.assets.get(`${LINE}/filler`)).toMatchObject({ template: 'Filler', description: 'Krones filler' });
    expect(model.assets.get(`${LINE}/filler`)?.implicit).toBeUndefined();
    expect(model.assets.get(`${LINE}/capper`)).toMatchObject({ template: 'Capper', implicit: true, description: 'The capper of the line' });
    expect(model.assets.get(`${LINE}/capper`)?.attributes).toEqual([`${LINE}/capper/state`, `${LINE}/capper/speed`, `${LINE}/capper/count`]);
  });

  it('gives attributes their declared type, value type, unit and alarm limits', () => {
    expect(model.attributes.get(`${LINE}/filler/state`)).toMatchObject({ type: 'state', valueType: 'number', states: { '1': 'running', '2': 'stopped' } });
    expect(model.attributes.get(`${LINE}/capper/count`)).toMatchObject({ type: 'counter', valueType: 'number' });
    expect(model.attributes.get(`${LINE}/filler/temp`)).toMatchObject({ unit: 'degF', alarms: { hi: 50 }, boundTo: 'plc/f_temp' });
  });

  it('builds feeds with the conversion from the tag unit to the attribute unit', () => {
    expect(model.feeds.get(`${LINE}/filler/temp`)).toEqual({ tag: 'plc/f_temp', tagUnit: 'degC', scale: 1, offset: 0, conversion: { from: 'degC', to: 'degF', factor: 1.8, offset: 32 } });
    expect(model.feeds.get(`${LINE}/filler/speed`)).toEqual({ tag: 'plc/f_speed', tagUnit: 'bottles/min', scale: 2, offset: 0 });
    expect(model.bindings.get('plc/f_temp')).toEqual([`${LINE}/filler/temp`]);
  });

  it('resolves calculation inputs to paths, into child assets too', () => {
    expect(model.calcs.get(`${LINE}/output`)?.inputs).toEqual([{ ref: 'capper/count', path: `${LINE}/capper/count`, use: 'rate' }]);
  });
});
