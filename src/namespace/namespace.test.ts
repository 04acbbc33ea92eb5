import { describe, expect, it } from 'vitest';
import { Namespace } from './index.js';
import type { AssetConfig, TemplateConfig } from '../config/schema.js';

const templates: TemplateConfig[] = [
  { id: 'Machine', attributes: [{ name: 'state', type: 'number', states: { '1': 'running', '3': 'down' } }, { name: 'running', type: 'boolean' }] },
  { id: 'Filler', extends: 'Machine', attributes: [{ name: 'speed', type: 'number', unit: 'bpm', max: 900 }] },
];
const assets: AssetConfig[] = [
  { path: 'acme/spr/packaging/line1/filler', template: 'Filler', bindings: { state: 'sim/f1_state', speed: { tag: 'sim/f1_speed' }, running: 'sim/f1_state' } },
  { path: 'acme/spr/utilities/compressor', template: 'Machine', bindings: {} },
];
const t = 1_700_000_000_000;

describe('namespace', () => {
  it('maps bound raw tags onto attributes with their types, and keeps unbound ones raw', () => {
    const ns = new Namespace(templates, assets);
    const out = ns.map([
      { path: 'sim/f1_state', value: 1, ts: t, quality: 'good' },
      { path: 'sim/f1_speed', value: '612.5', ts: t, quality: 'good' },
      { path: 'sim/unbound', value: 3, ts: t, quality: 'good' },
    ]);
    expect(out).toEqual([
      { path: 'acme/spr/packaging/line1/filler/state', value: 1, ts: t, quality: 'good' },
      { path: 'acme/spr/packaging/line1/filler/running', value: true, ts: t, quality: 'good' },
      { path: 'acme/spr/packaging/line1/filler/speed', value: 612.5, ts: t, quality: 'good' },
      { path: 'sim/unbound', value: 3, ts: t, quality: 'good' },
    ]);
    expect(ns.live.get('acme/spr/packaging/line1/filler/speed')?.value).toBe(612.5);
  });

  it('marks a value that cannot take the attribute type as bad instead of dropping it', () => {
    const ns = new Namespace(templates, assets);
    const [s] = ns.map([{ path: 'sim/f1_speed', value: 'jammed', ts: t, quality: 'good' }]);
    expect(s).toMatchObject({ path: 'acme/spr/packaging/line1/filler/speed', value: 'jammed', quality: 'bad' });
  });

  it('inherits template attributes', () => {
    const ns = new Namespace(templates, assets);
    expect(ns.asset('acme/spr/packaging/line1/filler')?.attributes.sort()).toEqual([
      'acme/spr/packaging/line1/filler/running', 'acme/spr/packaging/line1/filler/speed', 'acme/spr/packaging/line1/filler/state',
    ]);
    expect(ns.attribute('acme/spr/packaging/line1/filler/speed')).toMatchObject({ unit: 'bpm', max: 900, boundTo: 'sim/f1_speed', template: 'Filler' });
  });

  it('browses one level at a time with node kinds', () => {
    const ns = new Namespace(templates, assets);
    ns.map([{ path: 'sim/x', value: 1, ts: t, quality: 'good' }]);
    expect(ns.browse('').map((n) => [n.name, n.kind])).toEqual([['acme', 'folder'], ['sim', 'folder']]);
    expect(ns.browse('acme/spr').map((n) => [n.name, n.kind, n.leafCount])).toEqual([['packaging', 'folder', 3], ['utilities', 'folder', 2]]);
    expect(ns.browse('acme/spr/packaging/line1').map((n) => [n.name, n.kind, n.template])).toEqual([['filler', 'asset', 'Filler']]);
    expect(ns.browse('sim')).toEqual([{ name: 'x', path: 'sim/x', kind: 'tag', leafCount: 1 }]);
    expect(ns.has('acme/spr/utilities')).toBe(true);
    expect(ns.has('acme/sp')).toBe(false);
  });

  it('keeps the newest live value when samples arrive out of order', () => {
    const ns = new Namespace(templates, assets);
    ns.map([{ path: 'sim/f1_speed', value: 2, ts: t + 1000, quality: 'good' }]);
    ns.map([{ path: 'sim/f1_speed', value: 1, ts: t, quality: 'good' }]);
    expect(ns.live.get('acme/spr/packaging/line1/filler/speed')?.value).toBe(2);
    expect(ns.live.under('acme/spr/packaging').map((s) => s.value)).toEqual([2]);
  });
});
