import { describe, expect, it } from 'vitest';
import { buildModel } from '../namespace/model.js';
import { BASE_YAML, at, load } from './__fixtures__/load-helpers.js';

const withTemplates = (templates: string): string => `${BASE_YAML}templates:\n${templates}\nassets:\n  - { path: a/b, template: T }\n`;

describe('counter and interpolation keys', () => {
  it('accepts a counter range (rolloverAt or bits), its drop rule and interpolation per template and attribute', () => {
    const tpl = [
      '  - id: T',
      '    interpolation: step',
      '    attributes:',
      '      - { name: good, type: counter, bits: 16 }',
      '      - { name: energy, type: counter, rolloverAt: 1000000, onDrop: rollover }',
      '      - { name: reject, type: counter, onDrop: reset }',
      '      - { name: speed, type: number }',
      '      - { name: temp, type: number, interpolation: linear }',
      '      - { name: running, type: boolean }',
    ].join('\n');
    const r = load(withTemplates(tpl));
    expect(r.problems).toEqual([]);
    const model = buildModel(r.config!.templates!, r.config!.assets!);
    const attr = (n: string) => model.attributes.get(`a/b/${n}`)!;
    expect(attr('good').counter).toEqual({ rolloverAt: 65_536 });
    expect(attr('energy').counter).toEqual({ rolloverAt: 1_000_000, onDrop: 'rollover' });
    expect(attr('reject').counter).toEqual({ onDrop: 'reset' });
    // The template says step for its numbers; an attribute's own word wins; booleans always step.
    expect(['speed', 'temp', 'running', 'good'].map((n) => attr(n).interpolation)).toEqual(['step', 'linear', 'step', 'step']);
  });

  it('interpolates numbers linearly and states, booleans and strings by step when nothing is said', () => {
    const tpl = '  - id: T\n    attributes: [{ name: speed, type: number }, { name: count, type: counter }, { name: mode, type: state, states: { "1": run } }, { name: lot, type: string }]';
    const r = load(withTemplates(tpl));
    const model = buildModel(r.config!.templates!, r.config!.assets!);
    expect(['speed', 'count', 'mode', 'lot'].map((n) => model.attributes.get(`a/b/${n}`)!.interpolation)).toEqual(['linear', 'linear', 'step', 'step']);
  });

  it('refuses counter keys on other types, a range given twice, a rollover without a range, linear text', () => {
    const tpl = [
      '  - id: T',
      '    attributes:',
      '      - { name: speed, type: number, bits: 16 }',
      '      - { name: good, type: counter, bits: 16, rolloverAt: 65536 }',
      '      - { name: reject, type: counter, onDrop: rollover }',
      '      - { name: lot, type: string, interpolation: linear }',
    ].join('\n');
    const r = load(withTemplates(tpl));
    expect(at(r, 'templates[0].attributes[0].bits')).toMatchObject([{ code: 'CW_CONFIG_CONFLICT', message: 'Attribute "speed" has bits: but is not a counter.' }]);
    expect(at(r, 'templates[0].attributes[1].bits')).toMatchObject([{ code: 'CW_CONFIG_CONFLICT', message: expect.stringContaining('gives its range twice') }]);
    expect(at(r, 'templates[0].attributes[2].onDrop')).toMatchObject([{ code: 'CW_CONFIG_CONFLICT', hint: expect.stringContaining('bits: 16') }]);
    expect(at(r, 'templates[0].attributes[3].interpolation')).toMatchObject([{ code: 'CW_CONFIG_CONFLICT' }]);
  });

  it('refuses a bit width a PLC counter does not have', () => {
    const r = load(withTemplates('  - id: T\n    attributes: [{ name: good, type: counter, bits: 12 }]'));
    expect(r.problems.map((p) => p.path)).toContain('templates[0].attributes[0].bits');
  });
});
