import { describe, expect, it } from 'vitest';
import { BASE_YAML, at, load } from './__fixtures__/load-helpers.js';

const SOURCE = `sources:
  - id: plc
    kind: test
    zone: line1
    tags: [{ id: t, unit: degC, signal: sine }, { id: p, unit: bar, signal: sine }, { id: f, unit: l/min, signal: sine }]
`;
const withParts = (templates: string, assets: string): string => `${BASE_YAML}${SOURCE}templates:\n${templates}\nassets:\n${assets}\n`;

describe('namespace checks', () => {
  it('accepts units that convert and rejects those that do not, at the binding', () => {
    const tpl = '  - id: T\n    attributes: [{ name: temp, type: number, unit: degF }, { name: flow, type: number, unit: m3/h }]';
    expect(load(withParts(tpl, '  - { path: a/b, template: T, bindings: { temp: plc/t, flow: plc/f } }')).problems).toEqual([]);
    const r = load(withParts(tpl, '  - { path: a/b, template: T, bindings: { temp: plc/p } }'));
    expect(at(r, 'assets[0].bindings.temp')).toMatchObject([{ code: 'CW_CONFIG_UNIT_INCOMPATIBLE', message: 'Tag plc/p is in bar but attribute temp of template T is in degF: bar and degF measure different quantities.' }]);
  });

  it('points a calc syntax error at its column in the file', () => {
    const r = load(withParts('  - id: T\n    attributes: [{ name: x, type: number }, { name: y, type: number, calc: "x * * 2" }]', '  - { path: a/b, template: T }'));
    const [p] = at(r, 'templates[0].attributes[1].calc');
    expect(p).toMatchObject({ code: 'CW_EXPR_SYNTAX', message: 'The expression is not valid at column 5: unexpected "*" where a value is expected.' });
    const line = withParts('  - id: T\n    attributes: [{ name: x, type: number }, { name: y, type: number, calc: "x * * 2" }]', '').split('\n')[p!.line - 1]!;
    expect(line.slice(p!.column - 1)).toMatch(/^\* 2"/);
  });

  it('finds a circle through sibling assets and reports it once', () => {
    const tpl = "  - id: T\n    attributes: [{ name: x, type: number, calc: \"attr('../b/x') + 1\" }]\n  - id: U\n    attributes: [{ name: x, type: number, calc: \"attr('../a/x') * 2\" }]";
    const r = load(withParts(tpl, '  - { path: l/a, template: T }\n  - { path: l/b, template: U }'));
    expect(r.problems.filter((p) => p.code === 'CW_CONFIG_CALC_CYCLE')).toMatchObject([{ path: 'templates[0].attributes[0].calc', message: 'Calculated attributes read each other in a circle: l/a/x → l/b/x → l/a/x.' }]);
  });

  it('reports a reference to an attribute of a sibling that does not exist, with a suggestion', () => {
    const tpl = "  - id: T\n    attributes: [{ name: speed, type: number }, { name: x, type: number, calc: \"attr('../b/sped')\" }]";
    const r = load(withParts(tpl, '  - { path: l/a, template: T }\n  - { path: l/b, template: T }'));
    expect(at(r, 'templates[0].attributes[1].calc')).toMatchObject([{ code: 'CW_CONFIG_UNKNOWN_REF', message: 'The calculation reads "../b/sped" (in asset l/a), but l/b/sped is not an attribute.', hint: expect.stringMatching(/^Did you mean speed\?/) }]);
  });

  it('rejects a child of an unknown template and a declared child of the wrong template', () => {
    const tpl = '  - id: Line\n    attributes: []\n    children: [{ name: filler, template: Filler }, { name: capper, template: Caper }]\n  - id: Filler\n    attributes: []\n  - id: Other\n    attributes: []';
    const r = load(withParts(tpl, '  - { path: a/line1, template: Line }\n  - { path: a/line1/filler, template: Other }'));
    expect(at(r, 'templates[0].children[1].template')[0]!.message).toBe('Template "Caper" is not defined.');
    expect(at(r, 'assets[1].template')[0]).toMatchObject({ code: 'CW_CONFIG_CONFLICT', message: 'Asset a/line1/filler is child "filler" of a/line1, whose template Line expects a Filler; Other is not one.' });
  });
});
