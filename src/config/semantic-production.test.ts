import { describe, expect, it } from 'vitest';
import { BASE_YAML, at, load } from './__fixtures__/load-helpers.js';

const MODEL = `templates:
  - id: Machine
    attributes: [{ name: state, type: state, states: { "1": running, "3": down } }, { name: down_reason, type: number }, { name: good, type: counter }, { name: reject, type: counter }, { name: speed_sp, type: number, writable: true }]
  - id: Line
    attributes: []
    children: [{ name: filler, template: Machine }]
assets:
  - { path: acme/site/line1, template: Line }
`;
const production = (lines: string, extra = '') => `${BASE_YAML}${MODEL}production:
  timezone: America/Chicago
  shifts: [{ name: A, start: "06:00", end: "14:00" }, { name: C, start: "22:00", end: "06:00" }]
  products: [{ id: COLA-500, idealRate: 600 }]
  reasons: [{ code: 101, label: Jam, loss: breakdown }]
  lines:
${lines}${extra}`;
const GOOD_LINE = '    - { id: line1, path: acme/site/line1, state: { attribute: filler/state, map: { "1": running, "3": down } }, reason: filler/down_reason, good: { attribute: filler/good, rolloverAt: 65536 }, reject: { attribute: filler/reject }, dispatch: { speed: filler/speed_sp } }\n';

describe('production checks', () => {
  it('accepts a sound production block', () => {
    expect(load(production(GOOD_LINE)).problems).toEqual([]);
  });

  it('names an unknown line path and unknown attributes, with suggestions', () => {
    const r = load(production('    - { id: line1, path: acme/site/line9, state: { attribute: filler/state, map: {} }, good: { attribute: filler/good }, reject: { attribute: filler/reject } }\n    - { id: line2, path: acme/site/line1, state: { attribute: filler/stat, map: {} }, good: { attribute: capper/good }, total: { attribute: filler/good } }\n'));
    expect(at(r, 'production.lines[0].path')).toMatchObject([{ code: 'CW_CONFIG_UNKNOWN_REF', message: 'Line "acme/site/line9" is not an asset of the config.', hint: 'Did you mean acme/site/line1?' }]);
    expect(at(r, 'production.lines[1].state.attribute')).toMatchObject([{ code: 'CW_CONFIG_UNKNOWN_REF', message: 'Line line2 names attribute filler/stat, but acme/site/line1/filler/stat is not an attribute.', hint: 'Did you mean state?' }]);
    expect(at(r, 'production.lines[1].good.attribute')[0]!.hint).toBe('There is no asset acme/site/line1/capper; paths are relative to the line, e.g. filler/state.');
  });

  it('rejects a bad time zone, bad shift times, duplicates, missing ideal rates and counters', () => {
    const r = load(production(GOOD_LINE.replace('reject: { attribute: filler/reject }, ', ''), '').replace('America/Chicago', 'America/Chicgo').replace('"14:00"', '"25:00"').replace('{ id: COLA-500, idealRate: 600 }', '{ id: COLA-500, idealRate: 600 }, { id: COLA-500 }'));
    expect(at(r, 'production.timezone')[0]!.message).toBe('Time zone "America/Chicgo" is not an IANA time zone.');
    expect(at(r, 'production.shifts[0].end')[0]!.message).toBe('Shift A end "25:00" is not a wall time.');
    expect(at(r, 'production.products[1].id')[0]!.code).toBe('CW_CONFIG_DUPLICATE_ID');
    expect(at(r, 'production.products[1]')[0]!.message).toBe('Product COLA-500 needs exactly one of idealCycleTime and idealRate (it has neither).');
    expect(at(r, 'production.lines[0]')[0]!.message).toBe('Line line1 needs exactly one of total and reject beside good (it has neither).');
  });

  it('requires a confirmTable for staging confirmations', () => {
    const r = load(production(GOOD_LINE, '  erp: { staging: { host: db, table: erp.work_orders } }\n  confirmations: { targets: [{ id: erp, kind: staging }] }\n'));
    expect(at(r, 'production.confirmations.targets[0]')[0]!.message).toBe('Confirmation target erp writes to the staging schema, but production.erp.staging has no confirmTable.');
  });
});
